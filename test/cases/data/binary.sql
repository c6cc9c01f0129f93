-- Binary data: bytea with every byte value 0..255, empty, NULL, backslashes,
-- a large value; bit and bit varying (empty, long, fixed lengths).
CREATE SCHEMA data_binary;

CREATE TABLE data_binary.bytes (id integer PRIMARY KEY, note text, b bytea);
INSERT INTO data_binary.bytes VALUES
  (1, 'all 256 byte values', (SELECT string_agg(set_byte('\x00'::bytea, 0, g), ''::bytea ORDER BY g) FROM generate_series(0, 255) g)),
  (2, 'all 256 reversed', (SELECT string_agg(set_byte('\x00'::bytea, 0, g), ''::bytea ORDER BY g DESC) FROM generate_series(0, 255) g)),
  (3, 'empty', ''),
  (4, 'null', NULL),
  (5, 'backslash and quote', E'\\x5c27225c'),
  (6, 'escape-format input', E'\\000\\001\\\\\\377'::bytea),
  (7, 'text looking', convert_to(E'\\N\t\n\r.', 'UTF8')),
  (8, 'single NUL', '\x00'),
  (9, 'large', decode(repeat('00ff7f80', 262144), 'hex'));   -- 1 MiB

CREATE TABLE data_binary.bits (id integer PRIMARY KEY, b1 bit, b8 bit(8), b64 bit(64), vb varbit, vb10 bit varying(10));
INSERT INTO data_binary.bits VALUES
  (1, B'0', B'00000000', repeat('0', 64)::bit(64), B'', B''),
  (2, B'1', B'11111111', repeat('1', 64)::bit(64), repeat('10', 5000)::varbit, B'1111111111'),
  (3, B'1', X'A5', X'DEADBEEFCAFEBABE', X'F', B'0101'),
  (4, NULL, NULL, NULL, NULL, NULL);
