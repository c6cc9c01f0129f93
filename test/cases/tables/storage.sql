-- Table-level storage: UNLOGGED, storage parameters (incl. toast.*), table
-- and column comments, a table with no columns, a table with only NOT NULLs.
CREATE SCHEMA tables_storage;

CREATE UNLOGGED TABLE tables_storage.unlogged_t (id integer PRIMARY KEY, v text);
INSERT INTO tables_storage.unlogged_t VALUES (1, 'unlogged row');

CREATE TABLE tables_storage.params (id integer, v text)
    WITH (fillfactor = 70, autovacuum_enabled = false, toast.autovacuum_enabled = false,
          autovacuum_vacuum_scale_factor = 0.05, parallel_workers = 2);
INSERT INTO tables_storage.params VALUES (1, 'p');

CREATE TABLE tables_storage.params_altered (id integer);
ALTER TABLE tables_storage.params_altered SET (fillfactor = 50, user_catalog_table = true);

CREATE UNLOGGED TABLE tables_storage.unlogged_params (id integer) WITH (fillfactor = 90);

CREATE TABLE tables_storage.no_columns ();
INSERT INTO tables_storage.no_columns DEFAULT VALUES;
INSERT INTO tables_storage.no_columns DEFAULT VALUES;

COMMENT ON TABLE tables_storage.unlogged_t IS 'an unlogged table';
COMMENT ON COLUMN tables_storage.unlogged_t.v IS 'its value';
COMMENT ON TABLE tables_storage.no_columns IS 'zero columns, two rows';
