-- Hostile identifiers: a schema with embedded double quotes, reserved words,
-- mixed case, names differing only by case, unicode, 63-byte names (ASCII and
-- multi-byte), newline/tab/backslash/semicolon/dollar/percent in names, a
-- domain and a table shadowing built-in type names.
CREATE SCHEMA "Weird ""Schema""";
COMMENT ON SCHEMA "Weird ""Schema""" IS 'schema with "quotes" in its name';
GRANT USAGE ON SCHEMA "Weird ""Schema""" TO "regress_Weird Role";

-- Types named like built-ins: only schema qualification tells them apart.
CREATE DOMAIN "Weird ""Schema"""."text" AS integer CHECK (VALUE > 0);
CREATE DOMAIN "Weird ""Schema"""."int" AS pg_catalog.text;
CREATE TYPE "Weird ""Schema"""."enum ""E"" type" AS ENUM ('a"b', 'c''d', 'e f', '');

CREATE TABLE "Weird ""Schema"""."select" (
    "table" integer PRIMARY KEY,
    "user" text,
    "from" text NOT NULL DEFAULT 'from',
    "Mixed Case" integer,
    "col""quote" text,
    "ümlaut_テーブル" text,
    "select" "Weird ""Schema"""."text",
    plain_text text,
    shadow_int "Weird ""Schema"""."int",
    "enum" "Weird ""Schema"""."enum ""E"" type"
);
CREATE TABLE "Weird ""Schema"""."table" ("column" integer, "check" boolean, "order" text);
CREATE TABLE "Weird ""Schema"""."user" ("current_user" text, "session_user" text);
CREATE TABLE "Weird ""Schema"""."ümlaut_テーブル" ("ключ" integer PRIMARY KEY, "値" text, "😀" text);

-- Names differing only by case.
CREATE TABLE "Weird ""Schema"""."Mixed" (id integer);
CREATE TABLE "Weird ""Schema""".mixed (id integer);
CREATE TABLE "Weird ""Schema"""."MIXED" (id integer, "ID" integer, "Id" integer);

-- 63-byte names (the maximum; no truncation happens).
CREATE TABLE "Weird ""Schema""".l12345678901234567890123456789012345678901234567890123456789012 (cxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx integer);
CREATE TABLE "Weird ""Schema"""."üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüz" ("üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüz" text);

-- Punctuation and control characters inside names.
CREATE TABLE "Weird ""Schema"""."new
line" ("tab	col" integer);
CREATE TABLE "Weird ""Schema"""."semi;colon -- not a comment" ("back\slash" text, "$dollar$" text, "%s %I %L" text);
CREATE TABLE "Weird ""Schema"""."with.dot" ("1starts_with_digit" integer, "'single'" text, "*/ /*" text);
CREATE TABLE "Weird ""Schema"""." leading and trailing space " (" x " integer);

INSERT INTO "Weird ""Schema"""."select" VALUES
  (1, 'u', 'f', 1, 'q"q', 'ü', 5, 'plain', 'shadow', 'a"b'),
  (2, NULL, '', NULL, NULL, NULL, NULL, NULL, NULL, 'c''d'),
  (3, 'x', 'y', 3, 'z', 'テ', 1, 'p', 's', '');
INSERT INTO "Weird ""Schema"""."table" VALUES (1, true, 'asc'), (2, false, 'desc');
INSERT INTO "Weird ""Schema"""."ümlaut_テーブル" VALUES (1, 'один', '😀'), (2, '二', 'é');
INSERT INTO "Weird ""Schema"""."Mixed" VALUES (1);
INSERT INTO "Weird ""Schema""".mixed VALUES (2);
INSERT INTO "Weird ""Schema"""."MIXED" VALUES (3, 4, 5);
INSERT INTO "Weird ""Schema""".l12345678901234567890123456789012345678901234567890123456789012 VALUES (63);
INSERT INTO "Weird ""Schema"""."üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüz" VALUES ('long');
INSERT INTO "Weird ""Schema"""."new
line" VALUES (1);
INSERT INTO "Weird ""Schema"""."semi;colon -- not a comment" VALUES ('a\b', '$$', '%s');

-- Dependent objects with hostile names.
CREATE SEQUENCE "Weird ""Schema"""."seq ""Q"" 1";
CREATE UNIQUE INDEX "idx ""select"" user" ON "Weird ""Schema"""."select" ("user", "Mixed Case");
CREATE INDEX "Idx_Case" ON "Weird ""Schema"""."ümlaut_テーブル" ("値");
CREATE INDEX idx_case ON "Weird ""Schema"""."ümlaut_テーブル" ("😀");
ALTER TABLE "Weird ""Schema"""."table" ADD CONSTRAINT "check;--constraint" CHECK ("column" > 0);
ALTER TABLE "Weird ""Schema"""."ümlaut_テーブル" ADD CONSTRAINT "fk ""to"" select"
    FOREIGN KEY ("ключ") REFERENCES "Weird ""Schema"""."select" ("table");
CREATE VIEW "Weird ""Schema"""."view ""V""" AS
    SELECT s."table", s."user", u."値" AS "値 ""alias"""
    FROM "Weird ""Schema"""."select" s JOIN "Weird ""Schema"""."ümlaut_テーブル" u ON u."ключ" = s."table";
CREATE FUNCTION "Weird ""Schema"""."Func ""Q"" (x)"("arg one" integer, "select" text DEFAULT 'd''ef')
    RETURNS text LANGUAGE sql IMMUTABLE
    AS $$ SELECT "select" || "arg one"::text $$;
CREATE FUNCTION "Weird ""Schema"""."Func ""Q"" (x)"("arg one" "Weird ""Schema"""."text")
    RETURNS "Weird ""Schema"""."int" LANGUAGE sql IMMUTABLE
    AS $$ SELECT ("arg one")::integer::text $$;
CREATE TABLE "Weird ""Schema"""."uses ""Func""" (
    a text DEFAULT "Weird ""Schema"""."Func ""Q"" (x)"(1),
    b "Weird ""Schema"""."int" DEFAULT "Weird ""Schema"""."Func ""Q"" (x)"(2::"Weird ""Schema"""."text")
);

COMMENT ON TABLE "Weird ""Schema"""."select" IS E'table named select; comment with\nnewline, tab\t, backslash \\, quote \', and -- dashes';
COMMENT ON COLUMN "Weird ""Schema"""."select"."col""quote" IS 'column "col""quote"';
COMMENT ON TABLE "Weird ""Schema"""."new
line" IS 'table whose name contains a newline';
COMMENT ON CONSTRAINT "check;--constraint" ON "Weird ""Schema"""."table" IS 'constraint with ;-- in its name';
COMMENT ON INDEX "Weird ""Schema"""."idx ""select"" user" IS 'index comment';
COMMENT ON FUNCTION "Weird ""Schema"""."Func ""Q"" (x)"(integer, text) IS 'overload 1';
COMMENT ON FUNCTION "Weird ""Schema"""."Func ""Q"" (x)"("Weird ""Schema"""."text") IS 'overload 2 over a domain named text';
COMMENT ON TYPE "Weird ""Schema"""."enum ""E"" type" IS 'enum with hostile labels';
COMMENT ON SEQUENCE "Weird ""Schema"""."seq ""Q"" 1" IS 'sequence';
GRANT SELECT ("user", "Mixed Case") ON "Weird ""Schema"""."select" TO "regress_Weird Role";
GRANT ALL ON "Weird ""Schema"""."ümlaut_テーブル" TO "regress_quote""d role";
ALTER TABLE "Weird ""Schema"""."MIXED" OWNER TO "regress_Weird Role";
