-- Arrays: NULL elements, empty arrays, NULL array, text elements needing
-- quoting (quotes, commas, braces, backslashes, whitespace, the word NULL,
-- empty string), multi-dimensional arrays, non-default lower bounds, arrays
-- of many element types including box[] (';' delimiter), composite, enum,
-- domain and range arrays.
CREATE SCHEMA data_arrays;

CREATE TYPE data_arrays.pair AS (a integer, b text);
CREATE TYPE data_arrays.color AS ENUM ('red', 'green', 'blue "b"');
CREATE DOMAIN data_arrays.posint AS integer CHECK (VALUE > 0);

CREATE TABLE data_arrays.basic (id integer PRIMARY KEY, note text, ia integer[], ta text[], ia2 integer[][]);
INSERT INTO data_arrays.basic VALUES
  (1, 'null elements', '{1,NULL,3}', '{a,NULL,c}', '{{1,NULL},{NULL,4}}'),
  (2, 'empty', '{}', '{}', '{}'),
  (3, 'null array', NULL, NULL, NULL),
  (4, 'hostile text', '{0}', ARRAY['a"b', 'c,d', '{e}', 'f\g', ' h ', 'NULL', 'null', '', E'tab\there', E'new\nline', '\N', 'ü😀', '(x)', ';'], '{{0}}'),
  (5, 'lower bound 0', '[0:1]={1,2}', '[0:2]={x,y,z}', '[0:1][5:6]={{1,2},{3,4}}'),
  (6, 'negative bounds', '[-3:-2]={-1,-2}', '[-1:-1]={only}', '[-5:-4][-1:0]={{1,2},{3,4}}'),
  (7, 'three dims', '{1}', '{{{a,b},{c,d}},{{e,f},{g,"h i"}}}', '{{1,2,3},{4,5,6}}'),
  (8, 'single null element', '{NULL}', '{NULL}', '{{NULL}}');

CREATE TABLE data_arrays.typed (
    id integer PRIMARY KEY,
    ba boolean[], fa double precision[], na numeric[], da date[], tsa timestamptz[],
    bya bytea[], ua uuid[], ina inet[], boxa box[], pa point[], ra int4range[],
    ca data_arrays.pair[], ea data_arrays.color[], doma data_arrays.posint[],
    ia_bounded integer[3], cha char(2)[], vba varbit[], iva interval[]
);
INSERT INTO data_arrays.typed VALUES
  (1, '{t,f,NULL}', '{NaN,Infinity,-Infinity,-0,1.5e300}', '{NaN,0.0001,1e100}', '{infinity,2000-01-01,NULL}',
   '{"2000-01-01 00:00:00+00",-infinity}', '{"\\x00ff","\\x",NULL}', '{00000000-0000-0000-0000-000000000001}',
   '{10.0.0.1/8,::1}', '{(1,1),(0,0);(2,2),(1,1)}', '{"(0,0)","(1.5,-2)"}', '{"[1,5)",empty,"(,)"}',
   ARRAY[ROW(1, 'a,b'), ROW(NULL, '"q"'), ROW(3, NULL), NULL]::data_arrays.pair[],
   '{red,"blue \"b\"",NULL}', '{1,2}', '{1,2,3,4}', '{"a ","  "}', '{1,0101,""}', '{"1 day","-00:00:01"}'),
  (2, '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}', '{}');
