-- min-version: 16
CREATE SUBSCRIPTION subcase_pg16 CONNECTION 'dbname=nonexistent' PUBLICATION p
    WITH (connect = false, streaming = parallel, origin = none, password_required = false, run_as_owner = true);
CREATE SUBSCRIPTION subcase_pg16_off CONNECTION 'dbname=nonexistent' PUBLICATION p
    WITH (connect = false, streaming = off);
