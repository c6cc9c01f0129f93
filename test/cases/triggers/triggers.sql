-- Triggers: BEFORE/AFTER ROW and STATEMENT, INSTEAD OF on a view, UPDATE OF
-- columns, WHEN conditions, TRUNCATE, transition tables, constraint triggers
-- (DEFERRABLE INITIALLY DEFERRED, FROM a referenced table), arguments with
-- hostile text, disabled / ENABLE REPLICA / ENABLE ALWAYS, comments.
CREATE SCHEMA triggers;

CREATE TABLE triggers.t (id integer PRIMARY KEY, name text, qty integer, note text);
CREATE TABLE triggers.audit (op text, cnt bigint, args text[]);
CREATE TABLE triggers.other (id integer PRIMARY KEY);

CREATE FUNCTION triggers.upper_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.name := upper(NEW.name);
    RETURN NEW;
END $$;

CREATE FUNCTION triggers.log_args() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO triggers.audit (op, args) VALUES (TG_OP, TG_ARGV);
    RETURN NULL;
END $$;

CREATE FUNCTION triggers.count_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO triggers.audit (op, cnt) SELECT TG_OP, count(*) FROM new_rows;
    RETURN NULL;
END $$;

CREATE FUNCTION triggers.count_old_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO triggers.audit (op, cnt)
        SELECT TG_OP, (SELECT count(*) FROM old_rows) + (SELECT count(*) FROM new_rows);
    RETURN NULL;
END $$;

CREATE FUNCTION triggers.check_qty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.qty < 0 THEN RAISE EXCEPTION 'negative qty'; END IF;
    RETURN NULL;
END $$;

-- Data first: triggers that fire on insert would otherwise change it.
INSERT INTO triggers.t VALUES (1, 'a', 1, NULL), (2, 'b', 2, 'n');
INSERT INTO triggers.other VALUES (1);

CREATE TRIGGER before_row BEFORE INSERT OR UPDATE ON triggers.t
    FOR EACH ROW EXECUTE FUNCTION triggers.upper_name();
CREATE TRIGGER before_update_of BEFORE UPDATE OF name, qty ON triggers.t
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name AND NEW.qty > 0)
    EXECUTE PROCEDURE triggers.upper_name();
CREATE TRIGGER after_stmt AFTER INSERT OR DELETE ON triggers.t
    FOR EACH STATEMENT EXECUTE FUNCTION triggers.log_args('arg one', 'it''s', '', 'back\slash', E'new\nline', '42');
CREATE TRIGGER after_truncate AFTER TRUNCATE ON triggers.t
    FOR EACH STATEMENT EXECUTE FUNCTION triggers.log_args();
CREATE TRIGGER transition_insert AFTER INSERT ON triggers.t
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION triggers.count_new();
CREATE TRIGGER transition_update AFTER UPDATE ON triggers.t
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION triggers.count_old_new();
CREATE TRIGGER "Trigger ""Quoted"" Name" AFTER DELETE ON triggers.t
    FOR EACH ROW WHEN (OLD.qty IS NOT NULL) EXECUTE FUNCTION triggers.log_args('del');

-- Constraint triggers.
CREATE CONSTRAINT TRIGGER qty_check AFTER INSERT OR UPDATE ON triggers.t
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION triggers.check_qty();
CREATE CONSTRAINT TRIGGER qty_check_immediate AFTER UPDATE ON triggers.t
    FROM triggers.other
    NOT DEFERRABLE
    FOR EACH ROW WHEN (NEW.qty <> OLD.qty) EXECUTE FUNCTION triggers.check_qty();
CREATE CONSTRAINT TRIGGER qty_check_deferrable AFTER INSERT ON triggers.t
    DEFERRABLE INITIALLY IMMEDIATE
    FOR EACH ROW EXECUTE FUNCTION triggers.check_qty();

-- Enable states.
CREATE TRIGGER disabled_trg BEFORE INSERT ON triggers.t
    FOR EACH ROW EXECUTE FUNCTION triggers.upper_name();
ALTER TABLE triggers.t DISABLE TRIGGER disabled_trg;
CREATE TRIGGER replica_trg BEFORE INSERT ON triggers.t
    FOR EACH ROW EXECUTE FUNCTION triggers.upper_name();
ALTER TABLE triggers.t ENABLE REPLICA TRIGGER replica_trg;
CREATE TRIGGER always_trg BEFORE INSERT ON triggers.t
    FOR EACH ROW EXECUTE FUNCTION triggers.upper_name();
ALTER TABLE triggers.t ENABLE ALWAYS TRIGGER always_trg;
ALTER TABLE triggers.t DISABLE TRIGGER qty_check_deferrable;

-- INSTEAD OF triggers on a view.
CREATE VIEW triggers.v AS SELECT id, name FROM triggers.t;
CREATE FUNCTION triggers.v_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO triggers.t (id, name, qty) VALUES (NEW.id, NEW.name, 0);
    RETURN NEW;
END $$;
CREATE TRIGGER v_instead_insert INSTEAD OF INSERT ON triggers.v
    FOR EACH ROW EXECUTE FUNCTION triggers.v_insert();
CREATE TRIGGER v_instead_upd_del INSTEAD OF UPDATE OR DELETE ON triggers.v
    FOR EACH ROW EXECUTE FUNCTION triggers.v_insert();

-- A statement trigger on a view.
CREATE TRIGGER v_stmt BEFORE INSERT ON triggers.v
    FOR EACH STATEMENT EXECUTE FUNCTION triggers.log_args('view stmt');

COMMENT ON TRIGGER before_row ON triggers.t IS 'uppercases name';
COMMENT ON TRIGGER qty_check ON triggers.t IS 'constraint trigger';
COMMENT ON TRIGGER "Trigger ""Quoted"" Name" ON triggers.t IS 'hostile trigger name';
