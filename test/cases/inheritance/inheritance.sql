-- Table inheritance: inherited and local columns, merged columns, constraints that are
-- inherited or local or NO INHERIT, child defaults and NOT NULL that differ from the
-- parent, multiple parents, dropped columns in the parent.
CREATE SCHEMA inheritance;

CREATE TABLE inheritance.parent (a integer, b text, gone integer, c integer NOT NULL,
    CONSTRAINT a_pos CHECK (a > 0), CONSTRAINT only_parent CHECK (c < 1000) NO INHERIT);
ALTER TABLE inheritance.parent DROP COLUMN gone;
CREATE TABLE inheritance.child (d integer, b text DEFAULT 'child' NOT NULL) INHERITS (inheritance.parent);
ALTER TABLE inheritance.child ALTER COLUMN a SET DEFAULT 7;
ALTER TABLE inheritance.child ALTER COLUMN a SET NOT NULL;
CREATE TABLE inheritance.child2 (a integer, CONSTRAINT own CHECK (a < 100)) INHERITS (inheritance.parent);
CREATE TABLE inheritance.other (z text);
CREATE TABLE inheritance."Multi Child" (w integer) INHERITS (inheritance.parent, inheritance.other);
CREATE TABLE inheritance.grandchild () INHERITS (inheritance.child);

INSERT INTO inheritance.parent (a, b, c) VALUES (1, 'p', 1);
INSERT INTO inheritance.child (a, b, c, d) VALUES (2, 'c', 2, 20);
INSERT INTO inheritance.child2 (a, b, c) VALUES (3, 'c2', 3);
INSERT INTO inheritance."Multi Child" (a, b, c, z, w) VALUES (4, 'm', 4, 'zz', 40);
INSERT INTO inheritance.grandchild (a, b, c, d) VALUES (5, 'g', 5, 50);
COMMENT ON COLUMN inheritance.child.d IS 'local column of a child';
