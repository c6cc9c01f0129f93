-- Base types, each made the only way there is: a shell, then its I/O functions (here
-- LANGUAGE internal wrappers over built-in ones, so nothing is compiled), then the full
-- CREATE TYPE. Variable and fixed length, passed by value, typmod functions, ANALYZE,
-- ELEMENT, COLLATABLE, DEFAULT, CATEGORY/PREFERRED, DELIMITER, ALIGNMENT, STORAGE; a
-- shell type left undefined; owners, grants, comments; tables with data, a domain, arrays.
CREATE SCHEMA base_types;

-- A text look-alike with every optional attribute that applies to it.
CREATE TYPE base_types."My Text";
CREATE FUNCTION base_types."My Text_in"(cstring) RETURNS base_types."My Text"
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'textin';
CREATE FUNCTION base_types."My Text_out"(base_types."My Text") RETURNS cstring
    LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE AS 'textout';
CREATE FUNCTION base_types.mytext_recv(internal) RETURNS base_types."My Text"
    LANGUAGE internal STABLE STRICT AS 'textrecv';
CREATE FUNCTION base_types.mytext_send(base_types."My Text") RETURNS bytea
    LANGUAGE internal STABLE STRICT AS 'textsend';
CREATE FUNCTION base_types.mytext_analyze(internal) RETURNS boolean
    LANGUAGE internal STRICT AS 'array_typanalyze';
CREATE TYPE base_types."My Text" (
    INPUT = base_types."My Text_in",
    OUTPUT = base_types."My Text_out",
    RECEIVE = base_types.mytext_recv,
    SEND = base_types.mytext_send,
    TYPMOD_IN = varchartypmodin,
    TYPMOD_OUT = pg_catalog.varchartypmodout,
    ANALYZE = base_types.mytext_analyze,
    INTERNALLENGTH = variable,
    STORAGE = main,
    ALIGNMENT = int4,
    CATEGORY = 'x',
    PREFERRED = true,
    COLLATABLE = true,
    DEFAULT = 'it''s "default"',
    DELIMITER = ';'
);

-- An int4 look-alike: fixed length, passed by value, no binary I/O.
CREATE TYPE base_types.myint;
CREATE FUNCTION base_types.myint_in(cstring) RETURNS base_types.myint
    LANGUAGE internal IMMUTABLE STRICT AS 'int4in';
CREATE FUNCTION base_types.myint_out(base_types.myint) RETURNS cstring
    LANGUAGE internal IMMUTABLE STRICT AS 'int4out';
CREATE TYPE base_types.myint (
    INPUT = base_types.myint_in, OUTPUT = base_types.myint_out,
    INTERNALLENGTH = 4, PASSEDBYVALUE, ALIGNMENT = int4, STORAGE = plain, DEFAULT = '7'
);

-- A point look-alike: fixed length by reference, with an element type.
CREATE TYPE base_types.mypoint;
CREATE FUNCTION base_types.mypoint_in(cstring) RETURNS base_types.mypoint
    LANGUAGE internal IMMUTABLE STRICT AS 'point_in';
CREATE FUNCTION base_types.mypoint_out(base_types.mypoint) RETURNS cstring
    LANGUAGE internal IMMUTABLE STRICT AS 'point_out';
CREATE FUNCTION base_types.mypoint_recv(internal) RETURNS base_types.mypoint
    LANGUAGE internal IMMUTABLE STRICT AS 'point_recv';
CREATE FUNCTION base_types.mypoint_send(base_types.mypoint) RETURNS bytea
    LANGUAGE internal IMMUTABLE STRICT AS 'point_send';
CREATE TYPE base_types.mypoint (
    INPUT = base_types.mypoint_in, OUTPUT = base_types.mypoint_out,
    RECEIVE = base_types.mypoint_recv, SEND = base_types.mypoint_send,
    INTERNALLENGTH = 16, ELEMENT = float8, ALIGNMENT = double, STORAGE = plain, CATEGORY = 'G'
);

-- A shell that was never filled in.
CREATE TYPE base_types."Just A Shell";
COMMENT ON TYPE base_types."Just A Shell" IS 'never defined';

ALTER TYPE base_types.myint OWNER TO regress_owner_a;
ALTER TYPE base_types."My Text" OWNER TO "regress_Weird Role";
COMMENT ON TYPE base_types."My Text" IS 'text, but it''s "mine"';
COMMENT ON TYPE base_types.mypoint IS 'a point';
REVOKE USAGE ON TYPE base_types.mypoint FROM PUBLIC;
GRANT USAGE ON TYPE base_types.mypoint TO regress_reader;
GRANT USAGE ON TYPE base_types.myint TO regress_writer WITH GRANT OPTION;

-- Users of the types, which must wait for the full definitions.
CREATE DOMAIN base_types.short_text AS base_types."My Text"(20) COLLATE "C";
CREATE FUNCTION base_types.describe(p base_types.mypoint) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT p::text $$;
CREATE CAST (base_types."My Text" AS text) WITHOUT FUNCTION AS IMPLICIT;
CREATE CAST (base_types.myint AS integer) WITHOUT FUNCTION AS ASSIGNMENT;
CREATE TABLE base_types.things (
    id integer PRIMARY KEY,
    label base_types."My Text"(40),
    tags base_types."My Text"[],
    n base_types.myint,
    p base_types.mypoint,
    s base_types.short_text
);
INSERT INTO base_types.things VALUES
    (1, 'one', '{a;b;"c;d"}', '1', '(1,2)', 'short'),
    (2, 'two''s', NULL, '-2147483648', '(1.5,-0)', NULL),
    (3, DEFAULT, '{}', DEFAULT, NULL, 'x');
