-- min-version: 14
-- Per-column TOAST compression method (the embedded builds lack lz4, so only
-- an explicit pglz is exercised).
CREATE SCHEMA tables_compression;
CREATE TABLE tables_compression.c (
    id integer,
    explicit_pglz text COMPRESSION pglz,
    default_method text
);
CREATE TABLE tables_compression.altered (id integer, doc jsonb);
ALTER TABLE tables_compression.altered ALTER COLUMN doc SET COMPRESSION pglz;
INSERT INTO tables_compression.c VALUES (1, repeat('compress me ', 1000), repeat('x', 5000));
