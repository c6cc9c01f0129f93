-- min-version: 17
-- PostgreSQL 17: infinite intervals.
CREATE SCHEMA data_interval_inf;
CREATE TABLE data_interval_inf.i (id integer PRIMARY KEY, iv interval, arr interval[]);
INSERT INTO data_interval_inf.i VALUES
  (1, 'infinity', '{infinity,-infinity,"1 day"}'),
  (2, '-infinity', '{}');
