-- min-version: 14
-- A fixed-length type subscripted like point (SUBSCRIPT, 14+).
CREATE SCHEMA base_types_subscript;
CREATE TYPE base_types_subscript.pt;
CREATE FUNCTION base_types_subscript.pt_in(cstring) RETURNS base_types_subscript.pt
    LANGUAGE internal IMMUTABLE STRICT AS 'point_in';
CREATE FUNCTION base_types_subscript.pt_out(base_types_subscript.pt) RETURNS cstring
    LANGUAGE internal IMMUTABLE STRICT AS 'point_out';
CREATE TYPE base_types_subscript.pt (
    INPUT = base_types_subscript.pt_in, OUTPUT = base_types_subscript.pt_out,
    INTERNALLENGTH = 16, ELEMENT = float8, SUBSCRIPT = raw_array_subscript_handler,
    ALIGNMENT = double
);
CREATE TABLE base_types_subscript.t (p base_types_subscript.pt);
INSERT INTO base_types_subscript.t VALUES ('(3,4)');
CREATE VIEW base_types_subscript.x AS SELECT p[0] AS x, p[1] AS y FROM base_types_subscript.t;
