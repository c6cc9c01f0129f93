-- min-version: 14
CREATE SUBSCRIPTION subcase_pg14 CONNECTION 'dbname=nonexistent' PUBLICATION p
    WITH (connect = false, binary = true, streaming = on);
