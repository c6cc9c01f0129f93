-- Composite types: with a dropped attribute, attribute collations, arrays of
-- composites, nested composites, typmods, comments on the type and its
-- attributes, owner and grants; a table using them.
CREATE SCHEMA types_comp;

CREATE TYPE types_comp.inner_t AS (a integer, "B Field" text COLLATE "C");
CREATE TYPE types_comp.outer_t AS (
    id bigint,
    gone text,
    nested types_comp.inner_t,
    nested_arr types_comp.inner_t[],
    amount numeric(10,2),
    label varchar(12) COLLATE "POSIX",
    "select" boolean
);
ALTER TYPE types_comp.outer_t DROP ATTRIBUTE gone;
ALTER TYPE types_comp.outer_t ADD ATTRIBUTE added_later date;

CREATE TYPE types_comp.empty_t AS ();

CREATE TABLE types_comp.uses (id integer, o types_comp.outer_t, arr types_comp.inner_t[]);
INSERT INTO types_comp.uses VALUES
  (1, ROW(1, ROW(1, 'x'), ARRAY[ROW(2, 'y')::types_comp.inner_t], 1.5, 'lbl', true, '2020-01-01'),
      ARRAY[ROW(1, 'a'), ROW(NULL, NULL)]::types_comp.inner_t[]),
  (2, ROW(NULL, NULL, NULL, NULL, NULL, NULL, NULL), '{}'),
  (3, NULL, NULL);

-- A table whose rows are used as a type by another table.
CREATE TABLE types_comp.row_source (x integer, y text);
CREATE TABLE types_comp.row_user (r types_comp.row_source);
INSERT INTO types_comp.row_user VALUES (ROW(1, 'z'));

COMMENT ON TYPE types_comp.outer_t IS 'composite with a dropped attribute';
COMMENT ON COLUMN types_comp.outer_t.amount IS 'attribute comment';
ALTER TYPE types_comp.inner_t OWNER TO regress_owner_b;
GRANT USAGE ON TYPE types_comp.inner_t TO regress_reader;
