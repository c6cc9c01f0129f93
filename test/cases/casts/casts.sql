-- User casts: WITH FUNCTION (one- and three-argument functions, a user function and a
-- pg_catalog one), WITH INOUT, WITHOUT FUNCTION; explicit, assignment and implicit;
-- casts between built-in types through a user function; hostile type names; comments.
CREATE SCHEMA casts;

CREATE TYPE casts.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE casts."Weird ""Mood""" AS ENUM ('low', 'mid', 'high');
CREATE TYPE casts.pair AS (a integer, b text);
CREATE DOMAIN casts.small_int AS integer CHECK (VALUE BETWEEN 0 AND 100);

CREATE FUNCTION casts.mood_rank(casts.mood) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT pg_catalog.array_position(pg_catalog.enum_range(NULL::casts.mood), $1) $$;
CREATE FUNCTION casts."Pair Of"(integer, integer, boolean) RETURNS casts.pair
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT ROW($1, pg_catalog.format('typmod %s explicit %s', $2, $3))::casts.pair $$;
CREATE FUNCTION casts.mac_to_bigint(macaddr8) RETURNS bigint
    LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT ('x' || pg_catalog.replace($1::text, ':', ''))::bit(64)::bigint $$;

CREATE CAST (casts.mood AS integer) WITH FUNCTION casts.mood_rank(casts.mood) AS ASSIGNMENT;
CREATE CAST (integer AS casts.pair) WITH FUNCTION casts."Pair Of"(integer, integer, boolean);
CREATE CAST (macaddr8 AS bigint) WITH FUNCTION casts.mac_to_bigint(macaddr8);
CREATE CAST (casts.mood AS text) WITH INOUT AS IMPLICIT;
CREATE CAST (text AS casts."Weird ""Mood""") WITH INOUT;
-- Two built-in types with the same physical representation and no cast between them.
CREATE CAST (cid AS integer) WITHOUT FUNCTION AS ASSIGNMENT;
-- A cast from a domain is never used, but it is stored and dumped all the same.
CREATE CAST (casts.small_int AS boolean) WITH FUNCTION pg_catalog.bool(integer);

COMMENT ON CAST (casts.mood AS integer) IS 'mood as its rank';
COMMENT ON CAST (cid AS integer) IS 'it''s binary coercible';
COMMENT ON CAST (text AS casts."Weird ""Mood""") IS 'through text I/O';

CREATE TABLE casts.uses (m casts.mood, r integer GENERATED ALWAYS AS (m::integer) STORED);
INSERT INTO casts.uses (m) VALUES ('sad'), ('happy');
CREATE VIEW casts.ranked AS SELECT m, m::integer AS rank, m::text AS label, 7::casts.pair AS p FROM casts.uses;
