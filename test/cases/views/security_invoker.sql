-- min-version: 15
-- PostgreSQL 15: security_invoker views.
CREATE SCHEMA views_pg15;
CREATE TABLE views_pg15.t (id integer, v text);
INSERT INTO views_pg15.t VALUES (1, 'a');
CREATE VIEW views_pg15.invoker WITH (security_invoker = true) AS SELECT id, v FROM views_pg15.t;
CREATE VIEW views_pg15.invoker_barrier WITH (security_invoker, security_barrier) AS SELECT id FROM views_pg15.t;
CREATE VIEW views_pg15.definer WITH (security_invoker = false) AS SELECT id FROM views_pg15.t;
COMMENT ON VIEW views_pg15.invoker IS 'security invoker';
