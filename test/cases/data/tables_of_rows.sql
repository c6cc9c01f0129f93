-- Row-count edge cases: a table with 10,000 deterministic generated rows, a
-- table with no rows, a table whose rows were all deleted, and a table whose
-- only live column follows several dropped columns.
CREATE SCHEMA data_rows;

CREATE TABLE data_rows.many (
    id integer PRIMARY KEY,
    code text NOT NULL,
    amount numeric(12,2),
    d date,
    flag boolean,
    payload text,
    tags text[]
);
INSERT INTO data_rows.many
SELECT g,
       md5(g::text),
       (g * 37 % 100000) / 100.0,
       DATE '2000-01-01' + (g % 3650),
       g % 3 = 0,
       CASE WHEN g % 100 = 0 THEN NULL
            WHEN g % 97 = 0 THEN E'special\t\\N\n' || g
            ELSE repeat(chr(65 + g % 26), g % 40) END,
       CASE WHEN g % 50 = 0 THEN NULL ELSE ARRAY['t' || (g % 7), 'u' || (g % 11)] END
FROM generate_series(1, 10000) g;

CREATE TABLE data_rows.empty (id integer PRIMARY KEY, v text);

CREATE TABLE data_rows.all_deleted (id integer, v text);
INSERT INTO data_rows.all_deleted SELECT g, 'x' FROM generate_series(1, 100) g;
DELETE FROM data_rows.all_deleted;

CREATE TABLE data_rows.one_live_column (a integer, b text, c date, keep text, d bytea);
INSERT INTO data_rows.one_live_column VALUES (1, 'b', '2000-01-01', 'kept 1', '\x00'), (2, NULL, NULL, NULL, NULL);
ALTER TABLE data_rows.one_live_column DROP COLUMN a;
ALTER TABLE data_rows.one_live_column DROP COLUMN b;
ALTER TABLE data_rows.one_live_column DROP COLUMN c;
ALTER TABLE data_rows.one_live_column DROP COLUMN d;
INSERT INTO data_rows.one_live_column VALUES ('kept 3');
