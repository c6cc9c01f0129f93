-- json and jsonb: unicode escapes (\u00e9, surrogate pairs; \u0000 only in
-- json, which keeps its input text verbatim), raw unicode, nested documents,
-- scalars, JSON null vs SQL NULL, duplicate keys and whitespace (kept by
-- json, normalised by jsonb), huge numbers, strings with COPY specials.
CREATE SCHEMA data_json;

CREATE TABLE data_json.docs (id integer PRIMARY KEY, note text, j json, jb jsonb);
INSERT INTO data_json.docs VALUES
  (1, 'unicode escapes', '{"e": "caf\u00e9", "emoji": "\ud83d\ude00", "nul": "\u0000"}', '{"e": "caf\u00e9", "emoji": "\ud83d\ude00"}'),
  (2, 'raw unicode', '{"ü": "テーブル 😀", "rtl": "שלום"}', '{"ü": "テーブル 😀", "rtl": "שלום"}'),
  (3, 'nested', '{"a": [1, 2, {"b": [[], {}, [null, true, false]]}], "c": {"d": {"e": {"f": "deep"}}}}',
                '{"a": [1, 2, {"b": [[], {}, [null, true, false]]}], "c": {"d": {"e": {"f": "deep"}}}}'),
  (4, 'json null', 'null', 'null'),
  (5, 'sql null', NULL, NULL),
  (6, 'scalars', '"just a string"', '12.50'),
  (7, 'empty containers', '[]', '{}'),
  (8, 'duplicate keys and spacing', E'{ "k" : 1 ,\n\t"k" : 2 }', '{ "k" : 1 , "k" : 2 }'),
  (9, 'specials', E'{"tab": "a\\tb", "nl": "a\\nb", "bs": "a\\\\b", "q": "a\\"b", "slash": "a\\/b", "raw\\ttab": 1}',
                  E'{"tab": "a\\tb", "nl": "a\\nb", "bs": "a\\\\b", "q": "a\\"b", "backslash N": "\\\\N"}'),
  (10, 'numbers', '[1e400, -0, 0.000001, 123456789012345678901234567890, 1E-7]', '[1e400, -0, 0.000001, 123456789012345678901234567890, 1E-7]'),
  (11, 'deep array', (SELECT repeat('[', 100) || '1' || repeat(']', 100))::json, (SELECT repeat('[', 100) || '1' || repeat(']', 100))::jsonb),
  (12, 'string with raw control escapes', '"\u0001\u001f\b\f\r"', '"\u0001\u001f\b\f\r"'),
  (13, 'keys needing escapes', '{"": 1, "a b": 2, "\"": 3}', '{"": 1, "a b": 2, "\"": 3, "\\": 4}');

CREATE TABLE data_json.arrays (id integer, ja json[], jba jsonb[]);
INSERT INTO data_json.arrays VALUES
  (1, ARRAY['{"a": 1}'::json, '[1,"x,y"]', 'null', NULL], ARRAY['{"a": "b\"c"}'::jsonb, '"{}"', NULL]),
  (2, '{}', '{}');
