-- Ownership: objects of every kind owned by different regress_ roles, set at
-- creation (SET ROLE / AUTHORIZATION) or with ALTER ... OWNER TO, including
-- the role with a hostile name; objects in a schema owned by someone else.
CREATE SCHEMA owners AUTHORIZATION regress_owner_a;
GRANT CREATE, USAGE ON SCHEMA owners TO regress_owner_b;

-- Created by the role itself.
SET ROLE regress_owner_a;
CREATE TABLE owners.by_a (id integer PRIMARY KEY, v text);
CREATE SEQUENCE owners.seq_a;
CREATE VIEW owners.view_a AS SELECT id FROM owners.by_a;
CREATE FUNCTION owners.fn_a() RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE TYPE owners.enum_a AS ENUM ('x');
INSERT INTO owners.by_a VALUES (1, 'a');
RESET ROLE;

SET ROLE regress_owner_b;
CREATE TABLE owners.by_b (id integer, a_id integer);
CREATE INDEX by_b_idx ON owners.by_b (id);
CREATE DOMAIN owners.dom_b AS integer;
CREATE MATERIALIZED VIEW owners.mv_b AS SELECT 1 AS one;
RESET ROLE;

-- Changed afterwards with ALTER ... OWNER TO.
CREATE TABLE owners.altered (id integer);
ALTER TABLE owners.altered OWNER TO "regress_Weird Role";
CREATE TABLE owners.serial_owned (id serial, v text);
ALTER TABLE owners.serial_owned OWNER TO regress_owner_b;   -- its owned sequence follows
CREATE SEQUENCE owners.seq_alt;
ALTER SEQUENCE owners.seq_alt OWNER TO "regress_quote""d role";
CREATE VIEW owners.view_alt AS SELECT 1 AS one;
ALTER VIEW owners.view_alt OWNER TO regress_owner_b;
CREATE FUNCTION owners.fn_alt(integer) RETURNS integer LANGUAGE sql AS 'SELECT $1';
ALTER FUNCTION owners.fn_alt(integer) OWNER TO "regress_Weird Role";
CREATE PROCEDURE owners.proc_alt() LANGUAGE sql AS 'SELECT 1';
ALTER PROCEDURE owners.proc_alt() OWNER TO regress_owner_a;
CREATE TYPE owners.comp_alt AS (a integer);
ALTER TYPE owners.comp_alt OWNER TO regress_owner_b;
CREATE TYPE owners.range_alt AS RANGE (subtype = integer);
ALTER TYPE owners.range_alt OWNER TO "regress_Weird Role";
CREATE DOMAIN owners.dom_alt AS text;
ALTER DOMAIN owners.dom_alt OWNER TO "regress_quote""d role";

-- A table owned by a role that is not the schema owner, with an FK to
-- another role's table.
ALTER TABLE owners.by_b ADD CONSTRAINT by_b_a_fk FOREIGN KEY (a_id) REFERENCES owners.by_a;

-- Extension-hosting schema handed to another owner.
ALTER SCHEMA ext_trgm OWNER TO regress_owner_a;
