-- min-version: 18
-- 18: virtual generated columns, named and NO INHERIT NOT NULL constraints, NOT VALID NOT NULL.
CREATE SCHEMA foreign_tables_pg18;
CREATE FOREIGN DATA WRAPPER fdwcase_pg18_wrapper;
CREATE SERVER fdwcase_pg18_srv FOREIGN DATA WRAPPER fdwcase_pg18_wrapper;
CREATE FOREIGN TABLE foreign_tables_pg18.nn (
    a integer CONSTRAINT "Named NN" NOT NULL,
    b integer NOT NULL NO INHERIT,
    c integer,
    v integer GENERATED ALWAYS AS (a + 1) VIRTUAL
) SERVER fdwcase_pg18_srv;
ALTER FOREIGN TABLE foreign_tables_pg18.nn ADD CONSTRAINT c_nn NOT NULL c NOT VALID;
