-- min-version: 17
CREATE SUBSCRIPTION subcase_pg17 CONNECTION 'dbname=nonexistent' PUBLICATION p
    WITH (connect = false, failover = true);
