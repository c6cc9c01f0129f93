-- min-version: 14
-- Column compression is accepted (and kept) on foreign table columns from 14 on.
CREATE SCHEMA foreign_tables_pg14;
CREATE FOREIGN DATA WRAPPER fdwcase_pg14_wrapper;
CREATE SERVER fdwcase_pg14_srv FOREIGN DATA WRAPPER fdwcase_pg14_wrapper;
CREATE FOREIGN TABLE foreign_tables_pg14.compressed (doc text COMPRESSION pglz, other text)
    SERVER fdwcase_pg14_srv;
