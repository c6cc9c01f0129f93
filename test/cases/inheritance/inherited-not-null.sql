-- NOT NULL that a child only inherits, as in sakila's inheritance-partitioned payment table
-- (a CHECK per child, every column from the parent): pg_dump writes no ALTER ... SET NOT NULL
-- for such a child before 18. A child that adds NOT NULL to a column nullable in the parent
-- keeps its own.
CREATE SCHEMA inherited_not_null;
CREATE TABLE inherited_not_null.payment (
    payment_id integer NOT NULL,
    amount numeric(5,2) NOT NULL,
    payment_date timestamp without time zone NOT NULL,
    note text
);
CREATE TABLE inherited_not_null.payment_p2007_01 (
    CONSTRAINT payment_p2007_01_payment_date_check
      CHECK (payment_date >= '2007-01-01' AND payment_date < '2007-02-01')
) INHERITS (inherited_not_null.payment);
CREATE TABLE inherited_not_null.payment_p2007_02 () INHERITS (inherited_not_null.payment);
ALTER TABLE ONLY inherited_not_null.payment_p2007_02 ALTER COLUMN note SET NOT NULL;
INSERT INTO inherited_not_null.payment_p2007_01 VALUES (1, 2.99, '2007-01-15', NULL);
INSERT INTO inherited_not_null.payment_p2007_02 VALUES (2, 4.99, '2007-02-15', 'x');
