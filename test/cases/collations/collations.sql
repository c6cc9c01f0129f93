-- User collations: libc with equal and different lc_collate/lc_ctype, ICU deterministic
-- and not, copies of other collations, hostile names, owner, comments, and columns,
-- a domain and an index that use them (so the collation must come first).
CREATE SCHEMA collations;

CREATE COLLATION collations.libc_c (provider = libc, locale = 'C');
CREATE COLLATION collations."Libc Mixed" (provider = libc, lc_collate = 'C', lc_ctype = 'POSIX');
CREATE COLLATION collations.libc_utf8 (locale = 'C.utf8');
CREATE COLLATION collations.from_posix FROM "POSIX";

CREATE COLLATION collations.icu_phonebook (provider = icu, locale = 'de-u-co-phonebk');
CREATE COLLATION collations.icu_ci (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE COLLATION collations."icu ""Swedish"" sv" (provider = icu, locale = 'sv');
CREATE COLLATION collations.icu_copy FROM collations.icu_ci;

ALTER COLLATION collations.icu_phonebook OWNER TO regress_owner_a;
ALTER COLLATION collations."Libc Mixed" OWNER TO "regress_Weird Role";
COMMENT ON COLLATION collations.icu_ci IS 'case-insensitive: it''s "nondeterministic"';
COMMENT ON COLLATION collations."icu ""Swedish"" sv" IS 'Swedish
on two lines';

CREATE TABLE collations.people (
    id integer PRIMARY KEY,
    name text COLLATE collations.icu_ci,
    sorted text COLLATE collations."Libc Mixed"
);
CREATE INDEX people_sorted ON collations.people (sorted COLLATE collations.icu_phonebook);
CREATE DOMAIN collations.ci_text AS text COLLATE collations.icu_ci;
INSERT INTO collations.people VALUES (1, 'Ärger', 'b'), (2, 'abc', 'A');
