-- max-version: 13
-- A conversion whose function is the user's (13 signature: returns void, no no_error).
CREATE SCHEMA conversions_own13;
CREATE FUNCTION conversions_own13."Utf8 To Latin1"(integer, integer, cstring, internal, integer)
    RETURNS void LANGUAGE c STRICT PARALLEL SAFE
    AS '$libdir/utf8_and_iso8859_1', 'utf8_to_iso8859_1';
CREATE DEFAULT CONVERSION conversions_own13.mine FOR 'UTF8' TO 'LATIN1' FROM conversions_own13."Utf8 To Latin1";
COMMENT ON CONVERSION conversions_own13.mine IS 'uses a user function';
