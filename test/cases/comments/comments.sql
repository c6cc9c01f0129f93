-- Comments on every object kind in scope, each with hostile text: quotes,
-- backslashes, newlines, tabs, unicode, emoji, a long comment, SQL-looking
-- text and dollar signs.
CREATE SCHEMA comments;

CREATE TABLE comments.t (id integer CONSTRAINT t_pk PRIMARY KEY, v text CONSTRAINT v_check CHECK (v <> ''));
CREATE INDEX t_v_idx ON comments.t (v);
CREATE SEQUENCE comments.s;
CREATE VIEW comments.v AS SELECT id, v FROM comments.t;
CREATE MATERIALIZED VIEW comments.mv AS SELECT id FROM comments.t;
CREATE FUNCTION comments.f(a integer, b text) RETURNS text LANGUAGE sql AS 'SELECT b || a';
CREATE PROCEDURE comments.p(a integer) LANGUAGE sql AS 'SELECT a';
CREATE FUNCTION comments.trg() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
CREATE TRIGGER t_trg BEFORE INSERT ON comments.t FOR EACH ROW EXECUTE FUNCTION comments.trg();
CREATE TYPE comments.e AS ENUM ('x');
CREATE TYPE comments.c AS (a integer, b text);
CREATE TYPE comments.r AS RANGE (subtype = integer);
CREATE DOMAIN comments.d AS integer CONSTRAINT d_check CHECK (VALUE > 0);
CREATE TABLE comments.u (id integer CONSTRAINT u_fk REFERENCES comments.t, CONSTRAINT u_uniq UNIQUE (id));

COMMENT ON SCHEMA comments IS 'schema: it''s "quoted"';
COMMENT ON TABLE comments.t IS E'table:\n\tline two with a tab\nline three with a backslash \\ and \\\\ two';
COMMENT ON COLUMN comments.t.id IS U&'column: ümlaut テーブル 😀 e\0301 (combining acute)';
COMMENT ON COLUMN comments.t.v IS 'column: $$ dollar $_$ quotes $$';
COMMENT ON CONSTRAINT t_pk ON comments.t IS 'pk constraint; DROP TABLE comments.t; --';
COMMENT ON CONSTRAINT v_check ON comments.t IS 'check constraint */ /* not a comment';
COMMENT ON CONSTRAINT u_fk ON comments.u IS 'fk constraint';
COMMENT ON CONSTRAINT u_uniq ON comments.u IS 'unique constraint';
COMMENT ON INDEX comments.t_v_idx IS 'index';
COMMENT ON SEQUENCE comments.s IS 'sequence';
COMMENT ON VIEW comments.v IS 'view';
COMMENT ON COLUMN comments.v.v IS 'view column';
COMMENT ON MATERIALIZED VIEW comments.mv IS 'matview';
COMMENT ON COLUMN comments.mv.id IS 'matview column';
COMMENT ON FUNCTION comments.f(integer, text) IS 'function';
COMMENT ON PROCEDURE comments.p(integer) IS 'procedure';
COMMENT ON TRIGGER t_trg ON comments.t IS 'trigger';
COMMENT ON TYPE comments.e IS 'enum type';
COMMENT ON TYPE comments.c IS 'composite type';
COMMENT ON COLUMN comments.c.b IS 'composite attribute';
COMMENT ON TYPE comments.r IS 'range type';
COMMENT ON DOMAIN comments.d IS 'domain';
COMMENT ON CONSTRAINT d_check ON DOMAIN comments.d IS 'domain constraint';
DO $$ BEGIN
    EXECUTE format('COMMENT ON TABLE comments.u IS %L', repeat('A long comment. ', 500));
END $$;
