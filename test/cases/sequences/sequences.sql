-- Sequences: every option, AS smallint/integer/bigint, setval with is_called
-- true and false, a never-used sequence, OWNED BY a column, serial /
-- bigserial / smallserial columns, descending and cycling sequences.
CREATE SCHEMA sequences;

CREATE SEQUENCE sequences.all_options
    AS bigint INCREMENT BY 5 MINVALUE -1000 MAXVALUE 1000000 START WITH 10 CACHE 20 CYCLE;
SELECT setval('sequences.all_options', 500, true);

CREATE SEQUENCE sequences.small AS smallint START 3;
SELECT setval('sequences.small', 42, false);   -- next nextval() returns 42

CREATE SEQUENCE sequences.int_desc AS integer INCREMENT BY -2 MAXVALUE -1 MINVALUE -2147483648 NO CYCLE;
SELECT nextval('sequences.int_desc');
SELECT nextval('sequences.int_desc');

CREATE SEQUENCE sequences.never_used;

CREATE SEQUENCE sequences.at_max AS smallint MAXVALUE 10 START 10;
SELECT nextval('sequences.at_max');            -- is_called true at its maximum

CREATE SEQUENCE sequences.bigint_extremes
    MINVALUE -9223372036854775808 MAXVALUE 9223372036854775807 START -9223372036854775808;
SELECT setval('sequences.bigint_extremes', 9223372036854775806);

CREATE SEQUENCE "sequences"."Mixed Case Seq" START 1 NO MINVALUE NO MAXVALUE;

CREATE TABLE sequences.serials (
    s smallserial,
    i serial PRIMARY KEY,
    b bigserial,
    v text
);
INSERT INTO sequences.serials (v) VALUES ('one'), ('two');

-- A free-standing sequence later attached to a column with OWNED BY.
CREATE TABLE sequences.owner_tab (id integer, v text);
CREATE SEQUENCE sequences.owned_later START 100;
ALTER SEQUENCE sequences.owned_later OWNED BY sequences.owner_tab.id;
ALTER TABLE sequences.owner_tab ALTER COLUMN id SET DEFAULT nextval('sequences.owned_later');
INSERT INTO sequences.owner_tab (v) VALUES ('a');

-- A sequence owned by a column, used as the default of a column of a table
-- in another schema.
CREATE TABLE sequences.holder (id integer);
CREATE SEQUENCE sequences.shared_seq OWNED BY sequences.holder.id;
CREATE SCHEMA sequences_other;
CREATE TABLE sequences_other.t (id integer DEFAULT nextval('sequences.shared_seq'));
INSERT INTO sequences_other.t DEFAULT VALUES;

-- A sequence with a different owner, a comment and grants.
CREATE SEQUENCE sequences.granted;
ALTER SEQUENCE sequences.granted OWNER TO regress_owner_a;
GRANT USAGE ON SEQUENCE sequences.granted TO regress_writer;
GRANT SELECT, UPDATE ON SEQUENCE sequences.granted TO regress_reader WITH GRANT OPTION;
COMMENT ON SEQUENCE sequences.granted IS 'granted sequence';

-- A sequence altered after creation.
CREATE SEQUENCE sequences.altered;
ALTER SEQUENCE sequences.altered INCREMENT BY 7 RESTART WITH 50 CACHE 3;
SELECT nextval('sequences.altered');
