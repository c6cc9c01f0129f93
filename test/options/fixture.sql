-- A small database for the output-option tests (test/options.test.ts): every kind of value
-- INSERT rendering treats differently, generated and identity columns, a multi-level partition
-- tree, a trigger that rewrites rows, functions with awkward bodies, owners, grants, comments.
-- Runs on 13..18. Character data stays within LATIN1 so the -E test can use it.
CREATE SCHEMA opt;
COMMENT ON SCHEMA opt IS 'output options';
CREATE TYPE opt.mood AS ENUM ('sad', 'happy');
CREATE DOMAIN opt.posint AS integer CHECK (VALUE > 0);

CREATE TABLE opt.kinds (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  i2 smallint, i8 bigint, n numeric, f4 real, f8 double precision, b boolean,
  bits bit(4), vbits bit varying, t text, bt bytea, j jsonb, arr integer[],
  ts timestamptz, iv interval, m opt.mood, d opt.posint, o oid, pt point,
  g integer GENERATED ALWAYS AS (i2 * 2) STORED
);
INSERT INTO opt.kinds (i2, i8, n, f4, f8, b, bits, vbits, t, bt, j, arr, ts, iv, m, d, o, pt) VALUES
  (1, 9223372036854775807, 'NaN', 'Infinity', '-Infinity', true, B'1010', B'1',
   E'tab\there\nnew line \\ back''slash $$ dollar', '\x00ff27', '{"a": "\u00e9", "q": "it''s"}', '{1,NULL,3}',
   '2020-01-01 00:00:00+00', '1 day 02:03:04', 'happy', 5, 42, '(1,2)'),
  (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (-3, -1, 123456789012345678901234567890.123456789, 1.5e-30, 3.141592653589793, false, B'0000', B'',
   '', '\x', '[]', '{}', 'infinity', '-1 mons', 'sad', 1, 0, '(0,0)'),
  (4, 0, -0.5, '-0', 1e300, true, B'1111', B'0101', 'caf' || chr(233) || ' \N', '\x5c', 'null', '{{1,2},{3,4}}',
   '-infinity', '0', 'happy', 2147483647, 4294967295, '(-1.5,2.25)');
COMMENT ON TABLE opt.kinds IS 'every value class';
COMMENT ON COLUMN opt.kinds.t IS 'text';

CREATE TABLE opt.many (id integer PRIMARY KEY, v text);
INSERT INTO opt.many SELECT g, md5(g::text) FROM generate_series(1, 2503) g;

CREATE TABLE opt.child (id integer PRIMARY KEY, kind_id integer REFERENCES opt.kinds (id), note text DEFAULT 'none');
INSERT INTO opt.child VALUES (1, 1, 'one'), (2, 3, 'three'), (3, NULL, DEFAULT);

CREATE TABLE opt."Mixed Case" ("Col 1" integer, "select" text, "café" text);
INSERT INTO opt."Mixed Case" VALUES (1, 'x', 'y'), (2, NULL, 'z');

CREATE TABLE opt.nocols ();
INSERT INTO opt.nocols DEFAULT VALUES;
INSERT INTO opt.nocols DEFAULT VALUES;

CREATE TABLE opt.parted (k integer NOT NULL, v text) PARTITION BY RANGE (k);
CREATE TABLE opt.parted_low PARTITION OF opt.parted FOR VALUES FROM (0) TO (100);
CREATE TABLE opt.parted_high PARTITION OF opt.parted FOR VALUES FROM (100) TO (200) PARTITION BY LIST (v);
CREATE TABLE opt.parted_high_ab PARTITION OF opt.parted_high FOR VALUES IN ('a', 'b');
CREATE TABLE opt.parted_high_rest PARTITION OF opt.parted_high DEFAULT;
INSERT INTO opt.parted VALUES (1, 'low'), (150, 'a'), (160, 'zzz'), (99, NULL);

-- A trigger that rewrites every row it sees: --disable-triggers keeps it from firing on restore.
CREATE FUNCTION opt.bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.v := NEW.v || '!';
  RETURN NEW;
END
$$;
CREATE TABLE opt.trig (id integer PRIMARY KEY, v text);
INSERT INTO opt.trig VALUES (1, 'a'), (2, 'b');
CREATE TRIGGER bump BEFORE INSERT ON opt.trig FOR EACH ROW EXECUTE FUNCTION opt.bump();

-- Bodies that need care when not dollar-quoted.
CREATE FUNCTION opt.quoting(x text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $body$
BEGIN
  RETURN x || '$$' || E'\\' || '''' || $q$it's$q$;
END
$body$;
CREATE FUNCTION opt."Add"(integer, integer) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'int4pl';
CREATE PROCEDURE opt.noop(INOUT n integer) LANGUAGE plpgsql AS $$ BEGIN n := n + 1; END $$;
CREATE FUNCTION opt.empty() RETURNS void LANGUAGE sql AS '';

CREATE SEQUENCE opt.counter START 10;
SELECT pg_catalog.setval('opt.counter', 42);

CREATE VIEW opt.kinds_view AS SELECT id, t, m FROM opt.kinds;
ALTER VIEW opt.kinds_view ALTER COLUMN t SET DEFAULT 'from view';
CREATE MATERIALIZED VIEW opt.kinds_mat AS SELECT id, i2 FROM opt.kinds;
CREATE INDEX kinds_t ON opt.kinds (t);

ALTER TABLE opt.many OWNER TO regress_owner_a;
ALTER TABLE opt.trig OWNER TO regress_owner_b;
ALTER FUNCTION opt.quoting(text) OWNER TO regress_owner_a;
ALTER TYPE opt.mood OWNER TO regress_owner_b;
GRANT SELECT ON opt.kinds TO regress_reader;
GRANT USAGE ON SCHEMA opt TO regress_reader;
