// The cluster dump's contract: pgdumpall-ts of cluster A, restored with the real psql
// (ON_ERROR_STOP) into a second fresh cluster B of the same major, gives B whose cluster dump is
// identical to A's; roles, memberships, settings, tablespaces and databases are the same in both
// catalogs; on the installed pg_dumpall's major, real pg_dumpall cannot tell the roles apart.
// Two private clusters per major: roles are cluster-wide, and the shared test servers carry the
// roles and databases of every other test file.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { dumpAll, dumpAllToFile, isDumpError, type DumpAllOptions } from '../src/index.js';
import { requestedMajors, startServer, type TestServer } from './servers/index.js';
import { query } from './util/pg.js';

const workDir = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-dumpall-'));
const BIN = path.resolve('dist/src/cli/pgdumpall.js');

/** Two majors keep the run short: the installed pg_dumpall's (15) and the newest. */
function majorsUnderTest(): number[] {
  const requested = requestedMajors();
  const chosen = requested.filter((m) => m === 15 || m === 18);
  return chosen.length ? chosen : [requested[requested.length - 1]!];
}

interface Ran { code: number; stdout: string; stderr: string }

function runProgram(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() }));
  });
}

/** psql as a restore runs it; in-place tablespaces need the developer setting. */
async function psql(url: string, args: string[]): Promise<Ran> {
  const r = await runProgram('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, ...args], { PGOPTIONS: '-c allow_in_place_tablespaces=on' });
  if (r.code !== 0) throw new Error(`psql ${args.join(' ')} failed (exit ${r.code}):\n${r.stderr}`);
  return r;
}

/** A script of several statements, each in its own transaction (CREATE DATABASE needs that). */
async function psqlScript(url: string, sql: string): Promise<Ran> {
  const file = path.join(workDir, `script-${++scripts}.sql`);
  writeFileSync(file, sql);
  return psql(url, ['-f', file]);
}
let scripts = 0;

async function dumpText(options: DumpAllOptions): Promise<{ text: string; warnings: readonly string[] }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const result = await dumpAll({ restrictKey: 'pgdumpts', ...options }, out);
  out.end();
  return { text: Buffer.concat(chunks).toString('utf8'), warnings: result.warnings };
}

/** Every global the fixture sets, spread over the features each major has. */
function globalsFixture(major: number): string {
  const v16 = major >= 16;
  return `
SET allow_in_place_tablespaces = on;
CREATE ROLE "Admin Role" SUPERUSER CREATEDB CREATEROLE LOGIN REPLICATION BYPASSRLS CONNECTION LIMIT 5
  VALID UNTIL '2031-02-03 04:05:06+00' PASSWORD 'secret';
CREATE ROLE dumpall_owner LOGIN PASSWORD 'owner''s password';
CREATE ROLE dumpall_noinherit NOINHERIT CONNECTION LIMIT 0 VALID UNTIL 'infinity';
CREATE ROLE dumpall_group;
CREATE ROLE "dumpall m0" LOGIN;
CREATE ROLE dumpall_m1;
CREATE ROLE dumpall_m3;
CREATE ROLE dumpall_reader LOGIN;
COMMENT ON ROLE dumpall_group IS 'the group''s comment';
-- Grantors chained so that name order is not a valid restore order: m3, then m1, then m0.
GRANT dumpall_group TO dumpall_m3 WITH ADMIN OPTION;
SET ROLE dumpall_m3;
GRANT dumpall_group TO dumpall_m1 WITH ADMIN OPTION${v16 ? ', INHERIT FALSE' : ''};
RESET ROLE;
SET ROLE dumpall_m1;
GRANT dumpall_group TO "dumpall m0"${v16 ? ' WITH SET FALSE' : ''};
RESET ROLE;
${v16 ? '' : 'GRANT dumpall_noinherit TO "Admin Role" GRANTED BY "Admin Role";'}
-- From 16 on, a grant by a superuser other than the bootstrap one is recorded as the bootstrap's.
SET ROLE "Admin Role";
GRANT dumpall_noinherit TO dumpall_reader;
RESET ROLE;
GRANT pg_monitor TO dumpall_group WITH ADMIN OPTION;
ALTER ROLE dumpall_owner SET work_mem = '8MB';
ALTER ROLE dumpall_owner SET search_path = app, "Quoted Schema", public;
ALTER ROLE dumpall_m1 SET statement_timeout = '1min';
${major >= 15 ? `GRANT SET ON PARAMETER work_mem TO dumpall_owner;
GRANT ALTER SYSTEM ON PARAMETER shared_buffers TO dumpall_group WITH GRANT OPTION;` : ''}
CREATE TABLESPACE dumpall_space OWNER dumpall_owner LOCATION '' WITH (random_page_cost = 1.5);
COMMENT ON TABLESPACE dumpall_space IS 'in place';
GRANT CREATE ON TABLESPACE dumpall_space TO dumpall_group;
CREATE DATABASE dumpall_db1 OWNER dumpall_owner TEMPLATE template0;
CREATE DATABASE "dumpall DB 2" TABLESPACE dumpall_space CONNECTION LIMIT 7 TEMPLATE template0;
CREATE DATABASE dumpall_excluded TEMPLATE template0;
COMMENT ON DATABASE dumpall_db1 IS 'first';
ALTER DATABASE dumpall_db1 SET DateStyle = 'SQL, DMY';
ALTER ROLE dumpall_owner IN DATABASE dumpall_db1 SET work_mem = '2MB';
GRANT CONNECT ON DATABASE dumpall_db1 TO dumpall_group;
REVOKE CONNECT ON DATABASE dumpall_db1 FROM PUBLIC;
CREATE TABLE public.in_postgres (id int PRIMARY KEY, note text);
INSERT INTO public.in_postgres VALUES (1, 'one'), (2, E'tab\\there');
`;
}

