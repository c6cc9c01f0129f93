// SECURITY LABELs on every kind that can carry one. No stock server ships a label provider, so
// the test builds a tiny one (test/fixtures/seclabel) against the installed server headers and
// preloads it into a server of the same major; the real pg_dump of that major is the oracle.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dumpToFile } from '../src/index.js';
import { requestedMajors, startServer, type TestServer } from './servers/index.js';
import { createDatabase, pgDump, psqlFile, psqlString, query } from './util/pg.js';

/** The major of the installed server headers (postgresql-server-dev-N), which is also pg_dump's here. */
function headersMajor(): number {
  const v = execFileSync('pg_config', ['--version'], { encoding: 'utf8' });
  return Number(/PostgreSQL (\d+)/.exec(v)![1]);
}

const major = headersMajor();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-seclabel-'));

function buildProvider(): string {
  const includeDir = execFileSync('pg_config', ['--includedir-server'], { encoding: 'utf8' }).trim();
  const out = path.join(tmp, 'pgdump_ts_seclabel.so');
  execFileSync('gcc', ['-fPIC', '-shared', '-O2', `-I${includeDir}`, '-o', out, path.resolve('test/fixtures/seclabel/pgdump_ts_seclabel.c')]);
  chmodSync(tmp, 0o755);
  return out;
}

const P = 'pgdump_ts_test';
const SOURCE = `
CREATE SCHEMA "Lab s";
CREATE TABLE "Lab s".t (id int PRIMARY KEY, "Odd col" text, plain int);
CREATE VIEW "Lab s".v AS SELECT id FROM "Lab s".t;
CREATE MATERIALIZED VIEW "Lab s".mv AS SELECT id FROM "Lab s".t;
CREATE SEQUENCE "Lab s".seq;
CREATE FUNCTION "Lab s".f(a int, b text) RETURNS int LANGUAGE sql AS 'SELECT a';
CREATE PROCEDURE "Lab s".p(int) LANGUAGE sql AS 'SELECT 1';
CREATE AGGREGATE "Lab s".agg(int) (SFUNC = int4pl, STYPE = int);
CREATE TYPE "Lab s".e AS ENUM ('a');
CREATE TYPE "Lab s".comp AS (x int);
CREATE TYPE "Lab s".rng AS RANGE (SUBTYPE = float8);
CREATE DOMAIN "Lab s".d AS int CHECK (VALUE > 0);
CREATE FOREIGN DATA WRAPPER lab_fdw;
CREATE SERVER lab_srv FOREIGN DATA WRAPPER lab_fdw;
CREATE FOREIGN TABLE "Lab s".ft (a int, b text) SERVER lab_srv;
CREATE FUNCTION "Lab s".evt() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';
CREATE EVENT TRIGGER lab_evt ON ddl_command_start EXECUTE FUNCTION "Lab s".evt();
CREATE PUBLICATION lab_pub FOR TABLE "Lab s".t;
SELECT lo_create(424242);
SECURITY LABEL FOR ${P} ON SCHEMA "Lab s" IS 'schema label';
SECURITY LABEL FOR ${P} ON SCHEMA public IS 'public''s label';
SECURITY LABEL FOR ${P} ON TABLE "Lab s".t IS 'table label';
SECURITY LABEL FOR ${P} ON COLUMN "Lab s".t."Odd col" IS 'column label';
SECURITY LABEL FOR ${P} ON COLUMN "Lab s".t.plain IS 'another column';
SECURITY LABEL FOR ${P} ON VIEW "Lab s".v IS 'view label';
SECURITY LABEL FOR ${P} ON MATERIALIZED VIEW "Lab s".mv IS 'matview label';
SECURITY LABEL FOR ${P} ON SEQUENCE "Lab s".seq IS 'sequence label';
SECURITY LABEL FOR ${P} ON FUNCTION "Lab s".f(int, text) IS 'function label';
SECURITY LABEL FOR ${P} ON PROCEDURE "Lab s".p(int) IS 'procedure label';
SECURITY LABEL FOR ${P} ON AGGREGATE "Lab s".agg(int) IS 'aggregate label';
SECURITY LABEL FOR ${P} ON TYPE "Lab s".e IS 'enum label';
SECURITY LABEL FOR ${P} ON TYPE "Lab s".comp IS 'composite label';
SECURITY LABEL FOR ${P} ON TYPE "Lab s".rng IS 'range label';
SECURITY LABEL FOR ${P} ON DOMAIN "Lab s".d IS 'domain label';
SECURITY LABEL FOR ${P} ON FOREIGN TABLE "Lab s".ft IS 'foreign table label';
SECURITY LABEL FOR ${P} ON COLUMN "Lab s".ft.b IS 'foreign column label';
SECURITY LABEL FOR ${P} ON EVENT TRIGGER lab_evt IS 'event trigger label';
SECURITY LABEL FOR ${P} ON PUBLICATION lab_pub IS 'publication label';
SECURITY LABEL FOR ${P} ON LARGE OBJECT 424242 IS 'large object label';
`;

/** The SECURITY LABEL statements of a script, sorted. */
function labelStatements(script: string): string[] {
  return script.split('\n').filter((l) => l.startsWith('SECURITY LABEL')).sort();
}

const LABELS_SQL = `SELECT objtype, objname, provider, label FROM pg_catalog.pg_seclabels
  WHERE objtype <> 'database' ORDER BY objtype, objname, provider`;

describe.runIf(requestedMajors().includes(major))(`security labels on PostgreSQL ${major} (test label provider)`, () => {
  let server: TestServer;
  beforeAll(async () => {
    const provider = buildProvider();
    server = await startServer(major, { shared_preload_libraries: provider });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('dumps the labels pg_dump dumps, and they come back on restore', async () => {
    const src = await createDatabase(server.url(), 'seclabel_src');
    await psqlString(src, SOURCE);
    await query(src, `SECURITY LABEL FOR ${P} ON DATABASE seclabel_src IS 'database label'`);
    const labelled = await query(src, LABELS_SQL);
    expect(labelled.length).toBe(20);

    // -C adds the database's own label; the oracle is pg_dump of the same major.
    const withCreate = path.join(tmp, 'create.sql');
    await dumpToFile({ dbname: src, file: withCreate, create: true });
    const ours = labelStatements(readFileSync(withCreate, 'utf8'));
    const theirs = labelStatements(await pgDump(src, ['-C']));
    expect(ours).toEqual(theirs);
    expect(ours).toHaveLength(21);

    const file = path.join(tmp, 'plain.sql');
    await dumpToFile({ dbname: src, file });
    const dst = await createDatabase(server.url(), 'seclabel_dst');
    await psqlFile(dst, file);
    expect(await query(dst, LABELS_SQL)).toEqual(labelled);
    // And pg_dump cannot tell the copy from the original.
    const norm = (s: string) => s.replace(/^\\(un)?restrict .*$/gm, '');
    expect(norm(await pgDump(dst))).toEqual(norm(await pgDump(src)));
  });

  it('--no-security-labels leaves them out', async () => {
    const src = await createDatabase(server.url(), 'seclabel_none');
    await psqlString(src, SOURCE);
    const file = path.join(tmp, 'none.sql');
    await dumpToFile({ dbname: src, file, noSecurityLabels: true });
    expect(labelStatements(readFileSync(file, 'utf8'))).toEqual([]);
    expect(labelStatements(await pgDump(src, ['--no-security-labels']))).toEqual([]);
  });
});
