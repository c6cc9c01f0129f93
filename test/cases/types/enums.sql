-- Enums: labels with quotes, spaces, unicode, an empty label, a value added
-- with ADD VALUE BEFORE / AFTER, a renamed value, an empty enum, enum arrays,
-- owner, grants and comments.
CREATE SCHEMA types_enum;

CREATE TYPE types_enum.mood AS ENUM ('sad', 'ok', 'happy');
ALTER TYPE types_enum.mood ADD VALUE 'meh' BEFORE 'ok';
ALTER TYPE types_enum.mood ADD VALUE 'ecstatic' AFTER 'happy';
ALTER TYPE types_enum.mood ADD VALUE IF NOT EXISTS 'sad';
ALTER TYPE types_enum.mood ADD VALUE 'first' BEFORE 'sad';

CREATE TYPE types_enum."Hostile ""Enum""" AS ENUM (
    'it''s', 'say "hi"', 'with space', 'back\slash', 'ümlaut', '😀', '', 'UPPER', 'upper', 'comma,brace{}');
ALTER TYPE types_enum."Hostile ""Enum""" RENAME VALUE 'UPPER' TO 'Renamed Upper';

CREATE TYPE types_enum.empty AS ENUM ();

CREATE TABLE types_enum.uses (
    id integer,
    m types_enum.mood DEFAULT 'meh',
    h types_enum."Hostile ""Enum""",
    ms types_enum.mood[]
);
INSERT INTO types_enum.uses VALUES
  (1, 'first', 'it''s', '{sad,meh}'),
  (2, 'ecstatic', 'comma,brace{}', '{}'),
  (3, NULL, '', '{NULL,happy}'),
  (4, 'ok', '😀', NULL);

COMMENT ON TYPE types_enum.mood IS 'enum with values added later';
ALTER TYPE types_enum.empty OWNER TO regress_owner_a;
REVOKE USAGE ON TYPE types_enum.mood FROM PUBLIC;
GRANT USAGE ON TYPE types_enum.mood TO regress_reader;
