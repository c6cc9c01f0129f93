-- Foreign keys: every ON DELETE / ON UPDATE action, MATCH FULL / SIMPLE,
-- DEFERRABLE variants, self-reference, FK to a unique constraint, FK to a
-- unique index that is not a constraint, multi-column FK, a cycle between two
-- tables, NOT VALID with violating data, FK across schemas.
CREATE SCHEMA constraints_fk;

CREATE TABLE constraints_fk.parent (
    id integer PRIMARY KEY,
    code text NOT NULL,
    sub integer NOT NULL,
    CONSTRAINT parent_code_sub_key UNIQUE (code, sub)
);
CREATE UNIQUE INDEX parent_code_only_idx ON constraints_fk.parent (code);
INSERT INTO constraints_fk.parent VALUES (1, 'a', 1), (2, 'b', 1), (0, 'zero', 0);

CREATE TABLE constraints_fk.child (
    id integer PRIMARY KEY,
    p_noaction integer REFERENCES constraints_fk.parent ON DELETE NO ACTION ON UPDATE NO ACTION,
    p_restrict integer REFERENCES constraints_fk.parent ON DELETE RESTRICT ON UPDATE RESTRICT,
    p_cascade integer REFERENCES constraints_fk.parent ON DELETE CASCADE ON UPDATE CASCADE,
    p_setnull integer REFERENCES constraints_fk.parent ON DELETE SET NULL ON UPDATE SET NULL,
    p_setdefault integer DEFAULT 0 REFERENCES constraints_fk.parent ON DELETE SET DEFAULT ON UPDATE SET DEFAULT,
    p_mixed integer,
    code text,
    sub integer,
    code_only text REFERENCES constraints_fk.parent (code),
    CONSTRAINT child_mixed_fk FOREIGN KEY (p_mixed) REFERENCES constraints_fk.parent (id)
        ON DELETE CASCADE ON UPDATE RESTRICT,
    CONSTRAINT child_full_fk FOREIGN KEY (code, sub) REFERENCES constraints_fk.parent (code, sub)
        MATCH FULL ON DELETE SET NULL,
    CONSTRAINT child_simple_fk FOREIGN KEY (sub, code) REFERENCES constraints_fk.parent (sub, code)
        MATCH SIMPLE
);
INSERT INTO constraints_fk.child VALUES
  (1, 1, 1, 1, 1, 1, 1, 'a', 1, 'a'),
  (2, NULL, NULL, 2, NULL, 0, NULL, NULL, NULL, NULL),
  (3, 2, 2, 2, 2, 2, 2, 'b', 1, 'b');

-- Deferrability variants.
CREATE TABLE constraints_fk.deferred (
    id integer PRIMARY KEY,
    p1 integer CONSTRAINT deferred_p1_fk REFERENCES constraints_fk.parent DEFERRABLE INITIALLY DEFERRED,
    p2 integer CONSTRAINT deferred_p2_fk REFERENCES constraints_fk.parent DEFERRABLE INITIALLY IMMEDIATE,
    p3 integer CONSTRAINT deferred_p3_fk REFERENCES constraints_fk.parent NOT DEFERRABLE
);
INSERT INTO constraints_fk.deferred VALUES (1, 1, 2, 0);

-- Self-referencing tree, rows inserted child-before-parent inside one transaction.
CREATE TABLE constraints_fk.tree (
    id integer PRIMARY KEY,
    parent_id integer,
    CONSTRAINT tree_parent_fk FOREIGN KEY (parent_id) REFERENCES constraints_fk.tree (id)
        DEFERRABLE INITIALLY DEFERRED
);
BEGIN;
INSERT INTO constraints_fk.tree VALUES (3, 2), (2, 1), (1, NULL), (4, 1);
COMMIT;

-- A cycle: a -> b and b -> a.
CREATE TABLE constraints_fk.cycle_a (id integer PRIMARY KEY, b_id integer);
CREATE TABLE constraints_fk.cycle_b (id integer PRIMARY KEY, a_id integer REFERENCES constraints_fk.cycle_a);
ALTER TABLE constraints_fk.cycle_a ADD CONSTRAINT cycle_a_b_fk FOREIGN KEY (b_id)
    REFERENCES constraints_fk.cycle_b DEFERRABLE INITIALLY DEFERRED;
BEGIN;
INSERT INTO constraints_fk.cycle_a VALUES (1, 10);
INSERT INTO constraints_fk.cycle_b VALUES (10, 1);
COMMIT;

-- NOT VALID foreign key with an orphan row.
CREATE TABLE constraints_fk.orphans (id integer, p integer);
INSERT INTO constraints_fk.orphans VALUES (1, 1), (2, 999);
ALTER TABLE constraints_fk.orphans ADD CONSTRAINT orphans_p_fk FOREIGN KEY (p)
    REFERENCES constraints_fk.parent NOT VALID;

-- FK into another schema, with a hostile constraint name.
CREATE SCHEMA "constraints_fk Other";
CREATE TABLE "constraints_fk Other"."Referencing" (
    id integer,
    CONSTRAINT "FK ""cross"" schema" FOREIGN KEY (id) REFERENCES constraints_fk.parent (id)
);
INSERT INTO "constraints_fk Other"."Referencing" VALUES (1), (NULL);

COMMENT ON CONSTRAINT child_full_fk ON constraints_fk.child IS 'match full';
COMMENT ON CONSTRAINT orphans_p_fk ON constraints_fk.orphans IS 'not valid fk';
