-- Stored generated columns, incl. one using a user function and one depending
-- on another column with a hostile name.
CREATE SCHEMA tables_generated;

CREATE FUNCTION tables_generated.twice(integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT AS 'SELECT $1 * 2';

CREATE TABLE tables_generated.g (
    id integer PRIMARY KEY,
    "Base Value" integer,
    doubled integer GENERATED ALWAYS AS ("Base Value" * 2) STORED,
    via_func integer GENERATED ALWAYS AS (tables_generated.twice("Base Value")) STORED,
    label text GENERATED ALWAYS AS ('id=' || id::text || coalesce(' v=' || "Base Value", '')) STORED NOT NULL,
    tail text
);
COMMENT ON COLUMN tables_generated.g.doubled IS 'generated';
INSERT INTO tables_generated.g (id, "Base Value", tail) VALUES (1, 21, 't'), (2, NULL, NULL);
