-- The postgres_fdw extension: its wrapper comes back with CREATE EXTENSION, only the
-- privileges granted on it since are dumped; servers, mappings and foreign tables on it are ours.
CREATE SCHEMA foreign_data_pgfdw;
CREATE EXTENSION postgres_fdw WITH SCHEMA foreign_data_pgfdw;
GRANT USAGE ON FOREIGN DATA WRAPPER postgres_fdw TO regress_reader;

CREATE SERVER fdwcase_pg_remote FOREIGN DATA WRAPPER postgres_fdw
    OPTIONS (host 'localhost', port '1', dbname 'nowhere', fetch_size '500');
ALTER SERVER fdwcase_pg_remote OWNER TO regress_owner_a;
CREATE USER MAPPING FOR regress_reader SERVER fdwcase_pg_remote OPTIONS ("user" 'r', password 'p');
CREATE USER MAPPING FOR PUBLIC SERVER fdwcase_pg_remote OPTIONS ("user" 'anyone');

CREATE FOREIGN TABLE foreign_data_pgfdw.remote_items (
    id integer OPTIONS (column_name 'item_id') NOT NULL,
    label text
) SERVER fdwcase_pg_remote OPTIONS (schema_name 'public', table_name 'items', updatable 'false');

-- A wrapper of our own built on the extension's handler and validator.
CREATE FOREIGN DATA WRAPPER fdwcase_pg_clone
    HANDLER foreign_data_pgfdw.postgres_fdw_handler
    VALIDATOR foreign_data_pgfdw.postgres_fdw_validator;
CREATE SERVER fdwcase_pg_clone_srv FOREIGN DATA WRAPPER fdwcase_pg_clone OPTIONS (dbname 'elsewhere');
