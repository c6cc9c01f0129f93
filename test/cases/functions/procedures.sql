-- Procedures: plpgsql and sql, INOUT arguments, defaults, SECURITY DEFINER,
-- SET options, transaction control, comments and grants.
CREATE SCHEMA functions_proc;

CREATE TABLE functions_proc.log (id serial, msg text);

CREATE PROCEDURE functions_proc.add_log(msg text, INOUT n integer DEFAULT 0)
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO functions_proc.log (msg) VALUES (msg);
    n := n + 1;
END
$$;

CREATE PROCEDURE functions_proc.sql_proc(a integer, b integer)
    LANGUAGE sql
    AS $$ INSERT INTO functions_proc.log (msg) VALUES ((a + b)::text) $$;

CREATE PROCEDURE functions_proc.definer()
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = functions_proc, pg_temp
    AS $$ BEGIN COMMIT; END $$;

CREATE PROCEDURE functions_proc.variadic_proc(VARIADIC msgs text[])
    LANGUAGE sql AS $$ INSERT INTO functions_proc.log (msg) SELECT unnest(msgs) $$;

CALL functions_proc.add_log('called once');
CALL functions_proc.sql_proc(1, 2);

COMMENT ON PROCEDURE functions_proc.add_log(text, integer) IS 'procedure with INOUT';
ALTER PROCEDURE functions_proc.sql_proc(integer, integer) OWNER TO regress_owner_a;
REVOKE EXECUTE ON PROCEDURE functions_proc.definer() FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE functions_proc.definer() TO regress_writer;
