-- The public schema with CREATE for everyone (the pre-15 default, as many sample databases
-- still have it): PUBLIC's item of initdb's ACL is replaced, so the dump revokes that item's
-- USAGE (as pg_dump does, not ALL) and grants ALL.
GRANT CREATE ON SCHEMA public TO PUBLIC;
-- An owner other than pg_database_owner (15+), as pagila sets: the dump's ALTER SCHEMA ...
-- OWNER moves initdb's items to the new owner, so nothing of theirs is revoked or regranted.
ALTER SCHEMA public OWNER TO postgres;
