-- min-version: 18
-- PostgreSQL 18: named NOT NULL constraints (incl. NOT VALID and NO INHERIT)
-- and virtual generated columns.
CREATE SCHEMA tables_pg18;
CREATE TABLE tables_pg18.t (
    id integer CONSTRAINT "id is required" NOT NULL,
    a integer,
    b integer CONSTRAINT b_nn_noinherit NOT NULL NO INHERIT,
    v integer GENERATED ALWAYS AS (a * 10) VIRTUAL,
    s integer GENERATED ALWAYS AS (a + 1) STORED
);
INSERT INTO tables_pg18.t (id, a, b) VALUES (1, NULL, 1), (2, 5, 2);
ALTER TABLE tables_pg18.t ADD CONSTRAINT a_nn_not_valid NOT NULL a NOT VALID;
COMMENT ON CONSTRAINT "id is required" ON tables_pg18.t IS 'named not-null constraint';
