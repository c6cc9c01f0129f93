-- Character data: NULL vs '' vs the text '\N' vs 'NULL', COPY end marker
-- '\.', tabs, newlines, carriage returns, backslashes, quotes, control
-- characters, unicode (accents, CJK, RTL, emoji, combining marks, zero-width,
-- BOM, line separators), long values; text, varchar(n), char(n), name, "char".
CREATE SCHEMA data_text;

CREATE TABLE data_text.strings (
    id integer PRIMARY KEY,
    note text,
    t text,
    vc varchar(50),
    ch char(8),
    nm name,
    c1 "char"
);

INSERT INTO data_text.strings VALUES
  (1, 'SQL NULL', NULL, NULL, NULL, NULL, NULL),
  (2, 'empty string', '', '', '', '', ''),
  (3, 'backslash N', '\N', '\N', '\N', '\N', '\'),
  (4, 'word NULL', 'NULL', 'null', 'NULL', 'NULL', 'N'),
  (5, 'COPY end marker', '\.', E'\\.\n\\.', '\.', '\.', '.'),
  (6, 'tab', E'a\tb', E'\t', E'\t', E'x\ty', E'\t'),
  (7, 'newline', E'line1\nline2\n', E'\n', E'\n', E'n\nn', E'\n'),
  (8, 'carriage return', E'cr\rcr', E'\r\n', E'\r', E'r\rr', E'\r'),
  (9, 'backslashes', E'\\', E'\\\\', E'a\\b', E'\\x41', '\'),
  (10, 'quotes', 'it''s', '"double"', '''', '"', ''''),
  (11, 'mixed specials', E'\t\n\r\\''"\b\f\v', E'\\t is not a tab', E'\\n', E'\\N', '"'),
  (12, 'control chars', E'\x01\x02\x1b[0m\x7f', E'\x1f', E'\x01', E'\x7f', E'\x01'),
  (13, 'accents', 'ümlaut café naïve', 'Ærøskøbing', 'ñ', 'façade', 'a'),
  (14, 'cjk', 'テーブル 表 테이블', '日本語', '漢字', '中文', 'c'),
  (15, 'rtl', 'שלום עולם مرحبا', 'עברית', 'ع', 'עברית', 'r'),
  (16, 'emoji', '😀👍🏽👨‍👩‍👧‍👦🏳️‍🌈', '🎉', '😀', '🐘', 'e'),
  (17, 'combining', U&'e\0301 a\0308 n\0303', U&'\0301', U&'x\0301', U&'o\0308', 'c'),
  (18, 'zero width and bom', U&'a\200Bb\200Dc\FEFFd', U&'\FEFF', U&'\200B', U&'\2060', 'z'),
  (19, 'line separators', U&'a\2028b\2029c\0085d', U&'\2028', U&'\2029', U&'\0085', 'l'),
  (20, 'leading/trailing spaces', '  padded  ', ' v ', ' c', '  ', ' '),
  (21, 'looks like SQL', '''); DROP TABLE data_text.strings; --', '$$ $_$ $q$', '/* */', '--', ';'),
  (22, 'high "char" byte', 'x', 'x', 'x', 'x', '\200'),
  (23, 'copy delimiters', E'a|b,c;d\te', 'a,b', 'a|b', E'a\tb', '|'),
  (24, 'max length', repeat('x', 200), repeat('v', 50), 'abcdefgh', repeat('n', 63), 'x');

-- A long value and a value with many lines.
CREATE TABLE data_text.long_values (id integer, v text);
INSERT INTO data_text.long_values VALUES
  (1, repeat('0123456789abcdef', 65536)),            -- 1 MiB
  (2, (SELECT string_agg('line ' || g, E'\n' ORDER BY g) FROM generate_series(1, 2000) g)),
  (3, repeat(E'\\\t\n\r', 1000)),
  (4, repeat('ü😀', 10000));

-- Every BMP code point class that is valid in UTF-8 text, sampled.
CREATE TABLE data_text.codepoints (cp integer PRIMARY KEY, ch text);
INSERT INTO data_text.codepoints
SELECT g, chr(g) FROM generate_series(1, 55295, 97) g
UNION ALL SELECT g, chr(g) FROM generate_series(57344, 1114111, 4099) g;
