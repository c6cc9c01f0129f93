-- Range types: with subtype_diff, a custom collation, a canonical function
-- (via an existing discrete subtype), subtype opclass, comments, owner;
-- tables and exclusion constraints using them.
CREATE SCHEMA types_range;

CREATE FUNCTION types_range.float_diff(double precision, double precision) RETURNS double precision
    LANGUAGE sql IMMUTABLE STRICT AS 'SELECT $1 - $2';

CREATE TYPE types_range.floatrange AS RANGE (
    subtype = double precision,
    subtype_diff = types_range.float_diff
);

CREATE TYPE types_range.textrange_c AS RANGE (
    subtype = text,
    collation = "C"
);

CREATE TYPE types_range.textrange_posix AS RANGE (
    subtype = text,
    collation = "POSIX",
    subtype_opclass = text_pattern_ops
);

CREATE TYPE types_range."Time Range" AS RANGE (subtype = time);

CREATE TABLE types_range.uses (
    id integer,
    f types_range.floatrange,
    t types_range.textrange_c,
    tr types_range."Time Range",
    arr types_range.floatrange[]
);
INSERT INTO types_range.uses VALUES
  (1, '[1.5,2.5)', '[a,b]', '[10:00,11:00)', '{"[1,2)","(,)"}'),
  (2, 'empty', '(,"z z")', '(,)', '{}'),
  (3, NULL, '["a\"b","c,d")', NULL, NULL);

CREATE TABLE types_range.spans (
    f types_range.floatrange,
    EXCLUDE USING gist (f WITH &&)
);
INSERT INTO types_range.spans VALUES ('[0,1)'), ('[1,2)');

COMMENT ON TYPE types_range.floatrange IS 'range with subtype_diff';
ALTER TYPE types_range.textrange_c OWNER TO regress_owner_a;
