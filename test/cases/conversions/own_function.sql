-- min-version: 14
-- A conversion whose function is the user's (14+ signature: returns the number of bytes
-- converted and takes no_error), declared on a library that ships with the server, so the
-- function must be created before the conversion.
CREATE SCHEMA conversions_own;
CREATE FUNCTION conversions_own."Utf8 To Latin1"(integer, integer, cstring, internal, integer, boolean)
    RETURNS integer LANGUAGE c STRICT PARALLEL SAFE
    AS '$libdir/utf8_and_iso8859_1', 'utf8_to_iso8859_1';
CREATE DEFAULT CONVERSION conversions_own.mine FOR 'UTF8' TO 'LATIN1' FROM conversions_own."Utf8 To Latin1";
COMMENT ON CONVERSION conversions_own.mine IS 'uses a user function';
ALTER CONVERSION conversions_own.mine OWNER TO regress_owner_b;
