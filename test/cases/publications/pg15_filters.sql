-- min-version: 15
-- 15+: row filters, column lists, FOR TABLES IN SCHEMA.
CREATE SCHEMA publications_pg15;
CREATE SCHEMA "Pub Schema ""Odd""";
CREATE TABLE publications_pg15.orders (id integer PRIMARY KEY, status text, amount numeric, note text);
CREATE TABLE "Pub Schema ""Odd""".t (id integer PRIMARY KEY, "Flag" boolean);

CREATE PUBLICATION pubcase_filtered FOR TABLE
    publications_pg15.orders (id, status, amount) WHERE (status = 'paid' AND amount > 100)
    WITH (publish = 'insert');
CREATE PUBLICATION pubcase_where_only FOR TABLE "Pub Schema ""Odd""".t WHERE ("Flag");
CREATE PUBLICATION pubcase_columns_only FOR TABLE publications_pg15.orders (note, id);

CREATE PUBLICATION pubcase_schemas FOR TABLES IN SCHEMA publications_pg15, "Pub Schema ""Odd""";
CREATE PUBLICATION pubcase_mixed FOR TABLES IN SCHEMA publications_pg15,
    TABLE "Pub Schema ""Odd""".t WHERE (id > 0);
COMMENT ON PUBLICATION pubcase_mixed IS 'schema plus a filtered table';
