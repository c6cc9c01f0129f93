-- min-version: 17
-- A login event trigger (PostgreSQL 17+). It runs at every connection to the database,
-- the dump's and the restore's included, so its function does nothing.
CREATE SCHEMA event_triggers_login;
CREATE FUNCTION event_triggers_login.on_login() RETURNS event_trigger
    LANGUAGE plpgsql AS $$ BEGIN NULL; END $$;
CREATE EVENT TRIGGER evt_login ON login EXECUTE FUNCTION event_triggers_login.on_login();
COMMENT ON EVENT TRIGGER evt_login IS 'login trigger that does nothing';