const DB1 = `
CREATE SCHEMA app AUTHORIZATION dumpall_owner;
CREATE TABLE app.items (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, price numeric);
ALTER TABLE app.items OWNER TO dumpall_owner;
INSERT INTO app.items (name, price) VALUES ('pen', 1.5), ('book', 12), ('O''Brien', NULL);
CREATE VIEW app.cheap AS SELECT name FROM app.items WHERE price < 5;
ALTER VIEW app.cheap OWNER TO dumpall_owner;
GRANT SELECT ON app.cheap TO dumpall_group;
CREATE FUNCTION app.total() RETURNS numeric LANGUAGE sql AS $$ SELECT sum(price) FROM app.items $$;
CREATE TABLE app.spaced (x int) TABLESPACE dumpall_space;
INSERT INTO app.spaced VALUES (42);
`;

const DB2 = `
CREATE TABLE public."Mixed Case" (k text PRIMARY KEY, v jsonb);
ALTER TABLE public."Mixed Case" OWNER TO "dumpall m0";
INSERT INTO public."Mixed Case" VALUES ('a', '{"x": [1, 2]}'), ('b', NULL);
`;

const TEMPLATE1 = `
CREATE FUNCTION public.in_template1(i int) RETURNS int LANGUAGE sql IMMUTABLE AS 'SELECT i + 1';
`;

/** An ACL's items in a fixed order: GRANT and REVOKE may leave them in another. */
const sortedAcl = (column: string) => `(SELECT array_agg(i::text ORDER BY i::text) FROM unnest(${column}) i) AS ${column}`;

