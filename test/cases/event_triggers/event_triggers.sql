-- Event triggers. They stay active while the later fixture files load and while a dump
-- is restored (after they are created), so every function here is harmless: it does
-- nothing or only raises a NOTICE, and the noisy ones are filtered to a few tags.
-- Event triggers must be owned by a superuser, so they keep the loading user as owner.
CREATE SCHEMA event_triggers;

CREATE FUNCTION event_triggers.noop() RETURNS event_trigger
    LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;
CREATE FUNCTION event_triggers."Notice ""Fn"""() RETURNS event_trigger
    LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'event % for %', TG_EVENT, TG_TAG; END $$;

-- No tag filter, enabled (origin): fires on every DDL command after it.
CREATE EVENT TRIGGER evt_start_all ON ddl_command_start EXECUTE FUNCTION event_triggers.noop();
COMMENT ON EVENT TRIGGER evt_start_all IS 'does nothing on every command';

-- Tag filter (stored upper case), disabled.
CREATE EVENT TRIGGER "Evt End ""Filtered""" ON ddl_command_end
    WHEN TAG IN ('create foreign table', 'DROP FOREIGN TABLE', 'Alter Foreign Table')
    EXECUTE FUNCTION event_triggers."Notice ""Fn"""();
ALTER EVENT TRIGGER "Evt End ""Filtered""" DISABLE;
COMMENT ON EVENT TRIGGER "Evt End ""Filtered""" IS 'disabled: it''s "quoted"';

-- Replica only: does not fire in an ordinary session.
CREATE EVENT TRIGGER evt_drop_replica ON sql_drop EXECUTE FUNCTION event_triggers."Notice ""Fn"""();
ALTER EVENT TRIGGER evt_drop_replica ENABLE REPLICA;

-- Always, on table rewrites of one command tag.
CREATE EVENT TRIGGER "EVT Rewrite" ON table_rewrite WHEN TAG IN ('ALTER TYPE')
    EXECUTE FUNCTION event_triggers.noop();
ALTER EVENT TRIGGER "EVT Rewrite" ENABLE ALWAYS;

-- Enabled again after a disable: back to the default state.
CREATE EVENT TRIGGER evt_reenabled ON ddl_command_end WHEN TAG IN ('CREATE ACCESS METHOD')
    EXECUTE FUNCTION event_triggers."Notice ""Fn"""();
ALTER EVENT TRIGGER evt_reenabled DISABLE;
ALTER EVENT TRIGGER evt_reenabled ENABLE;
