-- Row-level security: ENABLE / FORCE, permissive and restrictive policies, per-command
-- policies, roles and PUBLIC, USING and WITH CHECK, comments.
CREATE SCHEMA policies;
CREATE TABLE policies.docs (id integer PRIMARY KEY, owner_name text, secret boolean DEFAULT false);
ALTER TABLE policies.docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE policies.docs FORCE ROW LEVEL SECURITY;
CREATE POLICY own_rows ON policies.docs USING (owner_name = current_user);
CREATE POLICY "Readers See Public" ON policies.docs AS PERMISSIVE FOR SELECT TO regress_reader, "regress_Weird Role" USING (NOT secret);
CREATE POLICY no_secret_writes ON policies.docs AS RESTRICTIVE FOR INSERT TO regress_writer WITH CHECK (NOT secret);
CREATE POLICY upd ON policies.docs FOR UPDATE TO PUBLIC USING (id > 0) WITH CHECK (id < 1000);
CREATE POLICY del ON policies.docs FOR DELETE USING (false);
COMMENT ON POLICY own_rows ON policies.docs IS 'owner sees own rows';
CREATE TABLE policies.enabled_only (id integer);
ALTER TABLE policies.enabled_only ENABLE ROW LEVEL SECURITY;
INSERT INTO policies.docs VALUES (1, 'postgres', false), (2, 'other', true);
