-- Encoding conversions built on the server's own conversion functions: plain and
-- DEFAULT, hostile names, owner, comments.
CREATE SCHEMA conversions;
CREATE CONVERSION conversions.utf8_to_latin1 FOR 'UTF8' TO 'LATIN1' FROM pg_catalog.utf8_to_iso8859_1;
CREATE DEFAULT CONVERSION conversions."Default ""Latin1"" to UTF8" FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
CREATE CONVERSION conversions.win1250_to_latin2 FOR 'WIN1250' TO 'LATIN2' FROM pg_catalog.win1250_to_latin2;
ALTER CONVERSION conversions.utf8_to_latin1 OWNER TO regress_owner_a;
ALTER CONVERSION conversions.win1250_to_latin2 OWNER TO "regress_quote""d role";
COMMENT ON CONVERSION conversions.utf8_to_latin1 IS 'UTF-8 to ISO 8859-1';
COMMENT ON CONVERSION conversions."Default ""Latin1"" to UTF8" IS 'it''s the default';
