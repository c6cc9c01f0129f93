-- Primary keys, unique constraints (multi-column, deferrable, with INCLUDE and
-- storage parameters), check constraints (NOT VALID with violating data, NO
-- INHERIT, using a function, column and table level), constraint comments.
CREATE SCHEMA constraints_kc;

CREATE FUNCTION constraints_kc.is_even(integer) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT AS 'SELECT $1 % 2 = 0';

CREATE TABLE constraints_kc.t (
    id integer CONSTRAINT t_pkey PRIMARY KEY,
    a integer NOT NULL,
    b text NOT NULL,
    c integer CHECK (c > 0),
    d integer,
    e numeric CONSTRAINT "e is ""positive""" CHECK (e >= 0),
    f text,
    CONSTRAINT t_a_b_key UNIQUE (a, b),
    CONSTRAINT t_c_d_check CHECK (c < d OR d IS NULL),
    CONSTRAINT t_even CHECK (constraints_kc.is_even(a)),
    CONSTRAINT t_f_len CHECK (length(f) < 10) NO INHERIT
);

INSERT INTO constraints_kc.t VALUES
  (1, 2, 'x', 1, 2, 0, 'short'),
  (2, 4, 'y', NULL, NULL, 1.5, NULL),
  (3, 2, 'y', 5, NULL, NULL, '');

-- NOT VALID check constraint with a row that violates it.
INSERT INTO constraints_kc.t VALUES (4, 6, 'z', 100, NULL, 5, 'violates');
ALTER TABLE constraints_kc.t ADD CONSTRAINT t_c_small CHECK (c < 50) NOT VALID;

-- Composite primary key, deferrable unique, unique with INCLUDE and WITH().
CREATE TABLE constraints_kc.composite (
    k1 integer,
    k2 text COLLATE "C",
    v integer,
    w integer,
    PRIMARY KEY (k2, k1) WITH (fillfactor = 80),
    CONSTRAINT composite_v_uniq UNIQUE (v) DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT composite_w_uniq UNIQUE (w) INCLUDE (v) DEFERRABLE,
    CONSTRAINT composite_k1_w UNIQUE (k1, w) WITH (fillfactor = 60)
);
INSERT INTO constraints_kc.composite VALUES (1, 'a', 1, 1), (1, 'b', 2, 2), (2, 'a', NULL, NULL), (3, 'a', NULL, NULL);

-- Primary key added from an existing unique index, renamed constraint.
CREATE TABLE constraints_kc.from_index (id integer NOT NULL, v text);
CREATE UNIQUE INDEX from_index_idx ON constraints_kc.from_index (id);
ALTER TABLE constraints_kc.from_index ADD CONSTRAINT from_index_pk PRIMARY KEY USING INDEX from_index_idx;
ALTER TABLE constraints_kc.from_index RENAME CONSTRAINT from_index_pk TO "From Index PK";

-- A check constraint on a table with no other columns constrained.
CREATE TABLE constraints_kc.only_check (x integer, CHECK (x IS NULL OR x <> 13));

COMMENT ON CONSTRAINT t_pkey ON constraints_kc.t IS 'primary key comment';
COMMENT ON CONSTRAINT "e is ""positive""" ON constraints_kc.t IS 'check comment';
COMMENT ON CONSTRAINT t_c_small ON constraints_kc.t IS 'not valid check';
COMMENT ON CONSTRAINT composite_v_uniq ON constraints_kc.composite IS 'deferrable unique';

-- Dependency loop: a check constraint calling a function that takes the
-- table's own row type (the table must exist before the function, the
-- constraint after it).
CREATE TABLE constraints_kc.selfcheck (a integer, b integer);
CREATE FUNCTION constraints_kc.row_ok(r constraints_kc.selfcheck) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS 'SELECT r.a <= r.b';
ALTER TABLE constraints_kc.selfcheck ADD CONSTRAINT selfcheck_row_ok
    CHECK (constraints_kc.row_ok(selfcheck.*));
INSERT INTO constraints_kc.selfcheck VALUES (1, 2), (3, 3);
