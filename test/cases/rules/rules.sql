-- Rewrite rules: DO ALSO / DO INSTEAD, NOTHING, multi-action, WHERE conditions, rules on
-- views, disabled and replica/always rules, comments, hostile names.
CREATE SCHEMA rules;
CREATE TABLE rules.t (id integer PRIMARY KEY, v text);
CREATE TABLE rules.log (id integer, v text, at_op text);
CREATE RULE log_insert AS ON INSERT TO rules.t DO ALSO INSERT INTO rules.log VALUES (NEW.id, NEW.v, 'ins');
CREATE RULE "No Delete" AS ON DELETE TO rules.t WHERE OLD.id < 0 DO INSTEAD NOTHING;
CREATE RULE multi AS ON UPDATE TO rules.t DO ALSO (
    INSERT INTO rules.log VALUES (OLD.id, OLD.v, 'old');
    INSERT INTO rules.log VALUES (NEW.id, NEW.v, 'new')
);
CREATE VIEW rules.v AS SELECT id, v FROM rules.t;
CREATE RULE v_insert AS ON INSERT TO rules.v DO INSTEAD INSERT INTO rules.t VALUES (NEW.id, NEW.v) RETURNING t.id, t.v;
CREATE RULE off_rule AS ON INSERT TO rules.log WHERE NEW.id = -1 DO INSTEAD NOTHING;
ALTER TABLE rules.log DISABLE RULE off_rule;
CREATE RULE replica_rule AS ON INSERT TO rules.log WHERE NEW.id = -2 DO INSTEAD NOTHING;
ALTER TABLE rules.log ENABLE REPLICA RULE replica_rule;
CREATE RULE always_rule AS ON INSERT TO rules.log WHERE NEW.id = -3 DO INSTEAD NOTHING;
ALTER TABLE rules.log ENABLE ALWAYS RULE always_rule;
COMMENT ON RULE log_insert ON rules.t IS 'logs inserts';
INSERT INTO rules.t VALUES (1, 'one'), (2, 'two');
UPDATE rules.t SET v = 'uno' WHERE id = 1;
