-- A range type with a canonical function of its own: the function takes and returns the
-- range, so it needs the range's shell type first, like a base type's I/O functions.
CREATE SCHEMA base_types_range;
CREATE TYPE base_types_range."Int Range";
CREATE FUNCTION base_types_range.canon(base_types_range."Int Range") RETURNS base_types_range."Int Range"
    LANGUAGE internal IMMUTABLE STRICT AS 'int4range_canonical';
CREATE TYPE base_types_range."Int Range" AS RANGE (subtype = integer, canonical = base_types_range.canon);
CREATE TABLE base_types_range.t (r base_types_range."Int Range");
INSERT INTO base_types_range.t VALUES ('[1,5]'), ('(1,5)'), ('empty');
