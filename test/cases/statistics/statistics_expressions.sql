-- min-version: 14
-- Extended statistics on expressions (PostgreSQL 14+): a single expression (no kind
-- list allowed), expressions mixed with columns, kinds with expressions.
CREATE SCHEMA statistics_expressions;
CREATE TABLE statistics_expressions.t (
    id integer,
    "Name" text,
    ts timestamptz,
    j jsonb
);
CREATE STATISTICS statistics_expressions.st_one_expr ON (lower("Name")) FROM statistics_expressions.t;
CREATE STATISTICS statistics_expressions."St Mixed" (ndistinct, mcv)
    ON id, (date_trunc('day', ts AT TIME ZONE 'UTC')), (j ->> 'k') FROM statistics_expressions.t;
ALTER STATISTICS statistics_expressions."St Mixed" SET STATISTICS 250;
COMMENT ON STATISTICS statistics_expressions."St Mixed" IS 'columns and expressions';
CREATE STATISTICS statistics_expressions.st_exprs ON (id + 1), (id * 2), ("Name" || 'x') FROM statistics_expressions.t;
ALTER STATISTICS statistics_expressions.st_exprs OWNER TO regress_owner_b;
