-- min-version: 14
-- PostgreSQL 14: range types with an explicit multirange_type_name, and
-- multirange columns of built-in and user-defined multiranges.
CREATE SCHEMA types_multirange;

CREATE TYPE types_multirange.numr AS RANGE (
    subtype = numeric,
    multirange_type_name = types_multirange."Num Multi ""Range"""
);
CREATE TYPE types_multirange.textr AS RANGE (subtype = text, collation = "C");

CREATE TABLE types_multirange.uses (
    id integer,
    m types_multirange."Num Multi ""Range""",
    tm types_multirange.textr_multirange,
    im int4multirange
);
INSERT INTO types_multirange.uses VALUES
  (1, '{[1,2), [3,4]}', '{[a,b)}', '{[1,3), [5,7)}'),
  (2, '{}', '{(,)}', '{}');

-- No comment or grant on the multirange type itself: pg_dump never dumps
-- multirange types (they come with their range), so those would be lost.
COMMENT ON TYPE types_multirange.numr IS 'range with a custom multirange name';
