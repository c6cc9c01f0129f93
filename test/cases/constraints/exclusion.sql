-- Exclusion constraints: btree_gist equality + range overlap, a partial one
-- with WHERE, a deferrable one, one over a plain range column.
CREATE SCHEMA constraints_excl;

CREATE TABLE constraints_excl.booking (
    id integer PRIMARY KEY,
    room integer NOT NULL,
    during tsrange NOT NULL,
    cancelled boolean NOT NULL DEFAULT false,
    CONSTRAINT booking_no_overlap EXCLUDE USING gist (room WITH =, during WITH &&)
        WHERE (NOT cancelled)
);
INSERT INTO constraints_excl.booking VALUES
  (1, 101, '[2020-01-01 10:00, 2020-01-01 11:00)', false),
  (2, 101, '[2020-01-01 11:00, 2020-01-01 12:00)', false),
  (3, 101, '[2020-01-01 10:30, 2020-01-01 11:30)', true);

CREATE TABLE constraints_excl.spans (
    s int4range,
    CONSTRAINT spans_excl EXCLUDE USING gist (s WITH &&) DEFERRABLE INITIALLY DEFERRED
);
INSERT INTO constraints_excl.spans VALUES ('[1,5)'), ('[5,10)'), ('empty');

CREATE TABLE constraints_excl.circles (
    c circle,
    CONSTRAINT circles_excl EXCLUDE USING gist (c WITH &&) WITH (fillfactor = 75)
);
INSERT INTO constraints_excl.circles VALUES ('<(0,0),1>'), ('<(5,5),1>');

-- btree exclusion equivalent to unique, with INCLUDE.
CREATE TABLE constraints_excl.btree_excl (
    a integer,
    b text,
    CONSTRAINT btree_excl_a EXCLUDE USING btree (a WITH =) INCLUDE (b)
);

COMMENT ON CONSTRAINT booking_no_overlap ON constraints_excl.booking IS 'no double booking';
