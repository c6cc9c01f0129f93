-- Subscriptions that never connect (no publisher needed; superuser only). Restored ones
-- come back disabled and unconnected, with the same slot name. Names are database-wide: subcase_*.
CREATE SUBSCRIPTION subcase_basic CONNECTION 'dbname=nonexistent' PUBLICATION pubcase_all
    WITH (connect = false);
COMMENT ON SUBSCRIPTION subcase_basic IS 'never connects';

CREATE SUBSCRIPTION "SubCase ""Odd"" Name"
    CONNECTION 'host=localhost port=1 dbname=''no where'' application_name=x'
    PUBLICATION "PubCase ""Odd"" Name", pubcase_empty
    WITH (connect = false, slot_name = 'subcase_odd_slot', synchronous_commit = 'remote_apply');
COMMENT ON SUBSCRIPTION "SubCase ""Odd"" Name" IS 'it''s "quoted"';

CREATE SUBSCRIPTION subcase_no_slot CONNECTION 'dbname=nonexistent' PUBLICATION p
    WITH (connect = false, slot_name = NONE);
