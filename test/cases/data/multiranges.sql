-- min-version: 14
-- PostgreSQL 14: multirange values of every built-in multirange type.
CREATE SCHEMA data_multiranges;
CREATE TABLE data_multiranges.m (
    id integer PRIMARY KEY,
    i4 int4multirange, i8 int8multirange, n nummultirange,
    ts tsmultirange, tstz tstzmultirange, d datemultirange
);
INSERT INTO data_multiranges.m VALUES
  (1, '{}', '{}', '{}', '{}', '{}', '{}'),
  (2, '{[1,3),[5,7),[10,)}', '{(,0),[1,2)}', '{[1.5,2.5],(3,4)}',
      '{["2000-01-01","2000-01-02"),[2001-01-01,infinity]}', '{(,"2000-01-01 00:00+05:45")}', '{[2000-01-01,2000-01-10),[2000-02-01,)}'),
  (3, '{(,)}', '{[1,2),[2,3)}', '{empty}', '{[-infinity,infinity]}', '{}', '{(,)}'),
  (4, NULL, NULL, NULL, NULL, NULL, NULL);
