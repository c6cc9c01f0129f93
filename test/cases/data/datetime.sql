-- Date/time: date and timestamp minimum (4713-11-24 BC) and maximum, year 1
-- BC (year 0), +/-infinity, leap days, microsecond precision, timestamptz
-- with odd offsets (+05:45, +14, -12, seconds-level LMT offsets), time with
-- 24:00:00, timetz with extreme offsets, interval extremes and mixed signs.
CREATE SCHEMA data_datetime;

CREATE TABLE data_datetime.dates (id integer PRIMARY KEY, note text, d date, ts timestamp, ts3 timestamp(3));
INSERT INTO data_datetime.dates VALUES
  (1, 'minimum', '4713-11-24 BC', '4713-11-24 00:00:00 BC', '4713-11-24 00:00:00 BC'),
  (2, 'maximum', '5874897-12-31', '294276-12-31 23:59:59.999999', '294276-12-31 23:59:59.999'),
  (3, 'infinity', 'infinity', 'infinity', 'infinity'),
  (4, '-infinity', '-infinity', '-infinity', '-infinity'),
  (5, 'year 1 BC', '0001-12-31 BC', '0001-12-31 23:59:59.5 BC', '0001-01-01 00:00:00 BC'),
  (6, 'year 1 AD', '0001-01-01', '0001-01-01 00:00:00', '0001-01-01 00:00:00.001'),
  (7, 'leap day', '2000-02-29', '2000-02-29 12:34:56.789012', '2024-02-29 23:59:59.999'),
  (8, 'epoch', '1970-01-01', '1970-01-01 00:00:00', '1970-01-01 00:00:00'),
  (9, 'y2k boundary', '1999-12-31', '1999-12-31 23:59:59.999999', '2000-01-01 00:00:00.001'),
  (10, 'null', NULL, NULL, NULL),
  (11, 'five-digit year', '10000-01-01', '10000-01-01 00:00:00', '99999-12-31 00:00:00');

CREATE TABLE data_datetime.zoned (id integer PRIMARY KEY, note text, tstz timestamptz, tstz0 timestamptz(0));
INSERT INTO data_datetime.zoned VALUES
  (1, 'near minimum', '4713-11-25 00:00:00+00 BC', '4713-11-25 00:00:00+00 BC'),
  (2, 'near maximum', '294276-12-30 23:59:59.999999+00', '294276-12-30 00:00:00+00'),
  (3, 'infinity', 'infinity', '-infinity'),
  (4, 'nepal +05:45', '2020-06-01 12:00:00+05:45', '2020-06-01 12:00:00.4+05:45'),
  (5, 'kiribati +14', '2020-01-01 00:00:00+14', '2020-01-01 00:00:00.6+14'),
  (6, 'baker -12', '2020-01-01 00:00:00-12', '2020-01-01 00:00:00-12'),
  (7, 'seconds offset', '1900-01-01 00:00:00+00:19:32', '1850-01-01 12:00:00-04:56:02'),
  (8, 'named zone LMT', '1800-01-01 00:00:00 Europe/Amsterdam', '1883-11-18 12:00:00 America/New_York'),
  (9, 'newfoundland', '2021-03-14 02:30:00 America/St_Johns', '2021-11-07 01:30:00-03:30'),
  (10, 'BC with offset', '0044-03-15 12:00:00+01 BC', '0044-03-15 12:00:00+01 BC'),
  (11, 'microseconds', '2000-01-01 00:00:00.000001+00', '2000-01-01 00:00:00+00'),
  (12, 'null', NULL, NULL);

CREATE TABLE data_datetime.times (id integer PRIMARY KEY, t time, t0 time(0), ttz timetz, ttz6 timetz(6));
INSERT INTO data_datetime.times VALUES
  (1, '00:00:00', '00:00:00', '00:00:00+00', '00:00:00+15:59'),
  (2, '23:59:59.999999', '23:59:59', '23:59:59.999999-15:59', '12:00:00.000001+05:45'),
  (3, '24:00:00', '24:00:00', '24:00:00+00', '24:00:00-12'),
  (4, '12:34:56.5', '12:34:56.5', '12:34:56.5+00:19:32', '04:05:06.789-08'),
  (5, NULL, NULL, NULL, NULL);

CREATE TABLE data_datetime.intervals (id integer PRIMARY KEY, note text, iv interval, iv_ds interval day to second(3), iv_ym interval year to month);
INSERT INTO data_datetime.intervals VALUES
  (1, 'maximum-ish', '178956970 years 7 mons 2147483647 days 2147483647:59:59.999999', '2147483647 days 2147483647:59:59.999', '178956970 years 7 mons'),
  (2, 'minimum-ish', '-178956970 years -8 mons -2147483648 days -2147483647:59:59.999999', '-2147483648 days -2147483647:59:59.999', '-178956970 years -8 mons'),
  (3, 'zero', '0', '0', '0'),
  (4, 'mixed signs', '1 year -2 mons 3 days -04:05:06.789', '-1 day +00:00:00.001', '-1 year +1 mon'),
  (5, 'microsecond', '00:00:00.000001', '00:00:00.001', '1 mon'),
  (6, 'iso input', 'P1Y2M3DT4H5M6.5S', 'P3DT4H', 'P1Y2M'),
  (7, 'null', NULL, NULL, NULL),
  (8, 'big hours', '1000000:00:00', '-1000000:00:00', '100 years');
