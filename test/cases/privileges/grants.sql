-- Privileges: table grants (incl. WITH GRANT OPTION and grants made by a
-- non-owner grantor), column privileges, grants to PUBLIC, privileges revoked
-- from the owner (partially and entirely), sequence / function / procedure /
-- schema / type / domain / view / matview / language privileges, grants to
-- roles with hostile names, and a changed ACL on an extension member.
CREATE SCHEMA privileges;
GRANT USAGE ON SCHEMA privileges TO PUBLIC;
GRANT USAGE ON SCHEMA privileges TO regress_grantor WITH GRANT OPTION;

CREATE TABLE privileges.t (id integer PRIMARY KEY, a text, b text, c integer);
INSERT INTO privileges.t VALUES (1, 'a', 'b', 3);
ALTER TABLE privileges.t OWNER TO regress_owner_a;

GRANT SELECT ON privileges.t TO regress_reader;
GRANT INSERT, UPDATE, DELETE ON privileges.t TO regress_writer;
GRANT SELECT, INSERT, REFERENCES, TRIGGER ON privileges.t TO regress_grantor WITH GRANT OPTION;
GRANT SELECT ON privileges.t TO PUBLIC;
GRANT TRUNCATE ON privileges.t TO "regress_Weird Role";
GRANT ALL ON privileges.t TO "regress_quote""d role";
-- The owner revokes one of its own privileges.
REVOKE TRUNCATE ON privileges.t FROM regress_owner_a;

-- Grants made by a role holding the grant option, not by the owner.
SET ROLE regress_grantor;
GRANT SELECT ON privileges.t TO regress_writer;
GRANT REFERENCES ON privileges.t TO "regress_Weird Role" WITH GRANT OPTION;
RESET ROLE;

-- Column privileges.
CREATE TABLE privileges.cols (id integer, pub text, secret text, "Mixed Col" integer);
GRANT SELECT (id, pub), UPDATE (pub) ON privileges.cols TO regress_reader;
GRANT INSERT (id, "Mixed Col"), REFERENCES (id) ON privileges.cols TO regress_writer;
GRANT SELECT ("Mixed Col") ON privileges.cols TO PUBLIC;
GRANT UPDATE (secret) ON privileges.cols TO regress_grantor WITH GRANT OPTION;
SET ROLE regress_grantor;
GRANT UPDATE (secret) ON privileges.cols TO "regress_quote""d role";
RESET ROLE;

-- The owner revokes everything from itself: an empty, non-default ACL.
CREATE TABLE privileges.owner_revoked (id integer);
REVOKE ALL ON privileges.owner_revoked FROM CURRENT_USER;
-- An owner that keeps nothing but others have privileges.
CREATE TABLE privileges.only_others (id integer);
ALTER TABLE privileges.only_others OWNER TO regress_owner_b;
REVOKE ALL ON privileges.only_others FROM regress_owner_b;
GRANT SELECT ON privileges.only_others TO regress_reader;
-- ACL granted then fully revoked again (back to an explicit default).
CREATE TABLE privileges.regranted (id integer);
GRANT SELECT ON privileges.regranted TO regress_reader;
REVOKE SELECT ON privileges.regranted FROM regress_reader;

-- Views and materialized views.
CREATE VIEW privileges.v AS SELECT id, a FROM privileges.t;
GRANT SELECT ON privileges.v TO regress_reader;
GRANT SELECT (id) ON privileges.v TO regress_writer;
CREATE MATERIALIZED VIEW privileges.mv AS SELECT id FROM privileges.t;
GRANT SELECT ON privileges.mv TO PUBLIC;

-- Sequences.
CREATE SEQUENCE privileges.s;
GRANT USAGE ON SEQUENCE privileges.s TO regress_writer;
GRANT SELECT ON SEQUENCE privileges.s TO PUBLIC;
GRANT ALL ON SEQUENCE privileges.s TO regress_grantor WITH GRANT OPTION;
REVOKE UPDATE ON SEQUENCE privileges.s FROM CURRENT_USER;

-- Functions and procedures.
CREATE FUNCTION privileges.f(integer) RETURNS integer LANGUAGE sql AS 'SELECT $1';
REVOKE EXECUTE ON FUNCTION privileges.f(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION privileges.f(integer) TO regress_reader;
GRANT EXECUTE ON FUNCTION privileges.f(integer) TO regress_grantor WITH GRANT OPTION;
CREATE PROCEDURE privileges.p() LANGUAGE sql AS 'SELECT 1';
REVOKE ALL ON PROCEDURE privileges.p() FROM PUBLIC;
CREATE FUNCTION privileges.owner_no_exec() RETURNS integer LANGUAGE sql AS 'SELECT 1';
REVOKE ALL ON FUNCTION privileges.owner_no_exec() FROM CURRENT_USER;

-- Schemas.
CREATE SCHEMA privileges_schema;
REVOKE ALL ON SCHEMA privileges_schema FROM CURRENT_USER;
GRANT CREATE ON SCHEMA privileges_schema TO regress_writer;
GRANT USAGE ON SCHEMA privileges_schema TO PUBLIC;
GRANT USAGE ON SCHEMA ext_hstore TO regress_reader;

-- Types and domains.
CREATE TYPE privileges.e AS ENUM ('a');
REVOKE USAGE ON TYPE privileges.e FROM PUBLIC;
GRANT USAGE ON TYPE privileges.e TO regress_reader WITH GRANT OPTION;
CREATE DOMAIN privileges.d AS integer;
REVOKE ALL ON DOMAIN privileges.d FROM PUBLIC;
GRANT USAGE ON DOMAIN privileges.d TO "regress_Weird Role";
CREATE TYPE privileges.comp AS (x integer);
GRANT USAGE ON TYPE privileges.comp TO regress_writer;

-- Privileges changed on an extension member (dumped relative to pg_init_privs).
REVOKE EXECUTE ON FUNCTION ext_trgm.similarity(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ext_trgm.similarity(text, text) TO regress_reader;

-- Privileges changed on a language that an extension (plpgsql) made: dumped relative to
-- pg_init_privs.
REVOKE USAGE ON LANGUAGE plpgsql FROM PUBLIC;
GRANT USAGE ON LANGUAGE plpgsql TO PUBLIC;
GRANT USAGE ON LANGUAGE plpgsql TO regress_reader;
