-- Operator families and classes: a reverse-sort btree class for integer built from
-- the stock operators and a comparison function of ours; a DEFAULT btree class for
-- a composite type with operators of ours, in a family with a hostile name in a
-- different schema; a hash family with a class plus loose cross-type members
-- (ALTER OPERATOR FAMILY ... ADD); an empty family; indexes using the classes;
-- owners and comments.
CREATE SCHEMA opclasses;
CREATE SCHEMA "opclasses Fam ""Home""";

-- Reverse order for integers.
CREATE FUNCTION opclasses.int4_rev_cmp(a integer, b integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT btint4cmp(b, a) $$;
CREATE OPERATOR CLASS opclasses.int4_rev_ops FOR TYPE integer USING btree AS
    OPERATOR 1 > ,
    OPERATOR 2 >= ,
    OPERATOR 3 = ,
    OPERATOR 4 <= ,
    OPERATOR 5 < ,
    FUNCTION 1 opclasses.int4_rev_cmp(integer, integer);
COMMENT ON OPERATOR CLASS opclasses.int4_rev_ops USING btree IS 'integers, largest first';
COMMENT ON OPERATOR FAMILY opclasses.int4_rev_ops USING btree IS 'made implicitly by CREATE OPERATOR CLASS';

-- A version number type with its own comparison operators and a default btree class.
CREATE TYPE opclasses.version AS (major integer, minor integer);
CREATE FUNCTION opclasses.version_cmp(a opclasses.version, b opclasses.version) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT CASE WHEN (a.major, a.minor) < (b.major, b.minor) THEN -1
                      WHEN (a.major, a.minor) > (b.major, b.minor) THEN 1 ELSE 0 END $$;
CREATE FUNCTION opclasses.version_lt(a opclasses.version, b opclasses.version) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT opclasses.version_cmp(a, b) < 0 $$;
CREATE FUNCTION opclasses.version_le(a opclasses.version, b opclasses.version) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT opclasses.version_cmp(a, b) <= 0 $$;
CREATE FUNCTION opclasses.version_eq(a opclasses.version, b opclasses.version) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT opclasses.version_cmp(a, b) = 0 $$;
CREATE FUNCTION opclasses.version_ge(a opclasses.version, b opclasses.version) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT opclasses.version_cmp(a, b) >= 0 $$;
CREATE FUNCTION opclasses.version_gt(a opclasses.version, b opclasses.version) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT opclasses.version_cmp(a, b) > 0 $$;
CREATE OPERATOR opclasses.< (FUNCTION = opclasses.version_lt, LEFTARG = opclasses.version, RIGHTARG = opclasses.version,
    COMMUTATOR = OPERATOR(opclasses.>), NEGATOR = OPERATOR(opclasses.>=), RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR opclasses.<= (FUNCTION = opclasses.version_le, LEFTARG = opclasses.version, RIGHTARG = opclasses.version,
    COMMUTATOR = OPERATOR(opclasses.>=), NEGATOR = OPERATOR(opclasses.>), RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR opclasses.= (FUNCTION = opclasses.version_eq, LEFTARG = opclasses.version, RIGHTARG = opclasses.version,
    COMMUTATOR = OPERATOR(opclasses.=), RESTRICT = eqsel, JOIN = eqjoinsel, MERGES);
CREATE OPERATOR opclasses.>= (FUNCTION = opclasses.version_ge, LEFTARG = opclasses.version, RIGHTARG = opclasses.version,
    COMMUTATOR = OPERATOR(opclasses.<=), NEGATOR = OPERATOR(opclasses.<), RESTRICT = scalargesel, JOIN = scalargejoinsel);
CREATE OPERATOR opclasses.> (FUNCTION = opclasses.version_gt, LEFTARG = opclasses.version, RIGHTARG = opclasses.version,
    COMMUTATOR = OPERATOR(opclasses.<), NEGATOR = OPERATOR(opclasses.<=), RESTRICT = scalargtsel, JOIN = scalargtjoinsel);

CREATE OPERATOR FAMILY "opclasses Fam ""Home"""."Version Family" USING btree;
CREATE OPERATOR CLASS opclasses."Version Ops" DEFAULT FOR TYPE opclasses.version
    USING btree FAMILY "opclasses Fam ""Home"""."Version Family" AS
    OPERATOR 1 opclasses.< ,
    OPERATOR 2 opclasses.<= ,
    OPERATOR 3 opclasses.= ,
    OPERATOR 4 opclasses.>= ,
    OPERATOR 5 opclasses.> ,
    FUNCTION 1 opclasses.version_cmp(opclasses.version, opclasses.version);
COMMENT ON OPERATOR CLASS opclasses."Version Ops" USING btree IS 'version order';
COMMENT ON OPERATOR FAMILY "opclasses Fam ""Home"""."Version Family" USING btree IS 'it''s a "family"';
ALTER OPERATOR CLASS opclasses."Version Ops" USING btree OWNER TO regress_owner_a;
ALTER OPERATOR FAMILY "opclasses Fam ""Home"""."Version Family" USING btree OWNER TO regress_owner_b;

-- A hash family: a class for integer, then loose cross-type members for bigint.
CREATE FUNCTION opclasses.int4_hash(v integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT hashint8(v::bigint) $$;
CREATE FUNCTION opclasses.int8_hash(v bigint) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT hashint8(v) $$;
CREATE OPERATOR FAMILY opclasses.int_hash_fam USING hash;
CREATE OPERATOR CLASS opclasses.int4_hash_ops FOR TYPE integer USING hash FAMILY opclasses.int_hash_fam AS
    OPERATOR 1 = ,
    FUNCTION 1 opclasses.int4_hash(integer);
ALTER OPERATOR FAMILY opclasses.int_hash_fam USING hash ADD
    OPERATOR 1 = (bigint, bigint),
    OPERATOR 1 = (integer, bigint),
    OPERATOR 1 = (bigint, integer),
    FUNCTION 1 (bigint, bigint) opclasses.int8_hash(bigint);
COMMENT ON OPERATOR FAMILY opclasses.int_hash_fam USING hash IS 'integers hashed as bigints';
ALTER OPERATOR FAMILY opclasses.int_hash_fam USING hash OWNER TO "regress_Weird Role";

-- A family that stays empty, and a loose cross-type btree member added to the
-- implicit family of int4_rev_ops.
CREATE OPERATOR FAMILY opclasses."Empty Family" USING gist;
CREATE FUNCTION opclasses.int48_rev_cmp(a integer, b bigint) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT btint84cmp(b, a) $$;
ALTER OPERATOR FAMILY opclasses.int4_rev_ops USING btree ADD
    OPERATOR 1 > (integer, bigint),
    FUNCTION 1 (integer, bigint) opclasses.int48_rev_cmp(integer, bigint);

-- Indexes using the classes, and data they index.
CREATE TABLE opclasses.releases (id integer, v opclasses.version, n bigint);
INSERT INTO opclasses.releases SELECT g, ROW(g / 10, g % 10)::opclasses.version, g FROM generate_series(1, 40) g;
CREATE INDEX releases_id_rev ON opclasses.releases (id opclasses.int4_rev_ops);
CREATE INDEX releases_v ON opclasses.releases (v);
CREATE INDEX releases_id_hash ON opclasses.releases USING hash (id opclasses.int4_hash_ops);
