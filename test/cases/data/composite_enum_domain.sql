-- Composite values (NULL fields, empty strings, nested quotes, nested
-- composites, composites containing arrays), enum values, domain values
-- (incl. domains over composites and arrays).
CREATE SCHEMA data_composite;

CREATE TYPE data_composite.inner_t AS (x integer, s text);
CREATE TYPE data_composite.outer_t AS (i data_composite.inner_t, arr text[], t text, n numeric);
CREATE TYPE data_composite.mood AS ENUM ('sad', 'it''s ok', 'happy "!"', 'ü😀', '');
CREATE DOMAIN data_composite.short_text AS varchar(10) CHECK (VALUE <> 'forbidden');
CREATE DOMAIN data_composite.checked_pair AS data_composite.inner_t CHECK ((VALUE).x >= 0);
CREATE DOMAIN data_composite.int_arr AS integer[];

CREATE TABLE data_composite.values_t (
    id integer PRIMARY KEY,
    c data_composite.inner_t,
    o data_composite.outer_t,
    m data_composite.mood,
    st data_composite.short_text,
    cp data_composite.checked_pair,
    ia data_composite.int_arr
);
INSERT INTO data_composite.values_t VALUES
  (1, ROW(1, 'plain'), ROW(ROW(2, 'nested'), ARRAY['a', 'b'], 't', 1.5), 'sad', 'short', ROW(1, 'x'), '{1,2}'),
  (2, ROW(NULL, NULL), ROW(NULL, NULL, NULL, NULL), 'it''s ok', '', ROW(0, NULL), '{}'),
  (3, ROW(3, ''), ROW(ROW(NULL, ''), '{}', '', NULL), 'happy "!"', ' ', ROW(2, ''), '{NULL}'),
  (4, ROW(4, 'q"u''o(t)e,s\'), ROW(ROW(5, E'tab\tnl\n'), ARRAY['x,y', '"', NULL, '(', ')'], 'a"b', 'NaN'), 'ü😀', 'ü😀', ROW(3, 'a,b'), '[0:0]={7}'),
  (5, NULL, NULL, NULL, NULL, NULL, NULL),
  (6, ROW(6, 'NULL'), ROW(ROW(7, '\N'), ARRAY['NULL'], 'NULL', 0), '', 'NULL', ROW(4, 'NULL'), '{-1}');
