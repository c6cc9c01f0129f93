-- min-version: 16
-- ICU tailoring rules (16+), including a rule with a quoted character.
CREATE SCHEMA collations_rules;
CREATE COLLATION collations_rules.g_after_a (provider = icu, locale = 'und', rules = '&a < g');
CREATE COLLATION collations_rules."Quoted Rule" (provider = icu, locale = 'en', rules = '&''-'' < x', deterministic = false);
COMMENT ON COLLATION collations_rules.g_after_a IS 'g sorts right after a';
ALTER COLLATION collations_rules."Quoted Rule" OWNER TO regress_owner_b;
