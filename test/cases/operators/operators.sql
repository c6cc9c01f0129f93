-- Operators: binary with COMMUTATOR/NEGATOR pairs (the restore relies on CREATE
-- OPERATOR making shell operators for the ones not created yet), self-commutator,
-- RESTRICT/JOIN estimators, HASHES and MERGES, prefix operators, overloads of one
-- name with different argument types, a negator that is never defined (a shell),
-- operators on a user type in a schema with a hostile name, an operator in one
-- schema whose commutator lives in another; owners and comments.
CREATE SCHEMA operators;
CREATE SCHEMA "operators Odd ""Schema""";

-- Absolute-value comparisons on integers.
CREATE FUNCTION operators.abs_lt(a integer, b integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT abs(a) < abs(b) $$;
CREATE FUNCTION operators.abs_gt(a integer, b integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT abs(a) > abs(b) $$;
CREATE FUNCTION operators.abs_le(a integer, b integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT abs(a) <= abs(b) $$;
CREATE FUNCTION operators.abs_ge(a integer, b integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT abs(a) >= abs(b) $$;
CREATE FUNCTION operators.abs_eq(a integer, b integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT abs(a) = abs(b) $$;
CREATE FUNCTION operators.abs_ne(a integer, b integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT abs(a) <> abs(b) $$;

-- Declared before its commutator and negator exist: they start as shells.
CREATE OPERATOR operators.<<< (
    FUNCTION = operators.abs_lt,
    LEFTARG = integer,
    RIGHTARG = integer,
    COMMUTATOR = OPERATOR(operators.>>>),
    NEGATOR = OPERATOR(operators.>>>=),
    RESTRICT = scalarltsel,
    JOIN = scalarltjoinsel
);
CREATE OPERATOR operators.>>> (
    FUNCTION = operators.abs_gt,
    LEFTARG = integer,
    RIGHTARG = integer,
    COMMUTATOR = OPERATOR(operators.<<<),
    NEGATOR = OPERATOR(operators.<<<=),
    RESTRICT = scalargtsel,
    JOIN = scalargtjoinsel
);
CREATE OPERATOR operators.<<<= (
    PROCEDURE = operators.abs_le,
    LEFTARG = integer,
    RIGHTARG = integer,
    COMMUTATOR = OPERATOR(operators.>>>=),
    NEGATOR = OPERATOR(operators.>>>),
    RESTRICT = scalarlesel,
    JOIN = scalarlejoinsel
);
CREATE OPERATOR operators.>>>= (
    FUNCTION = operators.abs_ge,
    LEFTARG = integer,
    RIGHTARG = integer,
    COMMUTATOR = OPERATOR(operators.<<<=),
    NEGATOR = OPERATOR(operators.<<<),
    RESTRICT = scalargesel,
    JOIN = scalargejoinsel
);
-- Self-commutator equality that hashes and merges.
CREATE OPERATOR operators.=== (
    FUNCTION = operators.abs_eq,
    LEFTARG = integer,
    RIGHTARG = integer,
    COMMUTATOR = OPERATOR(operators.===),
    NEGATOR = OPERATOR(operators.!==),
    RESTRICT = eqsel,
    JOIN = eqjoinsel,
    HASHES,
    MERGES
);
CREATE OPERATOR operators.!== (
    FUNCTION = operators.abs_ne,
    LEFTARG = integer,
    RIGHTARG = integer,
    COMMUTATOR = OPERATOR(operators.!==),
    NEGATOR = OPERATOR(operators.===),
    RESTRICT = neqsel,
    JOIN = neqjoinsel
);
COMMENT ON OPERATOR operators.=== (integer, integer) IS 'equal in absolute value';
COMMENT ON OPERATOR operators.<<< (integer, integer) IS 'it''s "smaller" in absolute value';

-- Overloads of one name: same symbol on text and on (text, integer).
CREATE FUNCTION operators.text_abs_eq(a text, b text) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT lower(a) = lower(b) $$;
CREATE FUNCTION operators.text_len_eq(a text, b integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT length(a) = b $$;
CREATE OPERATOR operators.=== (FUNCTION = operators.text_abs_eq, LEFTARG = text, RIGHTARG = text);
CREATE OPERATOR operators.=== (FUNCTION = operators.text_len_eq, LEFTARG = text, RIGHTARG = integer);
COMMENT ON OPERATOR operators.=== (text, integer) IS 'length equals';

-- Prefix (left unary) operators, one with a negator that is never defined.
CREATE FUNCTION operators.fact(n integer) RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT coalesce(exp(sum(ln(g::numeric))), 1) FROM generate_series(1, n) g $$;
CREATE FUNCTION operators.is_even(n integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT n % 2 = 0 $$;
CREATE OPERATOR operators.!! (FUNCTION = operators.fact, RIGHTARG = integer);
CREATE OPERATOR operators.?~ (FUNCTION = operators.is_even, RIGHTARG = integer);
CREATE OPERATOR operators.@@@ (
    FUNCTION = operators.abs_eq,
    LEFTARG = integer,
    RIGHTARG = integer,
    NEGATOR = OPERATOR(operators.@@@!)
);

-- A user type in a schema with a hostile name; the commutator pair lives in two schemas.
CREATE TYPE "operators Odd ""Schema"""."Point Pair" AS (x integer, y integer);
CREATE FUNCTION "operators Odd ""Schema""".pp_add(a "operators Odd ""Schema"""."Point Pair", b integer)
    RETURNS "operators Odd ""Schema"""."Point Pair"
    LANGUAGE sql IMMUTABLE AS $$ SELECT ROW((a).x + b, (a).y + b)::"operators Odd ""Schema"""."Point Pair" $$;
CREATE FUNCTION operators.pp_radd(b integer, a "operators Odd ""Schema"""."Point Pair")
    RETURNS "operators Odd ""Schema"""."Point Pair"
    LANGUAGE sql IMMUTABLE AS $$ SELECT ROW((a).x + b, (a).y + b)::"operators Odd ""Schema"""."Point Pair" $$;
CREATE OPERATOR "operators Odd ""Schema""".+ (
    FUNCTION = "operators Odd ""Schema""".pp_add,
    LEFTARG = "operators Odd ""Schema"""."Point Pair",
    RIGHTARG = integer,
    COMMUTATOR = OPERATOR(operators.+)
);
CREATE OPERATOR operators.+ (
    FUNCTION = operators.pp_radd,
    LEFTARG = integer,
    RIGHTARG = "operators Odd ""Schema"""."Point Pair",
    COMMUTATOR = OPERATOR("operators Odd ""Schema""".+)
);
COMMENT ON OPERATOR "operators Odd ""Schema""".+ ("operators Odd ""Schema"""."Point Pair", integer) IS 'shift a pair';

-- Owners.
ALTER OPERATOR operators.=== (integer, integer) OWNER TO regress_owner_a;
ALTER OPERATOR operators.!! (NONE, integer) OWNER TO regress_owner_b;
ALTER OPERATOR "operators Odd ""Schema""".+ ("operators Odd ""Schema"""."Point Pair", integer) OWNER TO "regress_Weird Role";

-- The operators are usable, also from a view and an index expression.
CREATE TABLE operators.nums (a integer, b integer);
INSERT INTO operators.nums SELECT g - 10, 10 - g FROM generate_series(0, 20) g;
CREATE VIEW operators.uses AS
SELECT a, b, a OPERATOR(operators.<<<) b AS lt, a OPERATOR(operators.===) b AS eq,
       OPERATOR(operators.!!) abs(a) AS f,
       ROW(a, b)::"operators Odd ""Schema"""."Point Pair" OPERATOR("operators Odd ""Schema""".+) 1 AS shifted
  FROM operators.nums;
