-- Indexes: partial, expression, INCLUDE, DESC NULLS FIRST / ASC NULLS LAST,
-- operator classes, collations, unique index that is not a constraint,
-- storage parameters, every built-in access method (btree, hash, gin, gist,
-- spgist, brin), opclass options, comments, a CLUSTER index, a clustered
-- table, an index in a hostile name.
CREATE SCHEMA indexes;

CREATE TABLE indexes.t (
    id integer,
    name text,
    email text,
    tags text[],
    doc jsonb,
    pos point,
    span int4range,
    ts timestamp,
    amount numeric,
    active boolean,
    "Quoted Col" text
);
INSERT INTO indexes.t
SELECT g, 'name ' || g, 'user' || g || '@example.com', ARRAY['t' || (g % 3), 't' || (g % 5)],
       jsonb_build_object('k', g, 'even', g % 2 = 0), point(g, g * 2), int4range(g, g + 10),
       '2020-01-01'::timestamp + g * interval '1 hour', g * 1.5, g % 2 = 0, 'Q' || g
FROM generate_series(1, 200) g;

CREATE INDEX t_partial ON indexes.t (id) WHERE active AND amount > 10;
CREATE INDEX t_expr ON indexes.t (lower(email), (id + 1));
CREATE INDEX t_include ON indexes.t (id) INCLUDE (name, email);
CREATE INDEX t_order ON indexes.t (ts DESC NULLS FIRST, amount ASC NULLS LAST, id DESC);
CREATE INDEX t_opclass ON indexes.t (name text_pattern_ops, email varchar_pattern_ops);
CREATE INDEX t_collate ON indexes.t (name COLLATE "C" DESC);
CREATE UNIQUE INDEX t_unique_not_constraint ON indexes.t (id);
CREATE UNIQUE INDEX t_unique_partial ON indexes.t (email) WHERE active;
CREATE INDEX t_fillfactor ON indexes.t (amount) WITH (fillfactor = 60, deduplicate_items = off);
CREATE INDEX t_hash ON indexes.t USING hash (name) WITH (fillfactor = 80);
CREATE INDEX t_gin_arr ON indexes.t USING gin (tags) WITH (fastupdate = off, gin_pending_list_limit = 128);
CREATE INDEX t_gin_jsonb ON indexes.t USING gin (doc jsonb_path_ops);
CREATE INDEX t_gist_point ON indexes.t USING gist (pos) WITH (buffering = on);
CREATE INDEX t_gist_range ON indexes.t USING gist (span);
CREATE INDEX t_spgist ON indexes.t USING spgist (pos);
CREATE INDEX t_brin ON indexes.t USING brin (ts) WITH (pages_per_range = 32, autosummarize = on);
CREATE INDEX t_brin_minmax ON indexes.t USING brin (id int4_minmax_ops, amount);
CREATE INDEX t_gist_opts ON indexes.t USING gist (span range_ops);
CREATE INDEX "Index ""Quoted"" Name" ON indexes.t ("Quoted Col" DESC NULLS LAST);
CREATE INDEX t_multi_expr ON indexes.t ((doc ->> 'k'), (tags[1]), id) WHERE doc ? 'k';

CREATE TABLE indexes.clustered (id integer PRIMARY KEY, v text);
INSERT INTO indexes.clustered VALUES (2, 'b'), (1, 'a');
CLUSTER indexes.clustered USING clustered_pkey;

CREATE TABLE indexes.clustered_on_index (id integer, v text);
CREATE INDEX clustered_on_index_v ON indexes.clustered_on_index (v);
ALTER TABLE indexes.clustered_on_index CLUSTER ON clustered_on_index_v;

-- Per-index-column statistics target on an expression column.
ALTER INDEX indexes.t_expr ALTER COLUMN 1 SET STATISTICS 500;

COMMENT ON INDEX indexes.t_partial IS 'partial index';
COMMENT ON INDEX indexes."Index ""Quoted"" Name" IS 'quoted index name';
