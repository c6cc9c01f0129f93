-- Domains: NOT NULL, DEFAULT, named CHECK constraints, a NOT VALID constraint
-- (with data violating it), domain over domain, domain over an array, domain
-- over an enum and a composite, domain with collation, comments on domains
-- and their constraints, owner, grants.
CREATE SCHEMA types_domain;

CREATE DOMAIN types_domain.posint AS integer
    CONSTRAINT posint_positive CHECK (VALUE > 0)
    CONSTRAINT posint_not_huge CHECK (VALUE < 1000000);

CREATE DOMAIN types_domain.email AS text COLLATE "C"
    NOT NULL
    DEFAULT 'nobody@example.com'
    CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');

CREATE DOMAIN types_domain.small_posint AS types_domain.posint
    DEFAULT 1
    CONSTRAINT small CHECK (VALUE <= 100);

CREATE DOMAIN types_domain.int_list AS integer[]
    CONSTRAINT list_not_empty CHECK (cardinality(VALUE) > 0);

CREATE DOMAIN types_domain.posint_list AS types_domain.posint[];

CREATE DOMAIN types_domain."Quoted ""Dom""" AS varchar(10) NULL CHECK (VALUE <> 'bad');

CREATE TYPE types_domain.color AS ENUM ('red', 'green');
CREATE DOMAIN types_domain.warm AS types_domain.color CHECK (VALUE = 'red');

CREATE TYPE types_domain.pair AS (a integer, b integer);
CREATE DOMAIN types_domain.ordered_pair AS types_domain.pair CHECK ((VALUE).a <= (VALUE).b);

CREATE DOMAIN types_domain.loose AS numeric(8,2);

CREATE TABLE types_domain.uses (
    id types_domain.posint PRIMARY KEY,
    e types_domain.email,
    s types_domain.small_posint,
    l types_domain.int_list,
    pl types_domain.posint_list,
    q types_domain."Quoted ""Dom""",
    w types_domain.warm,
    p types_domain.ordered_pair,
    n types_domain.loose
);
INSERT INTO types_domain.uses VALUES
  (1, 'a@b', 5, '{1}', '{1,2}', 'ok', 'red', ROW(1, 2), 1.5),
  (2, 'x@y', 100, '{1,2,3}', '{}', NULL, NULL, NULL, NULL),
  (3, 'way_too_long@example.com', 1, '{0}', NULL, '', 'red', ROW(2, 2), -3);

-- A NOT VALID domain constraint that existing data violates.
ALTER DOMAIN types_domain.loose ADD CONSTRAINT loose_nonneg CHECK (VALUE >= 0) NOT VALID;
-- A constraint added later and validated.
ALTER DOMAIN types_domain.email ADD CONSTRAINT email_short CHECK (length(VALUE) < 100);

COMMENT ON DOMAIN types_domain.posint IS 'positive integer';
COMMENT ON CONSTRAINT posint_positive ON DOMAIN types_domain.posint IS 'domain constraint comment';
COMMENT ON CONSTRAINT loose_nonneg ON DOMAIN types_domain.loose IS 'not valid';
ALTER DOMAIN types_domain.email OWNER TO regress_owner_a;
REVOKE USAGE ON DOMAIN types_domain.posint FROM PUBLIC;
GRANT USAGE ON DOMAIN types_domain.posint TO regress_writer;
GRANT USAGE ON DOMAIN types_domain.posint TO regress_reader WITH GRANT OPTION;
