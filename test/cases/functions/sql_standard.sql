-- min-version: 14
-- PostgreSQL 14: SQL-standard function bodies (RETURN expr and BEGIN ATOMIC),
-- which depend on the objects they reference; OUT arguments on procedures.
CREATE SCHEMA functions_std;

CREATE TABLE functions_std.t (id integer PRIMARY KEY, v text);
INSERT INTO functions_std.t VALUES (1, 'one'), (2, 'two');

CREATE FUNCTION functions_std.ret(a integer, b integer DEFAULT 10) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN a * b + 1;

CREATE FUNCTION functions_std.lookup(i integer) RETURNS text
    LANGUAGE sql STABLE
    BEGIN ATOMIC
        SELECT v FROM functions_std.t WHERE id = i;
    END;

CREATE FUNCTION functions_std.multi(i integer) RETURNS SETOF text
    LANGUAGE sql
    BEGIN ATOMIC
        SELECT v FROM functions_std.t WHERE id >= i ORDER BY id;
    END;

CREATE FUNCTION functions_std.uses_other(x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE
    RETURN functions_std.ret(x) + 1;

CREATE FUNCTION functions_std.quoting(x text) RETURNS text
    LANGUAGE sql IMMUTABLE
    RETURN x || ' $$ it''s $_$ ' || E'\\';

CREATE PROCEDURE functions_std.ins(i integer, w text)
    LANGUAGE sql
    BEGIN ATOMIC
        INSERT INTO functions_std.t VALUES (i, w);
        UPDATE functions_std.t SET v = upper(v) WHERE id = i;
    END;

CREATE PROCEDURE functions_std.with_out(IN a integer, OUT b integer)
    LANGUAGE plpgsql AS $$ BEGIN b := a * 2; END $$;

-- A view over a SQL-standard function, and a default using one.
CREATE VIEW functions_std.v AS SELECT id, functions_std.lookup(id) AS looked_up FROM functions_std.t;
CREATE TABLE functions_std.uses (n integer DEFAULT functions_std.ret(4));

COMMENT ON FUNCTION functions_std.lookup(integer) IS 'BEGIN ATOMIC body';
