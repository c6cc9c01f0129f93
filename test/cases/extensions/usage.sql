-- Objects that use extension types, operators and functions (the extensions
-- themselves are created in _setup/shared_extensions.sql): hstore (in schema
-- ext_hstore) and citext columns with defaults, indexes and constraints.
CREATE SCHEMA extensions_usage;

CREATE TABLE extensions_usage.kv (
    id integer PRIMARY KEY,
    attrs ext_hstore.hstore DEFAULT ''::ext_hstore.hstore,
    name public.citext UNIQUE,
    names public.citext[],
    attrs_arr ext_hstore.hstore[]
);
INSERT INTO extensions_usage.kv VALUES
  (1, 'a=>1, "b c"=>"d \"e\"", n=>NULL', 'Alice', '{Bob,CAROL}', ARRAY['x=>1'::ext_hstore.hstore]),
  (2, '', 'bob', '{}', '{}'),
  (3, NULL, NULL, NULL, NULL);

CREATE INDEX kv_attrs_gin ON extensions_usage.kv USING gin (attrs);
CREATE INDEX kv_attrs_gist ON extensions_usage.kv USING gist (attrs ext_hstore.gist_hstore_ops (siglen = 64));
CREATE INDEX kv_attr_a ON extensions_usage.kv ((attrs OPERATOR(ext_hstore.->) 'a'));
ALTER TABLE extensions_usage.kv ADD CONSTRAINT kv_has_a
    CHECK (attrs IS NULL OR attrs OPERATOR(ext_hstore.=) ''::ext_hstore.hstore OR attrs OPERATOR(ext_hstore.?) 'a');

CREATE DOMAIN extensions_usage.ci_code AS public.citext CHECK (length(VALUE) <= 8);
CREATE TABLE extensions_usage.codes (code extensions_usage.ci_code PRIMARY KEY);
INSERT INTO extensions_usage.codes VALUES ('AbC'), ('xyz');

CREATE VIEW extensions_usage.kv_keys AS
    SELECT id, ext_hstore.akeys(attrs) AS keys, ext_trgm.similarity(name::text, 'alice') AS sim
    FROM extensions_usage.kv;

CREATE FUNCTION extensions_usage.get(h ext_hstore.hstore, k text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT h OPERATOR(ext_hstore.->) k $$;

COMMENT ON COLUMN extensions_usage.kv.attrs IS 'hstore column';
