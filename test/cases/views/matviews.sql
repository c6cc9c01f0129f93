-- Materialized views: populated with an index (and a unique index for
-- REFRESH CONCURRENTLY), one WITH NO DATA that must stay unpopulated, one over
-- another, storage parameters, comments, owner and grants.
CREATE SCHEMA views_mat;

CREATE TABLE views_mat.src (id integer PRIMARY KEY, grp text, amount numeric);
INSERT INTO views_mat.src SELECT g, 'g' || (g % 4), g * 2.5 FROM generate_series(1, 40) g;

CREATE MATERIALIZED VIEW views_mat.totals AS
    SELECT grp, sum(amount) AS total, count(*) AS n FROM views_mat.src GROUP BY grp;
CREATE UNIQUE INDEX totals_grp ON views_mat.totals (grp);
CREATE INDEX totals_total ON views_mat.totals (total DESC);

CREATE MATERIALIZED VIEW views_mat.unpopulated AS SELECT id, amount FROM views_mat.src WITH NO DATA;
CREATE INDEX unpopulated_id ON views_mat.unpopulated (id);

CREATE MATERIALIZED VIEW views_mat.over_mat (group_name, big) WITH (fillfactor = 50) AS
    SELECT grp, total > 100 FROM views_mat.totals;

-- Populated later with REFRESH.
CREATE MATERIALIZED VIEW views_mat.refreshed AS SELECT max(id) AS m FROM views_mat.src WITH NO DATA;
REFRESH MATERIALIZED VIEW views_mat.refreshed;

-- A matview that depends on a view.
CREATE VIEW views_mat.v AS SELECT id FROM views_mat.src WHERE id < 5;
CREATE MATERIALIZED VIEW views_mat.over_view AS SELECT * FROM views_mat.v;

COMMENT ON MATERIALIZED VIEW views_mat.totals IS 'populated matview';
COMMENT ON MATERIALIZED VIEW views_mat.unpopulated IS 'WITH NO DATA; stays unpopulated';
COMMENT ON COLUMN views_mat.totals.total IS 'matview column comment';
COMMENT ON INDEX views_mat.totals_grp IS 'index on a matview';
ALTER MATERIALIZED VIEW views_mat.over_mat OWNER TO regress_owner_b;
GRANT SELECT ON views_mat.totals TO regress_reader;
GRANT SELECT ON views_mat.totals TO regress_owner_b;
