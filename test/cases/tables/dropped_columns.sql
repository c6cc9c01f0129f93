-- Dropped columns: in the middle, at the end, at the start, after data was
-- inserted; a table whose only remaining column sits after dropped ones.
CREATE SCHEMA tables_dropped;

CREATE TABLE tables_dropped.mid (a integer, gone text, b text, gone2 integer, c date);
INSERT INTO tables_dropped.mid VALUES (1, 'x', 'b1', 9, '2001-01-01'), (2, 'y', 'b2', 8, NULL);
ALTER TABLE tables_dropped.mid DROP COLUMN gone;
ALTER TABLE tables_dropped.mid DROP COLUMN gone2;
ALTER TABLE tables_dropped.mid ADD COLUMN d text DEFAULT 'added after drop';
INSERT INTO tables_dropped.mid (a, b, c) VALUES (3, 'b3', '2003-03-03');

CREATE TABLE tables_dropped.first_gone (gone integer, keep text);
INSERT INTO tables_dropped.first_gone VALUES (1, 'k');
ALTER TABLE tables_dropped.first_gone DROP COLUMN gone;

CREATE TABLE tables_dropped.last_gone (keep integer, gone text);
INSERT INTO tables_dropped.last_gone VALUES (1, 'g');
ALTER TABLE tables_dropped.last_gone DROP COLUMN gone;

CREATE TYPE tables_dropped.comp AS (x integer, y text);
CREATE TABLE tables_dropped.typed_gone (c tables_dropped.comp, gone tables_dropped.comp, z integer);
INSERT INTO tables_dropped.typed_gone VALUES (ROW(1, 'a'), ROW(2, 'b'), 3);
ALTER TABLE tables_dropped.typed_gone DROP COLUMN gone;
