-- max-version: 13
-- Postfix (right unary) operators exist up to 13 only; a dump from 13 restores into 13.
CREATE SCHEMA operators_postfix;
CREATE FUNCTION operators_postfix.fact(n bigint) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT coalesce(exp(sum(ln(g::numeric))), 1) FROM generate_series(1, n) g $$;
CREATE OPERATOR operators_postfix.!!! (FUNCTION = operators_postfix.fact, LEFTARG = bigint);
COMMENT ON OPERATOR operators_postfix.!!! (bigint, NONE) IS 'postfix factorial';
ALTER OPERATOR operators_postfix.!!! (bigint, NONE) OWNER TO regress_owner_a;
