-- Foreign-data wrappers, servers and user mappings without any FDW extension: a wrapper
-- needs no handler, and its validator may be any function taking (text[], oid).
-- Wrapper and server names are database-wide, so they all start with fdwcase.
CREATE SCHEMA foreign_data_wrappers;

CREATE FUNCTION foreign_data_wrappers."Accept ""All"""(options text[], catalog oid) RETURNS void
    LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;

-- No handler, no validator, no options.
CREATE FOREIGN DATA WRAPPER fdwcase_plain;
COMMENT ON FOREIGN DATA WRAPPER fdwcase_plain IS 'wrapper without handler or validator';
GRANT USAGE ON FOREIGN DATA WRAPPER fdwcase_plain TO regress_reader;

-- Hostile name, validator in a user schema (created first), options needing quotes.
CREATE FOREIGN DATA WRAPPER "FdwCase ""Odd"" Wrapper"
    VALIDATOR foreign_data_wrappers."Accept ""All"""
    OPTIONS (debug 'true', "Mixed Case" 'it''s', "select" '', "user" 'back\slash');
COMMENT ON FOREIGN DATA WRAPPER "FdwCase ""Odd"" Wrapper" IS 'validator: it''s "quoted"';
GRANT USAGE ON FOREIGN DATA WRAPPER "FdwCase ""Odd"" Wrapper" TO regress_grantor WITH GRANT OPTION;
GRANT USAGE ON FOREIGN DATA WRAPPER "FdwCase ""Odd"" Wrapper" TO PUBLIC;
-- Granted on by someone other than the owner: the grantor chain must survive.
SET ROLE regress_grantor;
GRANT USAGE ON FOREIGN DATA WRAPPER "FdwCase ""Odd"" Wrapper" TO "regress_Weird Role";
RESET ROLE;

-- Minimal server.
CREATE SERVER fdwcase_srv_min FOREIGN DATA WRAPPER fdwcase_plain;
GRANT USAGE ON FOREIGN SERVER fdwcase_srv_min TO regress_writer;

-- Type, version, options, another owner, a comment.
CREATE SERVER "FdwCase Server ""Full"""
    TYPE 'remote ''type''' VERSION '9.6'
    FOREIGN DATA WRAPPER "FdwCase ""Odd"" Wrapper"
    OPTIONS (host 'db.example', port '5432', "Option Name" 'x=y');
ALTER SERVER "FdwCase Server ""Full""" OWNER TO regress_owner_a;
COMMENT ON SERVER "FdwCase Server ""Full""" IS 'full server';
GRANT USAGE ON FOREIGN SERVER "FdwCase Server ""Full""" TO "regress_quote""d role";

-- Version without type; the owner's own privilege revoked.
CREATE SERVER fdwcase_srv_revoked VERSION '1' FOREIGN DATA WRAPPER fdwcase_plain;
ALTER SERVER fdwcase_srv_revoked OWNER TO regress_owner_b;
REVOKE ALL ON FOREIGN SERVER fdwcase_srv_revoked FROM regress_owner_b;

-- User mappings: PUBLIC, named roles, with and without options.
CREATE USER MAPPING FOR PUBLIC SERVER fdwcase_srv_min;
CREATE USER MAPPING FOR regress_reader SERVER fdwcase_srv_min OPTIONS ("user" 'reader', password 'se''cret');
CREATE USER MAPPING FOR "regress_Weird Role" SERVER "FdwCase Server ""Full""" OPTIONS ("Odd Key" 'v');
CREATE USER MAPPING FOR PUBLIC SERVER "FdwCase Server ""Full""" OPTIONS (a '1');
CREATE USER MAPPING FOR "regress_quote""d role" SERVER fdwcase_srv_revoked;
