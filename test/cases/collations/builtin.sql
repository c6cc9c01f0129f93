-- min-version: 17
-- The builtin provider (17+).
CREATE SCHEMA collations_builtin;
CREATE COLLATION collations_builtin.b_c (provider = builtin, locale = 'C');
CREATE COLLATION collations_builtin."B utf8" (provider = builtin, locale = 'C.UTF-8');
COMMENT ON COLLATION collations_builtin.b_c IS 'builtin C';
ALTER COLLATION collations_builtin."B utf8" OWNER TO regress_owner_a;
CREATE TABLE collations_builtin.t (a text COLLATE collations_builtin."B utf8");
