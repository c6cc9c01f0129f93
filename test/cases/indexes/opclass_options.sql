-- Indexes using extension operator classes, with opclass parameters
-- (pg_trgm lives in schema ext_trgm, so the opclass must be qualified), and a
-- btree_gist multi-column gist index.
CREATE SCHEMA indexes_ext;

CREATE TABLE indexes_ext.docs (id integer, t text, k integer, body text);
INSERT INTO indexes_ext.docs SELECT g, 'document number ' || g, g % 7, repeat('word' || g, 3)
FROM generate_series(1, 50) g;

CREATE INDEX docs_trgm_siglen ON indexes_ext.docs USING gist (t ext_trgm.gist_trgm_ops (siglen = 32));
CREATE INDEX docs_trgm_gin ON indexes_ext.docs USING gin (body ext_trgm.gin_trgm_ops);
CREATE INDEX docs_btree_gist ON indexes_ext.docs USING gist (k, t ext_trgm.gist_trgm_ops);
COMMENT ON INDEX indexes_ext.docs_trgm_siglen IS 'opclass with options';
