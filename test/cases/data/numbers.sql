-- Numbers: smallint/integer/bigint extremes, numeric huge (1000+ digits),
-- tiny (scale 1000), NaN, trailing zeros, typmods; real/double precision NaN,
-- +/-Infinity, -0, extremes and subnormals; money extremes; oid extremes.
CREATE SCHEMA data_numbers;

CREATE TABLE data_numbers.ints (id integer PRIMARY KEY, i2 smallint, i4 integer, i8 bigint);
INSERT INTO data_numbers.ints VALUES
  (1, -32768, -2147483648, -9223372036854775808),
  (2, 32767, 2147483647, 9223372036854775807),
  (3, 0, 0, 0),
  (4, -1, -1, -1),
  (5, NULL, NULL, NULL);

CREATE TABLE data_numbers.numerics (id integer PRIMARY KEY, note text, n numeric, n_typ numeric(20,10));
INSERT INTO data_numbers.numerics VALUES
  (1, 'zero', 0, 0),
  (2, 'negative zero input', '-0', '-0.0'),
  (3, 'NaN', 'NaN', 'NaN'),
  (4, 'trailing zeros kept', 1.500, 1.5),
  (5, 'huge 1e1000', '1e1000', 1234567890.0123456789),
  (6, '1000 nines', repeat('9', 1000)::numeric, -9999999999.9999999999),
  (7, 'negative huge', ('-' || repeat('8', 1000) || '.' || repeat('7', 500))::numeric, NULL),
  (8, 'tiny 1e-1000', '1e-1000', 0.0000000001),
  (9, 'tiny negative', ('-0.' || repeat('0', 999) || '1')::numeric, -0.0000000001),
  (10, 'max display scale', ('0.' || repeat('0', 16382) || '1')::numeric, NULL),
  (11, 'many digits both sides', (repeat('12345', 200) || '.' || repeat('67890', 200))::numeric, NULL),
  (12, 'null', NULL, NULL),
  (13, 'exponent input', '1.23e5', '-1.5e-5'),
  (14, 'biggest allowed weight', ('9' || repeat('0', 131071))::numeric, NULL);

CREATE TABLE data_numbers.floats (id integer PRIMARY KEY, note text, f4 real, f8 double precision);
INSERT INTO data_numbers.floats VALUES
  (1, 'NaN', 'NaN', 'NaN'),
  (2, 'Infinity', 'Infinity', 'Infinity'),
  (3, '-Infinity', '-Infinity', '-Infinity'),
  (4, 'negative zero', '-0', '-0'),
  (5, 'zero', 0, 0),
  (6, 'smallest normal', '1.17549435e-38', '2.2250738585072014e-308'),
  (7, 'largest subnormal-ish', '1e-40', '1e-310'),
  (8, 'smallest subnormal', '1.4e-45', '4.9e-324'),
  (9, 'max', '3.4028235e38', '1.7976931348623157e308'),
  (10, 'min', '-3.4028235e38', '-1.7976931348623157e308'),
  (11, 'inexact decimal', 0.1, 0.1),
  (12, 'one third', 1.0 / 3, 1.0 / 3),
  (13, '1e-308', '1e-37', '1e-308'),
  (14, 'pi', pi(), pi()),
  (15, 'null', NULL, NULL),
  (16, 'integers as floats', '16777217', '9007199254740993');

CREATE TABLE data_numbers.money_oid (id integer PRIMARY KEY, m money, o oid);
INSERT INTO data_numbers.money_oid VALUES
  (1, '-92233720368547758.08'::numeric::money, 0),
  (2, '92233720368547758.07'::numeric::money, 4294967295),
  (3, '0'::numeric::money, 1),
  (4, '-0.01'::numeric::money, 2147483648),
  (5, NULL, NULL);