/** The cluster-wide catalogs, by name, as an independent check of what the restore created. */
async function clusterCatalog(url: string, major: number): Promise<Record<string, unknown>> {
  const membership = major >= 16
    ? `SELECT r.rolname AS role, m.rolname AS member, g.rolname AS grantor, a.admin_option, a.inherit_option, a.set_option`
    : `SELECT r.rolname AS role, m.rolname AS member, g.rolname AS grantor, a.admin_option`;
  return {
    roles: await query(url, `SELECT rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication,
                                    rolbypassrls, rolconnlimit, rolpassword, rolvaliduntil::text,
                                    pg_catalog.shobj_description(oid, 'pg_authid') AS comment
                               FROM pg_authid WHERE rolname !~ '^pg_' ORDER BY 1`),
    memberships: await query(url, `${membership} FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid
                                     JOIN pg_roles m ON m.oid = a.member LEFT JOIN pg_roles g ON g.oid = a.grantor
                                    WHERE NOT (r.rolname ~ '^pg_' AND m.rolname ~ '^pg_') ORDER BY 1, 2, 3`),
    settings: await query(url, `SELECT d.datname, r.rolname, s.setconfig FROM pg_db_role_setting s
                                  LEFT JOIN pg_database d ON d.oid = s.setdatabase LEFT JOIN pg_roles r ON r.oid = s.setrole
                                 ORDER BY 1, 2`),
    tablespaces: await query(url, `SELECT spcname, pg_get_userbyid(spcowner) AS owner, ${sortedAcl('spcacl')}, spcoptions,
                                          shobj_description(oid, 'pg_tablespace') AS comment
                                     FROM pg_tablespace ORDER BY 1`),
    databases: await query(url, `SELECT datname, pg_get_userbyid(datdba) AS owner, datconnlimit, ${sortedAcl('datacl')},
                                        (SELECT spcname FROM pg_tablespace t WHERE t.oid = dattablespace) AS tablespace,
                                        shobj_description(oid, 'pg_database') AS comment
                                   FROM pg_database WHERE datname NOT IN ('template0', 'template1', 'postgres') ORDER BY 1`),
    parameters: major >= 15 ? await query(url, `SELECT parname, ${sortedAcl('paracl')} FROM pg_parameter_acl ORDER BY 1`) : [],
  };
}

async function installedMajor(program: string): Promise<number> {
  const r = await runProgram(program, ['--version']);
  return Number(/(\d+)(?:\.\d+)?/.exec(r.stdout)![1]);
}

