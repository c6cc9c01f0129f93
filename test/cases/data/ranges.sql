-- Range values: every built-in range type with empty, unbounded, inclusive
-- and exclusive bounds, infinite timestamp/date bounds, canonicalised
-- discrete ranges, extreme integer bounds.
CREATE SCHEMA data_ranges;

CREATE TABLE data_ranges.r (
    id integer PRIMARY KEY, note text,
    i4 int4range, i8 int8range, n numrange, ts tsrange, tstz tstzrange, d daterange
);
INSERT INTO data_ranges.r VALUES
  (1, 'empty', 'empty', 'empty', 'empty', 'empty', 'empty', 'empty'),
  (2, 'unbounded', '(,)', '(,)', '(,)', '(,)', '(,)', '(,)'),
  (3, 'lower only', '[5,)', '(5,)', '[1.5,)', '[2000-01-01,)', '("2000-01-01 00:00:00+05:45",)', '[2000-01-01,)'),
  (4, 'upper only', '(,5]', '(,5)', '(,1.5]', '(,"2000-01-01 12:00")', '(,"2000-01-01 00:00+00")', '(,2000-01-01]'),
  (5, 'canonicalised', '(1,5]', '[1,5]', '(1.5,2.5]', '["2000-01-01","2000-01-02"]', '["2000-01-01 00:00+00","2000-01-01 00:00+00"]', '(2000-01-01,2000-01-05]'),
  (6, 'infinite bounds', '[-2147483648,2147483647)', '[-9223372036854775808,9223372036854775807)', '[-1e100,1e100]',
      '[-infinity,infinity]', '(-infinity,infinity)', '[-infinity,infinity)'),
  (7, 'null', NULL, NULL, NULL, NULL, NULL, NULL),
  (8, 'tiny numeric', '[0,1)', '[0,1)', '(0.0000000001,0.0000000002)', '["4713-11-24 BC","294276-12-31")', '["2000-01-01 00:00:00.000001+00","2000-01-01 00:00:00.000002+00")', '[4713-11-24 BC,5874897-12-31)');
