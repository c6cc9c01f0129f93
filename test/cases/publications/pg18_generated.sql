-- min-version: 18
-- 18: publish_generated_columns.
CREATE SCHEMA publications_pg18;
CREATE TABLE publications_pg18.g (id integer PRIMARY KEY, twice integer GENERATED ALWAYS AS (id * 2) STORED);
CREATE PUBLICATION pubcase_gen_stored FOR TABLE publications_pg18.g WITH (publish_generated_columns = stored);
CREATE PUBLICATION pubcase_gen_none FOR TABLE publications_pg18.g WITH (publish_generated_columns = none);
CREATE PUBLICATION pubcase_gen_cols FOR TABLE publications_pg18.g (id, twice);
