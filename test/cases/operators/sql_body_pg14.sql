-- min-version: 14
-- SQL-standard function bodies record dependencies on the operators and aggregates
-- they use, so those functions must come after them in the dump.
CREATE SCHEMA operators_sqlbody;
CREATE FUNCTION operators_sqlbody.near(a integer, b integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT abs(a - b) <= 1 $$;
CREATE OPERATOR operators_sqlbody.~~~ (FUNCTION = operators_sqlbody.near, LEFTARG = integer, RIGHTARG = integer,
    COMMUTATOR = OPERATOR(operators_sqlbody.~~~));
CREATE FUNCTION operators_sqlbody.add_sq(s bigint, v integer) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT RETURN s + v * v;
CREATE AGGREGATE operators_sqlbody.sum_sq(integer) (SFUNC = operators_sqlbody.add_sq, STYPE = bigint, INITCOND = '0');
CREATE FUNCTION operators_sqlbody.is_near(a integer, b integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    RETURN a OPERATOR(operators_sqlbody.~~~) b;
CREATE FUNCTION operators_sqlbody.total_sq() RETURNS bigint
    LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT operators_sqlbody.sum_sq(g) FROM generate_series(1, 3) g;
END;
