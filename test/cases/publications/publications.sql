-- Publications: FOR ALL TABLES, FOR TABLE, empty; publish options and
-- publish_via_partition_root; comments. Publication names are database-wide: pubcase_*.
-- The FOR ALL TABLES one publishes no UPDATE/DELETE, so tables of later fixtures need no
-- replica identity for their UPDATEs.
CREATE SCHEMA publications;
CREATE TABLE publications.items (id integer PRIMARY KEY, label text);
CREATE TABLE publications."Odd ""Table""" (id integer PRIMARY KEY, "Val" text);
CREATE TABLE publications.parted (id integer, region text) PARTITION BY LIST (region);
CREATE TABLE publications.parted_eu PARTITION OF publications.parted FOR VALUES IN ('eu');

CREATE PUBLICATION pubcase_all FOR ALL TABLES WITH (publish = 'insert, truncate');
COMMENT ON PUBLICATION pubcase_all IS 'every table, inserts and truncates only';

CREATE PUBLICATION pubcase_empty;

CREATE PUBLICATION "PubCase ""Odd"" Name" FOR TABLE publications.items, publications."Odd ""Table"""
    WITH (publish = 'update, delete');
COMMENT ON PUBLICATION "PubCase ""Odd"" Name" IS 'it''s "quoted"';

CREATE PUBLICATION pubcase_nothing WITH (publish = '');
ALTER PUBLICATION pubcase_nothing ADD TABLE publications.items;

CREATE PUBLICATION pubcase_via_root FOR TABLE publications.parted
    WITH (publish_via_partition_root = true);
CREATE PUBLICATION pubcase_leaf FOR TABLE publications.parted_eu;
