-- min-version: 14
-- PostgreSQL 14: numeric +/-Infinity, in arrays and as numrange bounds.
CREATE SCHEMA data_numeric_inf;
CREATE TABLE data_numeric_inf.n (id integer PRIMARY KEY, n numeric, arr numeric[], r numrange);
INSERT INTO data_numeric_inf.n VALUES
  (1, 'Infinity', '{Infinity,-Infinity,NaN,1.5}', '[-Infinity,Infinity]'),
  (2, '-Infinity', '{}', '(,Infinity)'),
  (3, 'NaN', NULL, NULL);
