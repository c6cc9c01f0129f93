-- Views: simple, column aliases, WITH CHECK OPTION (LOCAL and CASCADED),
-- security_barrier, view over view, recursive view, view with column
-- comments and column defaults, updatable view, view with ORDER BY / LIMIT,
-- a VALUES view, views with hostile names, view owner and grants.
CREATE SCHEMA views;

CREATE TABLE views.base (id integer PRIMARY KEY, v text, n integer, secret text);
INSERT INTO views.base VALUES (1, 'one', 10, 's1'), (2, 'two', 20, 's2'), (3, 'three', 30, 's3');

CREATE VIEW views.simple AS SELECT id, v FROM views.base;
CREATE VIEW views.aliased (ident, "Value Alias") AS SELECT id, upper(v) FROM views.base;
CREATE VIEW views.check_local AS SELECT * FROM views.base WHERE n > 5 WITH LOCAL CHECK OPTION;
CREATE VIEW views.check_cascaded AS SELECT * FROM views.check_local WHERE n < 100 WITH CASCADED CHECK OPTION;
CREATE VIEW views.check_via_options WITH (check_option = local) AS SELECT * FROM views.base WHERE id > 0;
CREATE VIEW views.barrier WITH (security_barrier) AS SELECT id, v FROM views.base WHERE secret <> 'hidden';
CREATE VIEW views.barrier_false WITH (security_barrier = false) AS SELECT id FROM views.base;
CREATE VIEW views.over_view AS SELECT s.id, s.v, a."Value Alias" FROM views.simple s JOIN views.aliased a ON a.ident = s.id;
CREATE VIEW views.over_over AS SELECT count(*) AS c FROM views.over_view;
CREATE RECURSIVE VIEW views.countdown (n) AS SELECT 5 UNION ALL SELECT n - 1 FROM countdown WHERE n > 0;
CREATE VIEW views.ordered AS SELECT id, v FROM views.base ORDER BY v DESC NULLS LAST LIMIT 2;
CREATE VIEW views."values" AS SELECT a, b FROM (VALUES (1, 'x'::text), (2, 'it''s')) AS v (a, b);
CREATE VIEW views.no_columns_used AS SELECT 1 AS one WHERE false;
CREATE VIEW views.complex AS
    WITH agg AS (SELECT n % 20 AS bucket, sum(n) AS total FROM views.base GROUP BY 1)
    SELECT bucket, total,
           rank() OVER (ORDER BY total DESC) AS r,
           CASE WHEN total > 15 THEN 'big' ELSE 'small' END AS size,
           ARRAY(SELECT v FROM views.base b WHERE b.n % 20 = agg.bucket ORDER BY v) AS vs,
           total::numeric(10,2) AS total_num
    FROM agg
    WHERE EXISTS (SELECT 1 FROM views.base)
    ORDER BY bucket;
CREATE VIEW views."View ""Q"" Name" AS SELECT id AS "select", v AS "Mixed" FROM views.base;

-- Dependency loop: the view's query calls a function whose result type is
-- the view's own row type.
CREATE VIEW views.loop_v AS SELECT 1 AS x;
CREATE FUNCTION views.loop_f() RETURNS SETOF views.loop_v LANGUAGE sql AS 'SELECT 1';
CREATE OR REPLACE VIEW views.loop_v AS SELECT 1 AS x WHERE EXISTS (SELECT 1 FROM views.loop_f());

-- Column default on an updatable view.
CREATE VIEW views.with_default AS SELECT id, v, n FROM views.base;
ALTER VIEW views.with_default ALTER COLUMN n SET DEFAULT 42;

COMMENT ON VIEW views.simple IS 'simple view';
COMMENT ON COLUMN views.simple.v IS 'view column comment';
COMMENT ON COLUMN views."View ""Q"" Name"."select" IS 'column named select';
COMMENT ON VIEW views.countdown IS 'recursive';

ALTER VIEW views.barrier OWNER TO regress_owner_a;
GRANT SELECT ON views.barrier TO regress_reader;
GRANT SELECT ON views.base TO regress_owner_a;
GRANT SELECT (id), UPDATE (v) ON views.simple TO regress_writer;
