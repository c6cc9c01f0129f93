-- min-version: 18
-- PG_UNICODE_FAST, the builtin locale added in 18.
CREATE SCHEMA collations_unicode;
CREATE COLLATION collations_unicode.fast (provider = builtin, locale = 'PG_UNICODE_FAST');
