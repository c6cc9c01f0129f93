-- Schemas: owners, comments, grants (incl. WITH GRANT OPTION, PUBLIC, revoke
-- from the owner), an empty schema, hostile schema names.
CREATE SCHEMA schemas_plain;
COMMENT ON SCHEMA schemas_plain IS 'a plain schema owned by the bootstrap superuser';

CREATE SCHEMA schemas_owned AUTHORIZATION regress_owner_a;
COMMENT ON SCHEMA schemas_owned IS 'owned via AUTHORIZATION';

CREATE SCHEMA schemas_altered;
ALTER SCHEMA schemas_altered OWNER TO regress_owner_b;
COMMENT ON SCHEMA schemas_altered IS E'multi-line\ncomment with ''quotes'' and a backslash \\ and "dq"';

-- Grants: to a role, with grant option, to PUBLIC, to hostile role names.
GRANT USAGE ON SCHEMA schemas_owned TO regress_reader;
GRANT USAGE, CREATE ON SCHEMA schemas_owned TO regress_grantor WITH GRANT OPTION;
GRANT USAGE ON SCHEMA schemas_altered TO PUBLIC;
GRANT CREATE ON SCHEMA schemas_altered TO "regress_Weird Role";
GRANT USAGE ON SCHEMA schemas_altered TO "regress_quote""d role";
-- The owner gives up one of its own privileges.
REVOKE CREATE ON SCHEMA schemas_altered FROM regress_owner_b;

-- A grant made by a non-owner holding the grant option.
SET ROLE regress_grantor;
GRANT USAGE ON SCHEMA schemas_owned TO regress_writer;
RESET ROLE;

-- An empty schema with nothing in it and no comment.
CREATE SCHEMA schemas_empty;

-- Hostile names (the "Weird ""Schema""" schema lives in identifiers/hostile.sql): mixed case, space, unicode, reserved
-- word, and a name differing from another only by case.
CREATE SCHEMA "SchemaCase";
CREATE SCHEMA schemacase;
CREATE SCHEMA "select";
CREATE SCHEMA "schéma ünïcode テスト";
ALTER SCHEMA "schéma ünïcode テスト" OWNER TO "regress_Weird Role";
