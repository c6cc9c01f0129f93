-- Functions: LANGUAGE sql and plpgsql, volatility, STRICT, SECURITY DEFINER,
-- LEAKPROOF, PARALLEL SAFE/RESTRICTED/UNSAFE, COST, ROWS, SET search_path /
-- work_mem / a GUC FROM CURRENT, OUT/INOUT/VARIADIC arguments, argument
-- defaults, RETURNS TABLE / SETOF / trigger / void / record, overloads,
-- bodies containing $$ and $_$, comments, owners, EXECUTE grants.
CREATE SCHEMA functions;

CREATE FUNCTION functions.add(a integer, b integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF COST 2
    AS $$ SELECT a + b $$;

-- Overloads of the same name.
CREATE FUNCTION functions.add(a numeric, b numeric) RETURNS numeric
    LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$;
CREATE FUNCTION functions.add(a text, b text DEFAULT '!') RETURNS text
    LANGUAGE sql STABLE AS $$ SELECT a || b $$;
CREATE FUNCTION functions.add() RETURNS integer
    LANGUAGE sql VOLATILE AS $$ SELECT 0 $$;

CREATE FUNCTION functions.plpgsql_all(IN x integer, INOUT y text, OUT z numeric, OUT "Quoted Out" boolean)
    LANGUAGE plpgsql VOLATILE CALLED ON NULL INPUT SECURITY DEFINER PARALLEL RESTRICTED COST 1000
    SET search_path = functions, pg_temp
    SET work_mem = '8MB'
    AS $body$
BEGIN
    y := coalesce(y, '') || x::text;
    z := x * 1.5;
    "Quoted Out" := x > 0;
END
$body$;

CREATE FUNCTION functions.defaults(a integer, b text DEFAULT 'it''s', c numeric DEFAULT 1.5,
                                   d integer[] DEFAULT ARRAY[1, 2], e date DEFAULT CURRENT_DATE)
    RETURNS text LANGUAGE sql STABLE
    AS $$ SELECT a || b || c || array_to_string(d, ',') $$;

CREATE FUNCTION functions.variadic_sum(VARIADIC nums integer[]) RETURNS bigint
    LANGUAGE sql IMMUTABLE AS $$ SELECT sum(n) FROM unnest(nums) n $$;
CREATE FUNCTION functions.variadic_any(fmt text, VARIADIC "any") RETURNS text
    LANGUAGE internal STABLE AS 'text_format';

CREATE FUNCTION functions.table_fn(lim integer) RETURNS TABLE (n integer, "Label" text)
    LANGUAGE sql STABLE ROWS 25
    AS $$ SELECT g, 'row ' || g FROM generate_series(1, lim) g $$;

CREATE TABLE functions.items (id integer PRIMARY KEY, name text);
INSERT INTO functions.items VALUES (1, 'a'), (2, 'b');
CREATE FUNCTION functions.setof_items() RETURNS SETOF functions.items
    LANGUAGE sql STABLE ROWS 2 AS $$ SELECT * FROM functions.items ORDER BY id $$;
CREATE FUNCTION functions.setof_text() RETURNS SETOF text
    LANGUAGE plpgsql AS $$
BEGIN
    RETURN NEXT 'a';
    RETURN QUERY SELECT name FROM functions.items;
END $$;
CREATE FUNCTION functions.record_fn(OUT a integer, OUT b text) RETURNS SETOF record
    LANGUAGE sql AS $$ VALUES (1, 'x'), (2, 'y') $$;

CREATE FUNCTION functions.void_fn() RETURNS void LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;

CREATE FUNCTION functions.trig_fn() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.name := upper(NEW.name);
    RETURN NEW;
END $$;

-- Bodies containing dollar-quote delimiters literally.
CREATE FUNCTION functions.dollar_body() RETURNS text
    LANGUAGE sql IMMUTABLE
    AS $q$ SELECT '$$ and $_$ and $body$ and $function$'::text $q$;
CREATE FUNCTION functions.dollar_plpgsql() RETURNS text
    LANGUAGE plpgsql IMMUTABLE
    AS $_X_$
DECLARE
    s text := $$it's $_$ nested $_$ $$;
BEGIN
    RETURN s || $_$ and $$ $_$;
END
$_X_$;
CREATE FUNCTION functions.quote_body() RETURNS text
    LANGUAGE sql IMMUTABLE
    AS 'SELECT ''single-quoted body with a backslash \ and "dq"''::text';

-- SET options: a GUC with a list value, SET FROM CURRENT, an extension GUC.
SET datestyle = 'ISO, DMY';
CREATE FUNCTION functions.with_settings() RETURNS text
    LANGUAGE sql STABLE
    SET search_path = "$user", public, functions
    SET datestyle FROM CURRENT
    SET statement_timeout = 0
    SET application_name = 'it''s "quoted"'
    AS $$ SELECT current_setting('datestyle') $$;
RESET datestyle;

CREATE FUNCTION functions.strict_leak(text) RETURNS boolean
    LANGUAGE sql IMMUTABLE RETURNS NULL ON NULL INPUT LEAKPROOF PARALLEL UNSAFE
    AS $$ SELECT $1 <> '' $$;

-- A function used by a column default and by a check constraint.
CREATE SEQUENCE functions.code_seq;
CREATE FUNCTION functions.next_code() RETURNS text
    LANGUAGE sql VOLATILE AS $$ SELECT 'C' || nextval('functions.code_seq') $$;
CREATE TABLE functions.coded (code text DEFAULT functions.next_code()
    CHECK (functions.strict_leak(code)));
INSERT INTO functions.coded DEFAULT VALUES;

-- Hostile function name and argument names.
CREATE FUNCTION functions."Func With ""Quotes"""("select" integer, "from" text) RETURNS text
    LANGUAGE sql AS $$ SELECT "from" || "select" $$;

-- Comments, owners, grants.
COMMENT ON FUNCTION functions.add(integer, integer) IS 'integer add';
COMMENT ON FUNCTION functions.add(text, text) IS 'text add';
COMMENT ON FUNCTION functions.plpgsql_all(integer, text) IS E'has OUT args\nand a newline';
ALTER FUNCTION functions.add(numeric, numeric) OWNER TO regress_owner_a;
ALTER FUNCTION functions.plpgsql_all(integer, text) OWNER TO regress_owner_b;
REVOKE EXECUTE ON FUNCTION functions.plpgsql_all(integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION functions.plpgsql_all(integer, text) TO regress_reader;
REVOKE ALL ON FUNCTION functions.add(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION functions.add(text, text) TO "regress_Weird Role" WITH GRANT OPTION;
GRANT EXECUTE ON FUNCTION functions."Func With ""Quotes"""(integer, text) TO "regress_quote""d role";
