-- Large objects: empty, small, multi-chunk with every byte value, owners, privileges, comments.
SELECT pg_catalog.lo_from_bytea(0, ''::bytea) IS NOT NULL AS created_empty;
SELECT pg_catalog.lo_from_bytea(0, convert_to('hello, large object ''quoted'' \ backslash', 'UTF8')) IS NOT NULL AS created_small;
-- ~600 kB: spans several read chunks
SELECT pg_catalog.lo_from_bytea(0, (SELECT string_agg(decode(lpad(to_hex(g % 256), 2, '0'), 'hex'), ''::bytea) FROM generate_series(0, 600000) g)) IS NOT NULL AS created_big;
DO $$
DECLARE
  o oid;
BEGIN
  o := pg_catalog.lo_from_bytea(0, '\x00ff00ff'::bytea);
  EXECUTE format('ALTER LARGE OBJECT %s OWNER TO regress_owner_a', o);
  EXECUTE format('GRANT SELECT ON LARGE OBJECT %s TO regress_reader', o);
  EXECUTE format('GRANT SELECT, UPDATE ON LARGE OBJECT %s TO regress_writer WITH GRANT OPTION', o);
  EXECUTE format('COMMENT ON LARGE OBJECT %s IS %L', o, 'owned by regress_owner_a');
END
$$;
