-- Procedural languages made by hand (not by an extension): support functions from
-- pg_catalog (plpgsql's), or of the user's own (C functions in the plpgsql library, so
-- nothing is compiled); trusted and untrusted; owner, comments, USAGE grants; functions
-- written in them.
CREATE SCHEMA languages;

CREATE LANGUAGE "plFoo" HANDLER plpgsql_call_handler INLINE plpgsql_inline_handler VALIDATOR plpgsql_validator;
CREATE TRUSTED LANGUAGE pl_bare HANDLER pg_catalog.plpgsql_call_handler;

CREATE FUNCTION languages."Call Handler"() RETURNS language_handler
    LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION languages.inline_handler(internal) RETURNS void
    LANGUAGE c STRICT AS '$libdir/plpgsql', 'plpgsql_inline_handler';
CREATE FUNCTION languages.validator(oid) RETURNS void
    LANGUAGE c STRICT AS '$libdir/plpgsql', 'plpgsql_validator';
CREATE TRUSTED PROCEDURAL LANGUAGE pl_own
    HANDLER languages."Call Handler" INLINE languages.inline_handler VALIDATOR languages.validator;

ALTER LANGUAGE pl_own OWNER TO regress_owner_a;
ALTER LANGUAGE "plFoo" OWNER TO "regress_Weird Role";
COMMENT ON LANGUAGE pl_own IS 'plpgsql under another name, with its own handlers';
COMMENT ON LANGUAGE "plFoo" IS 'it''s untrusted';

GRANT USAGE ON LANGUAGE pl_own TO regress_reader;
REVOKE USAGE ON LANGUAGE pl_bare FROM PUBLIC;
GRANT USAGE ON LANGUAGE pl_bare TO regress_grantor WITH GRANT OPTION;
SET ROLE regress_grantor;
GRANT USAGE ON LANGUAGE pl_bare TO regress_writer;
RESET ROLE;

CREATE FUNCTION languages.answer() RETURNS integer LANGUAGE pl_own IMMUTABLE AS $$ BEGIN RETURN 42; END $$;
CREATE FUNCTION languages."Next"(x integer) RETURNS integer LANGUAGE "plFoo" AS $$ BEGIN RETURN x + 1; END $$;
CREATE PROCEDURE languages.noop() LANGUAGE pl_bare AS $$ BEGIN NULL; END $$;
CREATE TABLE languages.t (a integer DEFAULT languages.answer(), b integer CHECK (languages."Next"(b) > 0));
INSERT INTO languages.t (b) VALUES (1);