// Servers given by PGDUMP_TEST_URL are shared and one per major: no private pair to dump and restore.
describe.skipIf(!!process.env.PGDUMP_TEST_URL?.trim()).each(majorsUnderTest().map((m) => [m] as const))('pgdumpall-ts on PostgreSQL %i', (major) => {
  let a: TestServer;
  let b: TestServer;
  let firstText = '';

  beforeAll(async () => {
    [a, b] = await Promise.all([startServer(major), startServer(major)]);
    await psqlScript(a.url(), globalsFixture(major));
    await psqlScript(a.url('dumpall_db1'), DB1);
    await psqlScript(a.url('dumpall DB 2'), DB2);
    await psqlScript(a.url('template1'), TEMPLATE1);
  });

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
  });

  it('restores into a fresh cluster with zero errors, and the copy dumps identically', async () => {
    const first = path.join(workDir, `pg${major}-a.sql`);
    const result = await dumpAllToFile({ dbname: a.url(), file: first, restrictKey: 'pgdumpts' });
    expect(result.warnings).toEqual([]);
    expect(result.databases.map((d) => d.name)).toEqual(['template1', 'dumpall DB 2', 'dumpall_db1', 'dumpall_excluded', 'postgres']);
    firstText = readFileSync(first, 'utf8');
    expect(firstText).toMatch(/^--\n-- PostgreSQL database cluster dump\n--\n\n\\restrict pgdumpts\n\nSET default_transaction_read_only = off;\n/);
    expect(firstText).toMatch(/-- PostgreSQL database cluster dump complete\n--\n\n$/);
    // The bootstrap superuser exists in every cluster: altered, never created.
    expect(firstText).not.toMatch(/CREATE ROLE postgres;/);
    expect(firstText).toMatch(/ALTER ROLE postgres WITH SUPERUSER/);
    expect(firstText).toMatch(/\\connect template1\n/);
    expect(firstText).toMatch(/\\connect postgres\n/);
    expect(firstText).toMatch(/CREATE DATABASE dumpall_db1 /);
    expect(firstText).not.toMatch(/CREATE DATABASE (template1|postgres) /);
    // Grants come in an order in which each grantor already holds ADMIN OPTION.
    const m3 = firstText.indexOf('GRANT dumpall_group TO dumpall_m3');
    const m1 = firstText.indexOf('GRANT dumpall_group TO dumpall_m1');
    const m0 = firstText.indexOf('GRANT dumpall_group TO "dumpall m0"');
    expect(m3).toBeGreaterThan(0);
    if (major >= 16) expect([m3 < m1, m1 < m0]).toEqual([true, true]);

    await psql(b.url(), ['-f', first]);
    expect(await clusterCatalog(b.url(), major)).toEqual(await clusterCatalog(a.url(), major));

    const second = await dumpText({ dbname: b.url() });
    expect(second.text).toBe(firstText);

    if (major === (await installedMajor('pg_dumpall'))) {
      const real = async (s: TestServer, flag: string) =>
        (await runProgram('pg_dumpall', ['-d', s.url(), flag, '--restrict-key=pgdumpts'])).stdout.replace(/pg_tblspc\/\d+/g, 'pg_tblspc/N');
      const [ra, rb] = [await real(a, '-g'), await real(b, '-g')];
      expect(ra).toMatch(/GRANT dumpall_group TO dumpall_m1 WITH ADMIN OPTION/);
      expect(rb).toBe(ra);
    }
  });

  it('with --clean --if-exists restores over the copy and leaves it the same', async () => {
    expect(firstText).not.toBe('');
    const file = path.join(workDir, `pg${major}-clean.sql`);
    await dumpAllToFile({ dbname: a.url(), file, restrictKey: 'pgdumpts', clean: true, ifExists: true });
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/DROP DATABASE IF EXISTS dumpall_db1;/);
    expect(text).toMatch(/DROP TABLESPACE IF EXISTS dumpall_space;/);
    expect(text).toMatch(/DROP ROLE IF EXISTS dumpall_owner;/);
    expect(text).not.toMatch(/DROP ROLE IF EXISTS postgres;/);
    expect(text).toMatch(/DROP DATABASE IF EXISTS template1;/);
    // As with pg_dumpall, a role that still holds privileges on a parameter cannot be dropped
    // (README): the script grants them again.
    if (major >= 15) {
      await psqlScript(b.url(), 'REVOKE ALL ON PARAMETER work_mem FROM dumpall_owner; REVOKE ALL ON PARAMETER shared_buffers FROM dumpall_group CASCADE;');
    }
    await psql(b.url(), ['-f', file]);
    expect((await dumpText({ dbname: b.url() })).text).toBe(firstText);
  });

  it('-g, -r and -t dump only their part', async () => {
    const g = (await dumpText({ dbname: a.url(), globalsOnly: true })).text;
    expect(g).toMatch(/CREATE ROLE dumpall_owner;/);
    expect(g).toMatch(/ALTER ROLE dumpall_owner SET search_path TO 'app', 'Quoted Schema', 'public';/);
    expect(g).toMatch(/CREATE TABLESPACE dumpall_space OWNER dumpall_owner LOCATION '';\nALTER TABLESPACE dumpall_space SET \(random_page_cost=1\.5\);/);
    expect(g).not.toMatch(/-- Databases|\\connect|CREATE DATABASE/);
    if (major >= 15) expect(g).toMatch(/GRANT SET ON PARAMETER work_mem TO dumpall_owner;/);
    const r = (await dumpText({ dbname: a.url(), rolesOnly: true })).text;
    expect(r).toMatch(/CREATE ROLE "Admin Role";\nALTER ROLE "Admin Role" WITH SUPERUSER INHERIT CREATEROLE CREATEDB LOGIN REPLICATION BYPASSRLS CONNECTION LIMIT 5 PASSWORD '(SCRAM-SHA-256\$|md5)/);
    expect(r).not.toMatch(/TABLESPACE|\\connect/);
    const t = (await dumpText({ dbname: a.url(), tablespacesOnly: true })).text;
    expect(t).toMatch(/CREATE TABLESPACE dumpall_space/);
    expect(t).toMatch(/GRANT ALL ON TABLESPACE dumpall_space TO dumpall_group;/);
    expect(t).not.toMatch(/ROLE|\\connect/);
    // Data only: no globals, no CREATE DATABASE; a \connect into each database instead.
    const data = (await dumpText({ dbname: a.url(), dataOnly: true })).text;
    expect(data).not.toMatch(/CREATE (ROLE|TABLESPACE|DATABASE|TABLE)/);
    expect(data).toMatch(/-- Database "dumpall_db1" dump\n--\n\n\\connect dumpall_db1\n[\s\S]*COPY app\.items /);
    expect(data).toMatch(/\\connect -reuse-previous=on "dbname='dumpall DB 2'"\n/);
    // The globals restore by themselves too.
    const file = path.join(workDir, `pg${major}-g.sql`);
    writeFileSync(file, g);
    const fresh = await startServer(major);
    try {
      await psql(fresh.url(), ['-f', file]);
    } finally {
      await fresh.stop();
    }
  });

  it('--exclude-database and --filter leave databases out', async () => {
    const filter = path.join(workDir, 'filter.txt');
    writeFileSync(filter, '# databases to skip\nexclude database "dumpall DB 2"\n');
    const { text } = await dumpText({ dbname: a.url(), excludeDatabase: ['DUMPALL_EX*'], filter: [filter], schemaOnly: true });
    expect(text).toMatch(/-- Database "dumpall_db1" dump/);
    expect(text).not.toMatch(/dumpall_excluded|-- Database "dumpall DB 2"/);

    writeFileSync(filter, 'include database x\n');
    await expect(dumpText({ dbname: a.url(), filter: [filter] })).rejects.toThrow(/line 1: include filter for "database" is not allowed/);
    writeFileSync(filter, 'exclude table x\n');
    await expect(dumpText({ dbname: a.url(), filter: [filter] })).rejects.toThrow(/line 1: unsupported filter object/);
    await expect(dumpText({ dbname: a.url(), excludeDatabase: ['x'], globalsOnly: true })).rejects.toThrow(/--exclude-database cannot be used together with -g/);
    await expect(dumpText({ dbname: a.url(), excludeDatabase: ['a.b'] })).rejects.toThrow(/too many dotted names/);
  });

  it('leaves passwords out with --no-role-passwords, and when pg_authid is not readable', async () => {
    const plain = await dumpText({ dbname: a.url(), rolesOnly: true, noRolePasswords: true });
    expect(plain.text).toMatch(/ALTER ROLE dumpall_owner WITH NOSUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN NOREPLICATION NOBYPASSRLS;/);
    expect(plain.text).not.toMatch(/PASSWORD/);
    expect(plain.warnings).toEqual([]);

    const reader = new URL(a.url());
    reader.username = 'dumpall_reader';
    const asReader = await dumpText({ dbname: reader.toString(), globalsOnly: true });
    expect(asReader.warnings).toEqual([expect.stringMatching(/pg_authid is not readable.*without their passwords/)]);
    expect(asReader.text).not.toMatch(/PASSWORD/);
    expect(asReader.text).toMatch(/VALID UNTIL '2031-02-03 04:05:06\+00'/);
    expect(asReader.text).toMatch(/CREATE TABLESPACE dumpall_space/);
  });

  it('the pgdumpall-ts command takes pg_dumpall\'s flags', async () => {
    const u = new URL(a.url());
    const conn = ['-h', u.hostname, '-p', u.port, '-U', 'postgres'];
    const g = await runProgram(process.execPath, [BIN, ...conn, '-g', '--no-role-passwords', '--restrict-key', 'abc']);
    expect(g.stderr).toBe('');
    expect(g.code).toBe(0);
    expect(g.stdout).toMatch(/\\restrict abc\n[\s\S]*CREATE ROLE dumpall_group;[\s\S]*\\unrestrict abc\n/);
    const conflict = await runProgram(process.execPath, [BIN, ...conn, '-g', '-r']);
    expect(conflict.code).toBe(2);
    expect(conflict.stderr).toMatch(/-g\/--globals-only and -r\/--roles-only cannot be used together/);
    const file = path.join(workDir, `pg${major}-cli.sql`);
    const full = await runProgram(process.execPath, [BIN, '-d', `host=${u.hostname} port=${u.port} user=postgres dbname=ignored`, '-l', 'dumpall_db1', '--exclude-database', 'dumpall_excluded', '-s', '-f', file]);
    expect(full.stderr).toBe('');
    expect(full.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/-- Database "postgres" dump\n--\n\n\\connect postgres\n/);
  });

  it('names the database a failing dump was on', async () => {
    const err = await dumpText({ dbname: a.url(), encoding: 'NO_SUCH_ENCODING' }).catch((e: unknown) => e);
    expect(isDumpError(err)).toBe(true);
    expect((err as Error).message).toMatch(/^dumping database "template1" failed: /);
  });
});
