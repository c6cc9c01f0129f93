-- The database the object selection tests dump with pgdump-ts and with pg_dump, the same flags
-- each time. Names are chosen to exercise psql's pattern rules: case folding, quoting, regex
-- characters inside and outside quotes, a dot inside a name, and tables of the same name in
-- several schemas (for search_path visibility).
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'regress_sel_owner') THEN
    CREATE ROLE regress_sel_owner NOLOGIN;
  END IF;
END $$;

-- public
CREATE TABLE public.t1 (id int PRIMARY KEY, v text);
INSERT INTO public.t1 VALUES (1, 'public one');
CREATE TABLE public.only_public (id int);
INSERT INTO public.only_public VALUES (7);

-- sel_a: a bit of everything that lives in a schema
CREATE SCHEMA sel_a;
COMMENT ON SCHEMA sel_a IS 'selection fixture';
CREATE TYPE sel_a.mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN sel_a.posint AS int CHECK (VALUE > 0);
CREATE FUNCTION sel_a.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.v := lower(NEW.v); RETURN NEW; END $$;
CREATE FUNCTION sel_a.add1(int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT $1 + 1';
CREATE SEQUENCE sel_a.s1 START 10;
SELECT pg_catalog.setval('sel_a.s1', 42);
CREATE TABLE sel_a.t1 (
  id serial PRIMARY KEY,
  v text DEFAULT 'x' CHECK (v <> ''),
  m sel_a.mood,
  n sel_a.posint,
  c text
);
-- column compression exists from 14 on
DO $$ BEGIN
  IF current_setting('server_version_num')::int >= 140000 THEN
    EXECUTE 'ALTER TABLE sel_a.t1 ALTER COLUMN c SET COMPRESSION pglz';
  END IF;
END $$;
COMMENT ON TABLE sel_a.t1 IS 'the first table';
CREATE INDEX t1_v_idx ON sel_a.t1 (v);
CREATE TRIGGER t1_touch BEFORE INSERT ON sel_a.t1 FOR EACH ROW EXECUTE FUNCTION sel_a.touch();
CREATE RULE t1_noop AS ON UPDATE TO sel_a.t1 WHERE false DO INSTEAD NOTHING;
ALTER TABLE sel_a.t1 ENABLE ROW LEVEL SECURITY;
CREATE POLICY t1_pol ON sel_a.t1 USING (true);
CREATE STATISTICS sel_a.t1_stats ON v, m FROM sel_a.t1;
INSERT INTO sel_a.t1 (v, m, n) VALUES ('ONE', 'ok', 1), ('TWO', 'happy', 2);
CREATE TABLE sel_a."T1" (id int GENERATED ALWAYS AS IDENTITY, w text);
INSERT INTO sel_a."T1" (w) VALUES ('upper');
CREATE TABLE sel_a.t2 (id int PRIMARY KEY, t1 int REFERENCES sel_a.t1 (id));
INSERT INTO sel_a.t2 VALUES (1, 1);
CREATE TABLE sel_a.tab_data (id int);
INSERT INTO sel_a.tab_data VALUES (1), (2), (3);
CREATE VIEW sel_a.v1 AS SELECT id, v FROM sel_a.t1;
CREATE MATERIALIZED VIEW sel_a.mv1 AS SELECT count(*) AS n FROM sel_a.t1;
CREATE UNLOGGED TABLE sel_a.ul (id int);
INSERT INTO sel_a.ul VALUES (5);
-- regex characters: quoted they are literal, unquoted they are regex
CREATE TABLE sel_a."a+b" (id int);
CREATE TABLE sel_a.aab (id int);
CREATE TABLE sel_a."x$y" (id int);
CREATE TABLE sel_a."star*" (id int);
CREATE TABLE sel_a.starfish (id int);
-- inheritance and partitioning
CREATE TABLE sel_a.parent (id int, note text);
CREATE TABLE sel_a.child1 (extra int) INHERITS (sel_a.parent);
CREATE TABLE sel_a.grandchild () INHERITS (sel_a.child1);
INSERT INTO sel_a.parent VALUES (1, 'p');
INSERT INTO sel_a.child1 VALUES (2, 'c', 20);
INSERT INTO sel_a.grandchild VALUES (3, 'g', 30);
CREATE TABLE sel_a.pt (k int, v text) PARTITION BY RANGE (k);
CREATE TABLE sel_a.pt_1 PARTITION OF sel_a.pt FOR VALUES FROM (0) TO (10);
CREATE TABLE sel_a.pt_2 PARTITION OF sel_a.pt FOR VALUES FROM (10) TO (20);
CREATE INDEX pt_k_idx ON sel_a.pt (k);
INSERT INTO sel_a.pt VALUES (1, 'a'), (11, 'b');
ALTER TABLE sel_a.t1 OWNER TO regress_sel_owner;
GRANT SELECT ON sel_a.t2 TO regress_sel_owner;
ALTER DEFAULT PRIVILEGES IN SCHEMA sel_a GRANT SELECT ON TABLES TO regress_sel_owner;

-- case folding: an unquoted pattern finds sel_mixed, a quoted one "Sel_Mixed"
CREATE SCHEMA "Sel_Mixed";
CREATE TABLE "Sel_Mixed"."MixedTab" (id int);
INSERT INTO "Sel_Mixed"."MixedTab" VALUES (1);
CREATE TABLE "Sel_Mixed".lower_tab (id int);
CREATE SCHEMA sel_mixed;
CREATE TABLE sel_mixed.mixedtab (id int);
INSERT INTO sel_mixed.mixedtab VALUES (2);

-- a space and a dot inside schema names
CREATE SCHEMA "sel b";
CREATE TABLE "sel b"."tab with space" (id int);
CREATE SCHEMA "sel.dot";
CREATE TABLE "sel.dot".t (id int);
INSERT INTO "sel.dot".t VALUES (9);

-- sel_x: to be excluded; its statistics object is about a table in sel_a
CREATE SCHEMA sel_x;
CREATE TABLE sel_x.tx (id int, other int);
INSERT INTO sel_x.tx VALUES (1, 1);
CREATE FUNCTION sel_x.fx() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE STATISTICS sel_x.cross_stats ON id, v FROM sel_a.t1;
CREATE VIEW sel_x.over_a AS SELECT id FROM sel_a.t1;

-- extensions, in their own schema
CREATE SCHEMA sel_ext;
CREATE EXTENSION cube WITH SCHEMA sel_ext;
CREATE EXTENSION isn WITH SCHEMA sel_ext;

-- objects outside any schema: only in a dump of everything
CREATE FUNCTION sel_a.on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE EVENT TRIGGER sel_evt ON ddl_command_start EXECUTE FUNCTION sel_a.on_ddl();
CREATE CAST (sel_a.mood AS int) WITH INOUT;
CREATE ACCESS METHOD sel_heap2 TYPE TABLE HANDLER heap_tableam_handler;
CREATE SCHEMA sel_am;
CREATE TABLE sel_am.with_am (id int) USING sel_heap2;
CREATE PUBLICATION sel_pub FOR TABLE sel_a.t2, sel_x.tx;
SELECT pg_catalog.lo_from_bytea(424242, '\x68656c6c6f');
COMMENT ON LARGE OBJECT 424242 IS 'a large object';

-- a foreign table whose rows come from a program run by the server
CREATE EXTENSION file_fdw;
CREATE SERVER sel_files FOREIGN DATA WRAPPER file_fdw;
CREATE USER MAPPING FOR CURRENT_USER SERVER sel_files;
CREATE SCHEMA sel_f;
CREATE FOREIGN TABLE sel_f.ft (id int, v text) SERVER sel_files OPTIONS (program 'printf "1\tone\n2\ttwo\n"');

-- last, so that it applies to nothing the extensions create
ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON FUNCTIONS TO regress_sel_owner;
