-- Cluster-global roles used by the fixture cases. Roles are shared between the
-- original and the restored database, so this file is idempotent.
DO $roles$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY[
    'regress_owner_a',        -- owns objects in several cases
    'regress_owner_b',
    'regress_reader',         -- receives SELECT-style grants
    'regress_writer',         -- receives DML grants
    'regress_grantor',        -- holds privileges WITH GRANT OPTION and re-grants them
    'regress_adp_owner',      -- target of ALTER DEFAULT PRIVILEGES FOR ROLE
    'regress_Weird Role',     -- mixed case and a space
    'regress_quote"d role'    -- embedded double quote (aclitem quoting)
  ]
  LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
      EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END
$roles$;
