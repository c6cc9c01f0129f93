-- min-version: 15
-- PostgreSQL 15: UNIQUE NULLS NOT DISTINCT (constraint and index) and
-- ON DELETE SET NULL / SET DEFAULT with a column list.
CREATE SCHEMA constraints_pg15;

CREATE TABLE constraints_pg15.nnd (
    a integer,
    b integer,
    CONSTRAINT nnd_a_key UNIQUE NULLS NOT DISTINCT (a),
    CONSTRAINT nnd_ab_key UNIQUE NULLS DISTINCT (a, b)
);
CREATE UNIQUE INDEX nnd_b_idx ON constraints_pg15.nnd (b) NULLS NOT DISTINCT;
INSERT INTO constraints_pg15.nnd VALUES (1, 1), (NULL, 2), (2, NULL);

CREATE TABLE constraints_pg15.tenant_parent (
    tenant integer,
    id integer,
    PRIMARY KEY (tenant, id)
);
CREATE TABLE constraints_pg15.tenant_child (
    tenant integer NOT NULL DEFAULT 0,
    parent_id integer,
    other_id integer,
    CONSTRAINT tc_setnull_fk FOREIGN KEY (tenant, parent_id)
        REFERENCES constraints_pg15.tenant_parent ON DELETE SET NULL (parent_id),
    CONSTRAINT tc_setdefault_fk FOREIGN KEY (tenant, other_id)
        REFERENCES constraints_pg15.tenant_parent ON DELETE SET DEFAULT (other_id)
);
INSERT INTO constraints_pg15.tenant_parent VALUES (1, 1), (1, 2);
INSERT INTO constraints_pg15.tenant_child VALUES (1, 1, 2), (1, NULL, NULL);
