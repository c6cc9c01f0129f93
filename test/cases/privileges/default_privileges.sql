-- ALTER DEFAULT PRIVILEGES: per-schema and global, GRANT and REVOKE forms,
-- every object class (tables, sequences, functions, types, schemas), WITH
-- GRANT OPTION, a hostile grantee, and objects created afterwards by the
-- role so the defaults show up in their ACLs.
CREATE SCHEMA privileges_adp AUTHORIZATION regress_adp_owner;

ALTER DEFAULT PRIVILEGES FOR ROLE regress_adp_owner IN SCHEMA privileges_adp
    GRANT SELECT ON TABLES TO regress_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE regress_adp_owner IN SCHEMA privileges_adp
    GRANT INSERT, UPDATE ON TABLES TO regress_writer WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES FOR ROLE regress_adp_owner IN SCHEMA privileges_adp
    GRANT USAGE, SELECT ON SEQUENCES TO regress_writer;
ALTER DEFAULT PRIVILEGES FOR ROLE regress_adp_owner IN SCHEMA privileges_adp
    GRANT EXECUTE ON FUNCTIONS TO "regress_Weird Role";
ALTER DEFAULT PRIVILEGES FOR ROLE regress_adp_owner IN SCHEMA privileges_adp
    GRANT USAGE ON TYPES TO "regress_quote""d role";

-- Global (no schema) defaults, including REVOKE forms.
ALTER DEFAULT PRIVILEGES FOR ROLE regress_adp_owner
    REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE regress_adp_owner
    REVOKE USAGE ON TYPES FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE regress_adp_owner
    REVOKE TRUNCATE, TRIGGER ON TABLES FROM regress_adp_owner;
ALTER DEFAULT PRIVILEGES FOR ROLE regress_adp_owner
    GRANT SELECT ON TABLES TO "regress_Weird Role" WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES FOR ROLE regress_adp_owner
    GRANT USAGE ON SCHEMAS TO regress_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE regress_adp_owner
    GRANT CREATE ON SCHEMAS TO regress_writer;

-- Objects created by the role pick the defaults up.
SET ROLE regress_adp_owner;
CREATE TABLE privileges_adp.t (id serial, v text);
CREATE FUNCTION privileges_adp.f() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE TYPE privileges_adp.e AS ENUM ('x');
INSERT INTO privileges_adp.t (v) VALUES ('row');
RESET ROLE;
-- Schema defaults apply to the new schema's owner.
CREATE SCHEMA privileges_adp_child AUTHORIZATION regress_adp_owner;
