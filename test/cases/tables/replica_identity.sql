-- REPLICA IDENTITY: DEFAULT, FULL, NOTHING, USING INDEX (a unique index, and a primary key's index).
CREATE SCHEMA replica_identity;
CREATE TABLE replica_identity.full_t (id integer);
ALTER TABLE replica_identity.full_t REPLICA IDENTITY FULL;
CREATE TABLE replica_identity.nothing_t (id integer);
ALTER TABLE replica_identity.nothing_t REPLICA IDENTITY NOTHING;
CREATE TABLE replica_identity.by_index (id integer NOT NULL, code text NOT NULL);
CREATE UNIQUE INDEX by_index_code ON replica_identity.by_index (code);
ALTER TABLE replica_identity.by_index REPLICA IDENTITY USING INDEX by_index_code;
CREATE TABLE replica_identity.by_pk_index (id integer PRIMARY KEY, other integer NOT NULL UNIQUE);
ALTER TABLE replica_identity.by_pk_index REPLICA IDENTITY USING INDEX by_pk_index_other_key;
