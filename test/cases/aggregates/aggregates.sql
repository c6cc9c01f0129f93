-- Aggregates of every flavour: plain with INITCOND/FINALFUNC/FINALFUNC_EXTRA/
-- FINALFUNC_MODIFY, COMBINEFUNC and PARALLEL, SERIALFUNC/DESERIALFUNC with an
-- internal state and SSPACE, SORTOP, zero-argument (*), moving-aggregate
-- MSFUNC/MINVFUNC/MSTYPE/MSSPACE/MFINALFUNC/MINITCOND, ordered-set with and without
-- direct arguments, VARIADIC "any" ORDER BY VARIADIC "any", hypothetical-set;
-- hostile names, owners, comments and EXECUTE grants.
CREATE SCHEMA aggregates;
CREATE SCHEMA "aggregates Odd ""Schema""";

-- A sum with a combine function, usable in parallel plans.
CREATE FUNCTION aggregates.int_add(s bigint, v integer) RETURNS bigint
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT s + coalesce(v, 0) $$;
CREATE FUNCTION aggregates.int_combine(a bigint, b bigint) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT a + b $$;
CREATE AGGREGATE aggregates.my_sum(integer) (
    SFUNC = aggregates.int_add,
    STYPE = bigint,
    INITCOND = '0',
    COMBINEFUNC = aggregates.int_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE aggregates.my_sum(integer) IS 'parallel-safe sum with a combine function';

-- The built-in avg(numeric) machinery: internal state, serial/deserial, SSPACE,
-- and the moving-aggregate variant with an inverse transition.
CREATE AGGREGATE aggregates.my_avg(numeric) (
    SFUNC = numeric_avg_accum,
    STYPE = internal,
    SSPACE = 128,
    FINALFUNC = numeric_avg,
    FINALFUNC_MODIFY = SHAREABLE,
    COMBINEFUNC = numeric_avg_combine,
    SERIALFUNC = numeric_avg_serialize,
    DESERIALFUNC = numeric_avg_deserialize,
    MSFUNC = numeric_avg_accum,
    MINVFUNC = numeric_accum_inv,
    MSTYPE = internal,
    MSSPACE = 256,
    MFINALFUNC = numeric_avg,
    MFINALFUNC_MODIFY = SHAREABLE,
    PARALLEL = RESTRICTED
);

-- Moving aggregate in SQL: running text concatenation with an inverse that
-- drops the first element; MINITCOND and MFINALFUNC_EXTRA (window use needs the
-- default READ_ONLY final functions).
CREATE FUNCTION aggregates.arr_push(s text[], v text) RETURNS text[]
    LANGUAGE sql IMMUTABLE AS $$ SELECT s || v $$;
CREATE FUNCTION aggregates.arr_shift(s text[], v text) RETURNS text[]
    LANGUAGE sql IMMUTABLE AS $$ SELECT s[2:] $$;
CREATE FUNCTION aggregates.arr_join(s text[], dummy text) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT array_to_string(s, ',') $$;
CREATE AGGREGATE aggregates.window_concat(text) (
    SFUNC = aggregates.arr_push,
    STYPE = text[],
    INITCOND = '{"it''s \"quoted\""}',
    FINALFUNC = aggregates.arr_join,
    FINALFUNC_EXTRA,
    MSFUNC = aggregates.arr_push,
    MINVFUNC = aggregates.arr_shift,
    MSTYPE = text[],
    MINITCOND = '{}',
    MFINALFUNC = aggregates.arr_join,
    MFINALFUNC_EXTRA
);

-- Polymorphic with FINALFUNC_EXTRA (the final function needs the input type).
CREATE FUNCTION aggregates.push_any(s anyarray, v anyelement) RETURNS anyarray
    LANGUAGE sql IMMUTABLE AS $$ SELECT s || v $$;
CREATE FUNCTION aggregates.last_of(s anyarray, dummy anyelement) RETURNS anyelement
    LANGUAGE sql IMMUTABLE AS $$ SELECT s[array_upper(s, 1)] $$;
CREATE AGGREGATE aggregates.last_value_of(anyelement) (
    SFUNC = aggregates.push_any,
    STYPE = anyarray,
    FINALFUNC = aggregates.last_of,
    FINALFUNC_MODIFY = READ_WRITE,
    FINALFUNC_EXTRA
);

-- SORTOP lets the planner use an index for max().
CREATE AGGREGATE aggregates.my_max(integer) (
    SFUNC = int4larger,
    STYPE = integer,
    SORTOP = >
);

-- SORTOP naming an operator of ours: the aggregate must wait for the operator.
CREATE FUNCTION aggregates.abs_larger(a integer, b integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT CASE WHEN abs(b) > abs(a) THEN b ELSE a END $$;
CREATE FUNCTION aggregates.abs_gt(a integer, b integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT abs(a) > abs(b) $$;
CREATE OPERATOR aggregates.>| (FUNCTION = aggregates.abs_gt, LEFTARG = integer, RIGHTARG = integer);
CREATE AGGREGATE aggregates.abs_max(integer) (
    SFUNC = aggregates.abs_larger,
    STYPE = integer,
    SORTOP = OPERATOR(aggregates.>|)
);

-- Zero-argument aggregate: count(*)-style.
CREATE AGGREGATE aggregates.row_count(*) (
    SFUNC = int8inc,
    STYPE = bigint,
    INITCOND = '0'
);
COMMENT ON AGGREGATE aggregates.row_count(*) IS 'counts rows';

-- Ordered-set aggregates: one direct argument plus one aggregated argument,
-- in SQL (a nearest-rank percentile) ...
CREATE FUNCTION aggregates.pct_final(s double precision[], p double precision, dummy double precision)
    RETURNS double precision
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT s[greatest(1, ceil(p * array_length(s, 1))::integer)] $$;
CREATE AGGREGATE aggregates.nearest_rank(double precision ORDER BY double precision) (
    SFUNC = array_append,
    STYPE = double precision[],
    INITCOND = '{}',
    FINALFUNC = aggregates.pct_final,
    FINALFUNC_EXTRA
);
-- ... with no direct argument, and with FINALFUNC_MODIFY = READ_ONLY (not the
-- default for ordered-set aggregates) ...
CREATE FUNCTION aggregates.median_final(s double precision[]) RETURNS double precision
    LANGUAGE plpgsql IMMUTABLE
    AS $$
BEGIN
    RETURN s[(array_length(s, 1) + 1) / 2];
END
$$;
CREATE AGGREGATE aggregates.my_median(ORDER BY double precision) (
    SFUNC = array_append,
    STYPE = double precision[],
    FINALFUNC = aggregates.median_final,
    FINALFUNC_MODIFY = READ_ONLY
);
-- ... polymorphic with the built-in internal machinery ...
CREATE AGGREGATE aggregates.pct_disc(double precision ORDER BY anyelement) (
    SFUNC = ordered_set_transition,
    STYPE = internal,
    FINALFUNC = percentile_disc_final,
    FINALFUNC_EXTRA
);
-- ... VARIADIC "any" ORDER BY VARIADIC "any", plain and hypothetical.
CREATE AGGREGATE aggregates.my_mode_multi(VARIADIC "any" ORDER BY VARIADIC "any") (
    SFUNC = ordered_set_transition_multi,
    STYPE = internal,
    FINALFUNC = rank_final,
    FINALFUNC_EXTRA
);
CREATE AGGREGATE aggregates.my_rank(VARIADIC "any" ORDER BY VARIADIC "any") (
    SFUNC = ordered_set_transition_multi,
    STYPE = internal,
    FINALFUNC = rank_final,
    FINALFUNC_EXTRA,
    HYPOTHETICAL
);
COMMENT ON AGGREGATE aggregates.my_rank(VARIADIC "any" ORDER BY VARIADIC "any") IS 'hypothetical rank';

-- Hostile names: schema and aggregate quoted, argument of a user type, overloads.
CREATE TYPE "aggregates Odd ""Schema"""."Money Pair" AS (amount numeric, "Cur" text);
CREATE FUNCTION "aggregates Odd ""Schema""".pair_add(s numeric, v "aggregates Odd ""Schema"""."Money Pair")
    RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT s + coalesce((v).amount, 0) $$;
CREATE AGGREGATE "aggregates Odd ""Schema"""."Sum Of ""Pairs"""("aggregates Odd ""Schema"""."Money Pair") (
    SFUNC = "aggregates Odd ""Schema""".pair_add,
    STYPE = numeric,
    INITCOND = '0'
);
CREATE FUNCTION "aggregates Odd ""Schema""".weighted_add(s numeric, v numeric, w integer)
    RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT s + coalesce(v * w, 0) $$;
CREATE AGGREGATE "aggregates Odd ""Schema"""."Sum Of ""Pairs"""(numeric, "Weight" integer) (
    SFUNC = "aggregates Odd ""Schema""".weighted_add,
    STYPE = numeric,
    INITCOND = '0'
);
COMMENT ON AGGREGATE "aggregates Odd ""Schema"""."Sum Of ""Pairs"""(numeric, integer) IS 'it''s weighted';

-- Owners.
ALTER AGGREGATE aggregates.my_sum(integer) OWNER TO regress_owner_a;
ALTER AGGREGATE aggregates.my_rank(VARIADIC "any" ORDER BY VARIADIC "any") OWNER TO regress_owner_b;
ALTER AGGREGATE aggregates.nearest_rank(double precision ORDER BY double precision) OWNER TO "regress_Weird Role";
ALTER AGGREGATE "aggregates Odd ""Schema"""."Sum Of ""Pairs"""("aggregates Odd ""Schema"""."Money Pair") OWNER TO regress_owner_a;

-- EXECUTE privileges: there is no GRANT ON AGGREGATE, aggregates are functions here.
REVOKE EXECUTE ON FUNCTION aggregates.my_sum(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION aggregates.my_sum(integer) TO regress_reader;
REVOKE ALL ON FUNCTION aggregates.row_count() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION aggregates.row_count() TO "regress_quote""d role" WITH GRANT OPTION;
REVOKE EXECUTE ON FUNCTION aggregates.nearest_rank(double precision, double precision) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION aggregates.my_rank("any") TO regress_writer;
GRANT EXECUTE ON FUNCTION "aggregates Odd ""Schema"""."Sum Of ""Pairs"""(numeric, integer) TO "regress_Weird Role";

-- The aggregates are usable.
CREATE TABLE aggregates.samples (g integer, v integer, x double precision, t text);
INSERT INTO aggregates.samples
SELECT g % 3, g, g / 10.0, 'v' || g FROM generate_series(1, 30) g;
CREATE VIEW aggregates.summary AS
SELECT g, aggregates.my_sum(v) AS s, aggregates.row_count(*) AS n,
       aggregates.nearest_rank(0.5) WITHIN GROUP (ORDER BY x) AS p50,
       aggregates.my_rank(10) WITHIN GROUP (ORDER BY v) AS r,
       aggregates.my_median() WITHIN GROUP (ORDER BY x) AS med,
       aggregates.pct_disc(0.9) WITHIN GROUP (ORDER BY t) AS p90
  FROM aggregates.samples GROUP BY g;
