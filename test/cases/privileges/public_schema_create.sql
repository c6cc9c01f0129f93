-- The public schema with CREATE for everyone (the pre-15 default, as many sample databases
-- still have it): PUBLIC's item of initdb's ACL is replaced, so the dump revokes that item's
-- USAGE (as pg_dump does, not ALL) and grants ALL.
GRANT CREATE ON SCHEMA public TO PUBLIC;
