-- min-version: 15
CREATE SUBSCRIPTION subcase_pg15 CONNECTION 'dbname=nonexistent' PUBLICATION p
    WITH (connect = false, two_phase = true, disable_on_error = true);
