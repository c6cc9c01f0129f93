-- Extensions are database-wide; the cases that need them (constraints, indexes,
-- extensions, data) rely on them, so they are created in _setup, sorted after
-- roles.sql. hstore and pg_trgm live in their own schemas so that references to
-- their types and operator classes must be schema-qualified.
CREATE SCHEMA ext_hstore;
COMMENT ON SCHEMA ext_hstore IS 'home of the hstore extension';
CREATE EXTENSION hstore WITH SCHEMA ext_hstore;

CREATE SCHEMA ext_trgm;
CREATE EXTENSION pg_trgm WITH SCHEMA ext_trgm;

CREATE EXTENSION citext WITH SCHEMA public;
CREATE EXTENSION btree_gist WITH SCHEMA public;

COMMENT ON EXTENSION hstore IS 'key/value pairs; comment changed by the fixture';
COMMENT ON EXTENSION citext IS 'case-insensitive text: it''s "quoted"';
