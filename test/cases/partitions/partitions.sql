-- Partitioned tables: range, list and hash, default partition, multi-level, partitions
-- attached after creation (with dropped columns and their own names), partitioned
-- indexes and constraints, foreign keys to and from partitioned tables.
CREATE SCHEMA partitions;

CREATE TABLE partitions.measure (
    id integer NOT NULL,
    city text NOT NULL,
    v integer DEFAULT 5,
    at date NOT NULL,
    CONSTRAINT v_pos CHECK (v > 0)
) PARTITION BY RANGE (at);
CREATE TABLE partitions.measure_2024 PARTITION OF partitions.measure FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- created on its own (different column order, a dropped column) and attached later
CREATE TABLE partitions.measure_2025 (city text NOT NULL, dropme int, at date NOT NULL, id integer NOT NULL, v integer DEFAULT 5,
    CONSTRAINT v_pos CHECK (v > 0), CONSTRAINT own_check CHECK (id > 0));
ALTER TABLE partitions.measure_2025 DROP COLUMN dropme;
ALTER TABLE partitions.measure ATTACH PARTITION partitions.measure_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE partitions.measure_rest PARTITION OF partitions.measure DEFAULT PARTITION BY LIST (city);
CREATE TABLE partitions."measure rest A" PARTITION OF partitions.measure_rest FOR VALUES IN ('a', 'A');
CREATE TABLE partitions.measure_rest_other PARTITION OF partitions.measure_rest DEFAULT;

ALTER TABLE partitions.measure ADD PRIMARY KEY (id, at, city);
CREATE INDEX measure_city ON partitions.measure (city);
CREATE UNIQUE INDEX measure_2024_extra ON partitions.measure_2024 (id);
COMMENT ON TABLE partitions.measure IS 'partitioned by range';
COMMENT ON TABLE partitions.measure_2025 IS 'attached later';

INSERT INTO partitions.measure (id, city, v, at) VALUES
    (1, 'x', 1, '2024-03-01'), (2, 'y', 2, '2025-06-01'), (3, 'a', 3, '2030-01-01'), (4, 'z', 4, '1999-01-01');

CREATE TABLE partitions.hashed (k integer PRIMARY KEY, payload text) PARTITION BY HASH (k);
CREATE TABLE partitions.hashed_0 PARTITION OF partitions.hashed FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE partitions.hashed_1 PARTITION OF partitions.hashed FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO partitions.hashed SELECT g, 'p' || g FROM generate_series(1, 20) g;

-- Foreign keys referencing a partitioned table and on a partitioned table.
CREATE TABLE partitions.refs (k integer REFERENCES partitions.hashed (k) ON DELETE CASCADE);
CREATE TABLE partitions.prefs (k integer REFERENCES partitions.hashed (k), n integer) PARTITION BY RANGE (n);
CREATE TABLE partitions.prefs_1 PARTITION OF partitions.prefs FOR VALUES FROM (0) TO (100);
INSERT INTO partitions.refs VALUES (1), (2);
INSERT INTO partitions.prefs VALUES (3, 5);

-- A trigger on a partitioned table (cloned onto partitions).
CREATE FUNCTION partitions.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER measure_touch BEFORE INSERT ON partitions.measure FOR EACH ROW EXECUTE FUNCTION partitions.touch();
