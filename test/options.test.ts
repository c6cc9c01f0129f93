// pg_dump's output options (-c, --if-exists, -C, --inserts, ..., -E, --restrict-key): each changes
// the script the way pg_dump's does (compared with the installed pg_dump where it can dump the
// server), and the script still restores with the real psql, ON_ERROR_STOP, to the same database.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { dumpToFile, type DumpOptions } from '../src/index.js';
import { CASES_DIR } from './util/cases.js';
import { emitAlterConfig, splitGucList } from '../src/ddl/database.js';
import { withStandardQuotedBody } from '../src/ddl/function-body.js';
import { generateRestrictKey } from '../src/output-options.js';
import { entriesToDrop, withIfExists } from '../src/toc/clean.js';
import type { TocEntry } from '../src/toc/toc.js';
import { psqlConnect } from '../writers/plain-script.js';
import { createDatabase, dropDatabase, pgDump, psqlFile, psqlString, query, run, urlWithDatabase } from './util/pg.js';

const servers = inject('servers');
const work = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-opt-'));
const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = path.join(here, 'options', 'fixture.sql');
const ROLES = path.join(CASES_DIR, '_setup', 'roles.sql');
const BIN = path.resolve(here, '..', 'dist', 'src', 'cli', 'pgdump.js');
const KEY = 'pgdumpts';

let pgDumpMajor = 0;
let fileNo = 0;

beforeAll(async () => {
  const { stdout } = await run('pg_dump', ['--version']);
  pgDumpMajor = Number(/(\d+)(?:\.\d+)?/.exec(stdout)![1]);
});

/** Dumps with pgdump-ts into a file; returns its bytes. */
async function ours(dbname: string, opts: Partial<DumpOptions> = {}): Promise<{ file: string; bytes: Buffer; text: string }> {
  const file = path.join(work, `dump-${++fileNo}.sql`);
  await dumpToFile({ dbname, file, restrictKey: KEY, ...opts });
  const bytes = readFileSync(file);
  return { file, bytes, text: bytes.toString('utf8') };
}

/** The installed pg_dump can dump servers up to its own major. */
function oracleFor(major: number): boolean {
  return major <= pgDumpMajor;
}

/**
 * What a database holds, schema and data: the real pg_dump where it can dump the server, else
 * pgdump-ts itself with default options.
 */
async function snapshot(url: string, major: number, create = false): Promise<string> {
  if (oracleFor(major)) return pgDump(url, [`--restrict-key=${KEY}`, ...(create ? ['--create'] : [])]);
  return (await ours(url, { create })).text;
}

async function setupRoles(serverUrl: string): Promise<void> {
  // The round-trip test may run the same idempotent script at the same moment: retry a lost race.
  for (let attempt = 0; ; attempt++) {
    try {
      await psqlFile(serverUrl, ROLES);
      return;
    } catch (e) {
      if (attempt >= 3) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function fixtureDb(serverUrl: string, name: string, extra = ''): Promise<string> {
  const url = await createDatabase(serverUrl, name);
  await psqlFile(url, FIXTURE);
  if (extra) await psqlString(url, extra);
  return url;
}

/** pg_dump-style drop statements at the head of a --clean script. */
function dropLines(script: string): string[] {
  const head = script.slice(0, script.indexOf('\n--\n-- Name: '));
  return head.split('\n').filter((l) => /^(DROP |ALTER TABLE |SELECT pg_catalog\.lo_unlink|UPDATE pg_catalog\.pg_database)/.test(l));
}

/** The rows of INSERT-format data: statement heads and continuation lines. */
function insertLines(script: string): string[] {
  return script.split('\n').filter((l) => l.startsWith('INSERT INTO ') || l.startsWith('\t(')).sort();
}

/** pg_dump writes a negative zero float unquoted, which loses its sign; pgdump-ts quotes it. */
function likePgDump(lines: string[]): string[] {
  return lines.map((l) => l.replace(/, '-0', /g, ', -0, ')).sort();
}

async function dropTemplate(serverUrl: string, name: string): Promise<void> {
  await query(serverUrl, `UPDATE pg_catalog.pg_database SET datistemplate = false WHERE datname = $1`, [name]);
  await dropDatabase(serverUrl, name);
}

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('output option helpers', () => {
  it('--if-exists goes where pg_dump puts it', () => {
    const e = (desc: string, dropStmt: string, tag = 't') => withIfExists({ desc, tag, dropStmt });
    expect(e('TABLE', 'DROP TABLE s.t;')).toBe('DROP TABLE IF EXISTS s.t;');
    expect(e('FK CONSTRAINT', 'ALTER TABLE ONLY s.t DROP CONSTRAINT c;')).toBe('ALTER TABLE IF EXISTS ONLY s.t DROP CONSTRAINT IF EXISTS c;');
    expect(e('CHECK CONSTRAINT', 'ALTER TABLE s.t DROP CONSTRAINT c;')).toBe('ALTER TABLE IF EXISTS s.t DROP CONSTRAINT IF EXISTS c;');
    expect(e('DEFAULT', 'ALTER TABLE s.t ALTER COLUMN c DROP DEFAULT;')).toBe('ALTER TABLE IF EXISTS s.t ALTER COLUMN c DROP DEFAULT;');
    expect(e('TRIGGER', 'DROP TRIGGER tr ON s.t;')).toBe('DROP TRIGGER IF EXISTS tr ON s.t;');
    expect(e('TEXT SEARCH CONFIGURATION', 'DROP TEXT SEARCH CONFIGURATION s.c;')).toBe('DROP TEXT SEARCH CONFIGURATION IF EXISTS s.c;');
    expect(e('BLOB', "SELECT pg_catalog.lo_unlink('42');", '42')).toBe(
      "SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata WHERE oid = '42';",
    );
    const unmark = "UPDATE pg_catalog.pg_database SET datistemplate = false WHERE datname = 'd';";
    expect(e('DATABASE PROPERTIES', unmark)).toBe(unmark);
    // No spot found: left as it is, as pg_dump does.
    expect(e('PUBLICATION TABLE', 'ALTER PUBLICATION p DROP TABLE ONLY s.t;')).toBe('ALTER PUBLICATION p DROP TABLE ONLY s.t;');
  });

  it('drops last created first, and what cannot be dropped alone not at all', () => {
    let id = 0;
    const entry = (desc: string, namespace: string | null, tag: string, defn: string, dropStmt: string): TocEntry => ({
      dumpId: ++id, desc, namespace, tag, defn, dropStmt, owner: 'o', section: 'pre-data', copyStmt: null, data: null, deps: [],
    });
    const entries = [
      entry('VIEW', 's', 'v', 'CREATE VIEW s.v AS\n SELECT NULL::integer AS x;\nALTER TABLE s.v OWNER TO o;', 'DROP VIEW s.v;'),
      entry('FUNCTION', 's', 'f()', 'CREATE FUNCTION s.f() ...', 'DROP FUNCTION s.f();'),
      entry('VIEW', 's', 'v', 'CREATE OR REPLACE VIEW s.v AS\n SELECT 1 AS x FROM s.f();', ''),
      entry('INDEX', 's', 'p_idx', 'CREATE INDEX p_idx ON ONLY s.p (k);', 'DROP INDEX s.p_idx;'),
      entry('INDEX', 's', 'p1_k_idx', 'CREATE INDEX p1_k_idx ON s.p1 (k);', 'DROP INDEX s.p1_k_idx;'),
      entry('CONSTRAINT', 's', 'p1 p1_pkey', 'ALTER TABLE ONLY s.p1 ADD CONSTRAINT p1_pkey PRIMARY KEY (k);', 'ALTER TABLE ONLY s.p1 DROP CONSTRAINT p1_pkey;'),
      entry('INDEX ATTACH', 's', 'p1_k_idx', 'ALTER INDEX s.p_idx ATTACH PARTITION s.p1_k_idx;', ''),
      entry('INDEX ATTACH', 's', 'p1_pkey', 'ALTER INDEX s.p_pkey ATTACH PARTITION s.p1_pkey;', ''),
      entry('PUBLICATION TABLE', null, 'pub t', 'ALTER PUBLICATION pub ADD TABLE ONLY s.t;', 'ALTER PUBLICATION pub DROP TABLE ONLY s.t;'),
    ];
    expect(entriesToDrop(entries, false).map((e) => e.dropStmt)).toEqual([
      'DROP INDEX s.p_idx;',
      'CREATE OR REPLACE VIEW s.v AS\n SELECT NULL::integer AS x;',
      'DROP FUNCTION s.f();',
      'DROP VIEW s.v;',
    ]);
  });

  it('splits list settings and writes ALTER ... SET as pg_dump does', () => {
    expect(splitGucList('"$user", public,"a ""b"""')).toEqual(['$user', 'public', 'a "b"']);
    expect(splitGucList('')).toEqual([]);
    expect(splitGucList('"unterminated')).toBeNull();
    expect(emitAlterConfig('search_path="$user", public', 'd', null)).toBe("ALTER DATABASE d SET search_path TO '$user', 'public';");
    expect(emitAlterConfig('work_mem=3MB', 'My DB', 'r')).toBe(`ALTER ROLE r IN DATABASE "My DB" SET work_mem TO '3MB';`);
    expect(emitAlterConfig("app.x=it's", 'd', null)).toBe(`ALTER DATABASE d SET "app.x" TO 'it''s';`);
  });

  it('rewrites dollar-quoted bodies as standard literals', () => {
    expect(withStandardQuotedBody("CREATE FUNCTION f()\n LANGUAGE sql\nAS $function$select 'a$$b'$function$;")).toBe(
      "CREATE FUNCTION f()\n LANGUAGE sql\nAS 'select ''a$$b''';",
    );
    expect(withStandardQuotedBody('CREATE FUNCTION f()\nAS $functionx$ $function $functionx$;')).toBe("CREATE FUNCTION f()\nAS ' $function ';");
    expect(withStandardQuotedBody("CREATE FUNCTION f()\nAS 'lib', $function$sym$function$;")).toBe("CREATE FUNCTION f()\nAS 'lib', 'sym';");
    expect(withStandardQuotedBody('CREATE PROCEDURE p()\nAS $procedure$$procedure$;')).toBe("CREATE PROCEDURE p()\nAS '';");
    const atomic = 'CREATE FUNCTION f()\n RETURNS integer\n LANGUAGE sql\nRETURN 1;';
    expect(withStandardQuotedBody(atomic)).toBe(atomic);
  });

  it('writes \\connect the way pg_dump does', () => {
    expect(psqlConnect('shop')).toBe('\\connect shop\n');
    expect(psqlConnect('Shop')).toBe('\\connect "Shop"\n');
    expect(psqlConnect("it's a db\\")).toBe(`\\encoding SQL_ASCII\n\\connect -reuse-previous=on "dbname='it\\'s a db\\\\'"\n`);
    expect(() => psqlConnect('a\nb')).toThrow(/newline/);
    expect(generateRestrictKey()).toMatch(/^[A-Za-z0-9]{63}$/);
  });
});

describe.each(servers.map((s) => [s.major, s] as const))('output options on PostgreSQL %i', (major, server) => {
  let src = '';
  let before = '';

  beforeAll(async () => {
    await setupRoles(server.url);
    src = await fixtureDb(server.url, 'opt_src');
    before = await snapshot(src, major);
  });

  it('--restrict-key: a fresh random key per dump by default, placed where pg_dump puts it', async () => {
    const a = (await ours(src, { restrictKey: undefined })).text;
    const b = (await ours(src, { restrictKey: undefined })).text;
    const head = /^--\n-- PostgreSQL database dump\n--\n\n\\restrict ([A-Za-z0-9]{63})\n\n-- Dumped from database version /;
    const ka = head.exec(a)?.[1];
    const kb = head.exec(b)?.[1];
    expect(ka).toBeDefined();
    expect(kb).toBeDefined();
    expect(ka).not.toBe(kb);
    expect(a.endsWith(`--\n-- PostgreSQL database dump complete\n--\n\n\\unrestrict ${ka}\n\n`)).toBe(true);
    const given = (await ours(src, { restrictKey: 'Key123' })).text;
    expect(given).toContain('\n\\restrict Key123\n\n');
    expect(given.match(/\\(un)?restrict /g)).toHaveLength(2);
    if (oracleFor(major)) {
      const real = await pgDump(src, ['--restrict-key=Key123']);
      expect(given.split('\n').slice(0, 6)).toEqual(real.split('\n').slice(0, 6));
      expect(given.slice(given.lastIndexOf('--\n-- PostgreSQL database dump complete'))).toBe(
        real.slice(real.lastIndexOf('--\n-- PostgreSQL database dump complete')),
      );
    }
    await expect(ours(src, { restrictKey: 'not valid!' })).rejects.toMatchObject({ code: 'usage' });
  });

  it('-c --if-exists: the drops pg_dump writes, and the script restores twice into the same database', async () => {
    const db = await fixtureDb(server.url, 'opt_clean_src', `SELECT pg_catalog.lo_from_bytea(0, '\\x68656c6c6f');`);
    const expected = await snapshot(db, major);
    const script = await ours(db, { clean: true, ifExists: true });
    const drops = dropLines(script.text);
    expect(drops.length).toBeGreaterThan(20);
    expect(drops).toContain('DROP TABLE IF EXISTS opt.kinds;');
    expect(drops).toContain('ALTER TABLE IF EXISTS ONLY opt.child DROP CONSTRAINT IF EXISTS child_kind_id_fkey;');
    expect(drops).toContain('ALTER TABLE IF EXISTS opt.kinds_view ALTER COLUMN t DROP DEFAULT;');
    expect(drops.some((l) => l.startsWith('SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata WHERE oid = '))).toBe(true);
    // Last created, first dropped.
    expect(drops.indexOf('DROP SCHEMA IF EXISTS opt;')).toBe(drops.length - 1);
    if (oracleFor(major)) {
      const real = await pgDump(db, ['--clean', '--if-exists', `--restrict-key=${KEY}`]);
      expect([...drops].sort()).toEqual(dropLines(real).sort());
    }

    const dst = await createDatabase(server.url, 'opt_clean_dst');
    await psqlFile(dst, script.file);
    await psqlFile(dst, script.file);
    expect(await snapshot(dst, major)).toBe(expected);

    // Without --if-exists the drops are unconditional: they need the objects, which are there now.
    const plain = await ours(db, { clean: true });
    expect(dropLines(plain.text).some((l) => l.includes('IF EXISTS'))).toBe(false);
    expect(dropLines(plain.text)).toContain('DROP TABLE opt.kinds;');
    await psqlFile(dst, plain.file);
    expect(await snapshot(dst, major)).toBe(expected);
    await dropDatabase(server.url, 'opt_clean_src');
    await dropDatabase(server.url, 'opt_clean_dst');
  });

  it('-C: CREATE DATABASE with its properties, then \\connect; restores from the postgres database, twice with -c', async () => {
    const name = 'opt create "db"';
    await dropTemplate(server.url, name);
    const db = await fixtureDb(
      server.url,
      name,
      `COMMENT ON DATABASE "opt create ""db""" IS 'it''s the -C test';
       ALTER DATABASE "opt create ""db""" CONNECTION LIMIT 50;
       ALTER DATABASE "opt create ""db""" SET search_path = '$user', 'My Schema', public;
       ALTER DATABASE "opt create ""db""" SET work_mem = '3MB';
       ALTER ROLE regress_owner_a IN DATABASE "opt create ""db""" SET statement_timeout = '5s';
       REVOKE TEMPORARY ON DATABASE "opt create ""db""" FROM PUBLIC;
       GRANT CREATE ON DATABASE "opt create ""db""" TO regress_reader WITH GRANT OPTION;
       ALTER DATABASE "opt create ""db""" IS_TEMPLATE true;`,
    );
    const expected = await snapshot(db, major, true);
    const script = await ours(db, { create: true, clean: true, ifExists: true });
    const text = script.text;
    const create = text.split('\n').find((l) => l.startsWith('CREATE DATABASE '))!;
    expect(create).toMatch(/^CREATE DATABASE "opt create ""db""" WITH TEMPLATE = template0 ENCODING = 'UTF8' /);
    expect(dropLines(text)).toEqual([
      `UPDATE pg_catalog.pg_database SET datistemplate = false WHERE datname = 'opt create "db"';`,
      'DROP DATABASE IF EXISTS "opt create ""db""";',
    ]);
    const reconnect = `\\unrestrict ${KEY}\n\\encoding SQL_ASCII\n\\connect -reuse-previous=on "dbname='opt create ""db""'"\n\\restrict ${KEY}\n`;
    expect(text.split(reconnect)).toHaveLength(3);
    for (const line of [
      `ALTER DATABASE "opt create ""db""" CONNECTION LIMIT = 50;`,
      `ALTER DATABASE "opt create ""db""" IS_TEMPLATE = true;`,
      `ALTER DATABASE "opt create ""db""" SET search_path TO '$user', 'My Schema', 'public';`,
      `ALTER DATABASE "opt create ""db""" SET work_mem TO '3MB';`,
      `ALTER ROLE regress_owner_a IN DATABASE "opt create ""db""" SET statement_timeout TO '5s';`,
      `COMMENT ON DATABASE "opt create ""db""" IS 'it''s the -C test';`,
    ]) {
      expect(text).toContain(line);
    }
    if (oracleFor(major)) {
      const real = await pgDump(db, ['--create', '--clean', '--if-exists', `--restrict-key=${KEY}`]);
      const lines = (s: string) => s.split('\n').filter((l) => /^(CREATE|ALTER) (DATABASE|ROLE)|^COMMENT ON DATABASE|\\connect|^DROP DATABASE|^UPDATE/.test(l));
      if (major === pgDumpMajor) expect(lines(text)).toEqual(lines(real));
      else expect(lines(text).filter((l) => !l.startsWith('CREATE DATABASE'))).toEqual(lines(real).filter((l) => !l.startsWith('CREATE DATABASE')));
    }

    await dropTemplate(server.url, name);
    await psqlFile(server.url, script.file);
    expect(await snapshot(db, major, true)).toBe(expected);
    // Again, over the existing database: -c drops it (unmarking the template first) and recreates it.
    await psqlFile(server.url, script.file);
    expect(await snapshot(db, major, true)).toBe(expected);
    const [props] = await query(server.url, `SELECT datconnlimit, datistemplate, pg_catalog.shobj_description(oid, 'pg_database') AS c FROM pg_catalog.pg_database WHERE datname = $1`, [name]);
    expect(props).toEqual({ datconnlimit: 50, datistemplate: true, c: "it's the -C test" });
    await dropTemplate(server.url, name);
  });

  const insertVariants: [string, Partial<DumpOptions>, string[]][] = [
    ['--inserts', { inserts: true }, ['--inserts']],
    ['--column-inserts', { columnInserts: true }, ['--column-inserts']],
    ['--rows-per-insert 7 --on-conflict-do-nothing', { rowsPerInsert: 7, onConflictDoNothing: true }, ['--rows-per-insert=7', '--on-conflict-do-nothing']],
    ['--column-inserts --rows-per-insert 1000', { columnInserts: true, rowsPerInsert: 1000 }, ['--column-inserts', '--rows-per-insert=1000']],
  ];
  it.each(insertVariants)('%s: data as pg_dump writes it, restored equal', async (label, opts, flags) => {
    const script = await ours(src, opts);
    expect(script.text).not.toMatch(/^COPY .* FROM stdin;$/m);
    // Before 14, multi-row INSERTs name the columns of a table with generated columns.
    const renamed = major < 14 && !!opts.rowsPerInsert && opts.rowsPerInsert > 1 && !opts.columnInserts;
    expect(script.text).toMatch(opts.columnInserts || renamed ? /^INSERT INTO opt\.kinds \(id, i2, /m : /^INSERT INTO opt\.kinds OVERRIDING SYSTEM VALUE VALUES/m);
    if (opts.onConflictDoNothing) expect(script.text).toContain(') ON CONFLICT DO NOTHING;\n');
    if (oracleFor(major) && !renamed) {
      const real = await pgDump(src, [...flags, `--restrict-key=${KEY}`]);
      expect(likePgDump(insertLines(script.text))).toEqual(insertLines(real));
      expect(script.text).toContain(", '-0', ");
    }
    const dst = await createDatabase(server.url, 'opt_inserts_dst');
    await psqlFile(dst, script.file);
    expect(await snapshot(dst, major), label).toBe(before);
    await dropDatabase(server.url, 'opt_inserts_dst');
  });

  it('--disable-triggers: a data-only script loads with triggers off, as pg_dump writes it', async () => {
    const schema = await ours(src, { schemaOnly: true });
    const data = await ours(src, { dataOnly: true, disableTriggers: true, superuser: 'postgres' });
    const t = data.text;
    expect(t.match(/^SET SESSION AUTHORIZATION 'postgres';$/gm)).toHaveLength(1);
    expect(t).toMatch(/-- Data for Name: trig; Type: TABLE DATA; Schema: opt; Owner: regress_owner_b\n--\n\n(SET SESSION AUTHORIZATION 'postgres';\n\n)?ALTER TABLE opt\.trig DISABLE TRIGGER ALL;\n\nCOPY opt\.trig \(id, v\) FROM stdin;\n1\ta\n2\tb\n\\\.\n\n\nALTER TABLE opt\.trig ENABLE TRIGGER ALL;\n\n/);
    const disables = (s: string) => s.split('\n').filter((l) => / (DIS|EN)ABLE TRIGGER ALL;$/.test(l)).sort();
    if (oracleFor(major)) {
      const real = await pgDump(src, ['--data-only', '--disable-triggers', '--superuser=postgres', `--restrict-key=${KEY}`]);
      expect(disables(t)).toEqual(disables(real));
    }
    // Only a data-only dump disables triggers, as with pg_dump.
    expect((await ours(src, { disableTriggers: true })).text).not.toContain('DISABLE TRIGGER ALL');

    const dst = await createDatabase(server.url, 'opt_triggers_dst');
    await psqlFile(dst, schema.file);
    await psqlFile(dst, data.file);
    expect(await query(dst, 'SELECT v FROM opt.trig ORDER BY id')).toEqual([{ v: 'a' }, { v: 'b' }]);
    // Neither a schema-only nor a data-only dump refreshes materialized views (nor does pg_dump's).
    await query(dst, 'REFRESH MATERIALIZED VIEW opt.kinds_mat');
    expect(await snapshot(dst, major)).toBe(before);
    // ...and they are back on afterwards.
    await query(dst, `INSERT INTO opt.trig VALUES (3, 'c')`);
    expect(await query(dst, 'SELECT v FROM opt.trig WHERE id = 3')).toEqual([{ v: 'c!' }]);
    await dropDatabase(server.url, 'opt_triggers_dst');
  });

  it('--disable-dollar-quoting: function bodies as standard literals, restored equal', async () => {
    const script = await ours(src, { disableDollarQuoting: true });
    const functions = script.text.split('\n--\n').filter((b) => /^CREATE (FUNCTION|PROCEDURE) /m.test(b));
    expect(functions.length).toBeGreaterThanOrEqual(5);
    for (const f of functions) expect(f).not.toMatch(/\$(function|procedure)x*\$/);
    expect(script.text).toContain("AS 'int4pl';");
    expect(script.text).toContain("AS '';");
    const dst = await createDatabase(server.url, 'opt_dq_dst');
    await psqlFile(dst, script.file);
    expect(await snapshot(dst, major)).toBe(before);
    expect(await query(dst, `SELECT opt.quoting('x') AS r`)).toEqual([{ r: "x$$\\'it's" }]);
    await dropDatabase(server.url, 'opt_dq_dst');
  });

  it('--quote-all-identifiers: every identifier quoted, also in server-rendered parts; restores to a fixpoint', async () => {
    const script = await ours(src, { quoteAllIdentifiers: true });
    expect(script.text).toContain('CREATE TABLE "opt"."kinds" (\n    "id" integer NOT NULL');
    expect(script.text).toMatch(/CREATE VIEW "opt"\."kinds_view" AS\n SELECT "/);
    expect(script.text).not.toMatch(/CREATE TABLE opt\./);
    const dst = await createDatabase(server.url, 'opt_quote_dst');
    await psqlFile(dst, script.file);
    expect((await ours(dst, { quoteAllIdentifiers: true })).text).toBe(script.text);
    expect(await snapshot(dst, major)).toBe(before);
    // Identifiers the dump quotes itself are plain again in the next, default dump.
    expect((await ours(src)).text).toContain('CREATE TABLE opt.kinds (');
    await dropDatabase(server.url, 'opt_quote_dst');
  });

  it('--use-set-session-authorization: objects are created by their owners instead of ALTER ... OWNER TO', async () => {
    const setup = `CREATE SCHEMA sa AUTHORIZATION regress_owner_a;
      GRANT USAGE, CREATE ON SCHEMA sa TO regress_owner_b;
      SET ROLE regress_owner_a;
      CREATE TABLE sa.a_table (id integer PRIMARY KEY, v text);
      INSERT INTO sa.a_table VALUES (1, 'one');
      CREATE FUNCTION sa.a_func() RETURNS integer LANGUAGE sql AS 'SELECT 1';
      RESET ROLE;
      SET ROLE regress_owner_b;
      CREATE TABLE sa.b_table (id integer);
      CREATE SEQUENCE sa.b_seq OWNED BY sa.b_table.id;
      RESET ROLE;`;
    const db = await createDatabase(server.url, 'opt_ssa_src');
    await psqlString(db, setup);
    const script = await ours(db, { useSetSessionAuthorization: true });
    const t = script.text;
    // Only what the script does not create keeps its ALTER ... OWNER TO (the public schema, as pg_dump does).
    expect(t.split('\n').filter((l) => l.includes(' OWNER TO ') && !l.startsWith('ALTER SCHEMA public OWNER TO '))).toEqual([]);
    expect(t).toMatch(/SET SESSION AUTHORIZATION 'regress_owner_a';\n\n--\n-- Name: sa; Type: SCHEMA;/);
    expect(t).toMatch(/SET SESSION AUTHORIZATION 'regress_owner_b';\n\n--\n-- Name: b_table; Type: TABLE;/);
    expect(t).toMatch(/SET SESSION AUTHORIZATION 'regress_owner_a';\n\n--\n-- Data for Name: a_table; Type: TABLE DATA;/);
    // With --no-owner there is nothing to set.
    expect((await ours(db, { useSetSessionAuthorization: true, noOwner: true })).text).not.toMatch(/SESSION AUTHORIZATION|OWNER TO/);

    const dst = await createDatabase(server.url, 'opt_ssa_dst');
    // The owners must be able to create what they own, as with pg_dump's script.
    await psqlString(dst, `GRANT CREATE ON DATABASE opt_ssa_dst TO regress_owner_a;
      ALTER DEFAULT PRIVILEGES FOR ROLE regress_owner_a GRANT USAGE, CREATE ON SCHEMAS TO regress_owner_b;`);
    await psqlFile(dst, script.file);
    const owners = `SELECT c.relname AS name, pg_catalog.pg_get_userbyid(c.relowner) AS owner FROM pg_catalog.pg_class c
        WHERE c.relnamespace = 'sa'::regnamespace
      UNION ALL SELECT p.proname, pg_catalog.pg_get_userbyid(p.proowner) FROM pg_catalog.pg_proc p WHERE p.pronamespace = 'sa'::regnamespace
      UNION ALL SELECT nspname, pg_catalog.pg_get_userbyid(nspowner) FROM pg_catalog.pg_namespace WHERE nspname = 'sa'
      ORDER BY 1`;
    expect(await query(dst, owners)).toEqual(await query(db, owners));
    expect(await query(dst, 'SELECT * FROM sa.a_table')).toEqual([{ id: 1, v: 'one' }]);
    await dropDatabase(server.url, 'opt_ssa_src');
    await dropDatabase(server.url, 'opt_ssa_dst');
  });

  it('--load-via-partition-root: partitions load through their root, as pg_dump writes it', async () => {
    const script = await ours(src, { loadViaPartitionRoot: true });
    const t = script.text;
    expect(t).toMatch(/-- Data for Name: parted_high_ab; Type: TABLE DATA; Schema: opt; Owner: postgres\n--\n\n-- load via partition root opt\.parted\n\nCOPY opt\.parted \(k, v\) FROM stdin;\n/);
    expect(t).not.toMatch(/^COPY opt\.parted_/m);
    const copies = (s: string) => s.split('\n').filter((l) => l.startsWith('COPY ') || l.startsWith('-- load via')).map((l) => l.replace(/ +/g, ' ')).sort();
    if (oracleFor(major)) {
      const real = await pgDump(src, ['--load-via-partition-root', `--restrict-key=${KEY}`]);
      expect(copies(t)).toEqual(copies(real));
    }
    const dst = await createDatabase(server.url, 'opt_root_dst');
    await psqlFile(dst, script.file);
    expect(await snapshot(dst, major)).toBe(before);
    const inserts = await ours(src, { loadViaPartitionRoot: true, inserts: true });
    expect(inserts.text).toContain("INSERT INTO opt.parted VALUES (150, 'a');");
    await dropDatabase(server.url, 'opt_root_dst');
  });

  it('-E LATIN1: the script and its data in LATIN1, restored equal', async () => {
    const script = await ours(src, { encoding: 'latin1' });
    const latin1 = script.bytes.toString('latin1');
    expect(latin1).toContain("SET client_encoding = 'LATIN1';");
    expect(script.bytes.includes(Buffer.from('caf\xe9', 'latin1'))).toBe(true);
    expect(script.bytes.includes(Buffer.from('café', 'utf8'))).toBe(false);
    if (oracleFor(major)) {
      const real = (await run('pg_dump', ['-d', src, '-E', 'LATIN1', `--restrict-key=${KEY}`])).stdout;
      const block = (s: string) => s.slice(s.indexOf('COPY opt.kinds '), s.indexOf('\\.', s.indexOf('COPY opt.kinds ')));
      // run() decodes as UTF-8: compare the bytes' shape, not the text
      expect(block(latin1).length).toBeGreaterThan(100);
      expect(Buffer.from(block(latin1), 'latin1').toString('utf8')).toBe(block(real));
    }
    const inserts = await ours(src, { encoding: 'LATIN1', columnInserts: true });
    expect(inserts.bytes.includes(Buffer.from('"caf\xe9") VALUES', 'latin1'))).toBe(true);
    for (const file of [script.file, inserts.file]) {
      const dst = await createDatabase(server.url, 'opt_enc_dst');
      await psqlFile(dst, file);
      expect(await snapshot(dst, major)).toBe(before);
    }
    await expect(ours(src, { encoding: 'no such encoding' })).rejects.toMatchObject({ code: 'usage' });
    await dropDatabase(server.url, 'opt_enc_dst');
  });

  it('--no-sync and --sync-method; usage errors as pg_dump reports them', async () => {
    expect((await ours(src, { noSync: true })).text).toBe((await ours(src, { syncMethod: 'syncfs' })).text);
    const usage = async (opts: Partial<DumpOptions>, message: RegExp) =>
      expect(ours(src, opts)).rejects.toMatchObject({ code: 'usage', message: expect.stringMatching(message) });
    await usage({ clean: true, dataOnly: true }, /-c\/--clean and -a\/--data-only/);
    await usage({ ifExists: true }, /--if-exists requires option -c/);
    await usage({ onConflictDoNothing: true }, /--on-conflict-do-nothing requires/);
    await usage({ rowsPerInsert: 0 }, /--rows-per-insert/);
    await usage({ syncMethod: 'bogus' as 'fsync' }, /sync method/);
  });

  it('the CLI takes pg_dump\'s flag names', async () => {
    const help = await cli(['--help']);
    for (const flag of ['--clean', '--if-exists', '--create', '--inserts', '--column-inserts', '--rows-per-insert', '--on-conflict-do-nothing',
      '--disable-triggers', '--superuser', '--disable-dollar-quoting', '--quote-all-identifiers', '--use-set-session-authorization',
      '--load-via-partition-root', '--no-sync', '--sync-method', '--encoding', '--restrict-key']) {
      expect(help.stdout).toContain(flag);
    }
    const r = await cli(['-c', '--if-exists', '--attribute-inserts', '--rows-per-insert', '2', '--on-conflict-do-nothing', '-E', 'UTF8',
      '--quote-all-identifiers', '--restrict-key', 'abc', '--no-sync', src]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('\\restrict abc\n');
    expect(r.stdout).toContain('DROP TABLE IF EXISTS "opt"."kinds";');
    expect(r.stdout).toContain('INSERT INTO "opt"."many" ("id", "v") VALUES\n\t(1, ');
    expect(r.stdout).toContain(') ON CONFLICT DO NOTHING;\n');
    const create = await cli(['-C', '-O', '-x', '--restrict-key', 'abc', '-s', urlWithDatabase(server.url, 'opt_src')]);
    expect(create.stdout).toContain('CREATE DATABASE opt_src WITH TEMPLATE = template0');
    expect(create.stdout).toContain('\\connect opt_src\n');
    expect(create.stdout).not.toContain('ALTER DATABASE opt_src OWNER TO');
    for (const bad of [['-a', '-c'], ['--if-exists'], ['--rows-per-insert', '0'], ['--on-conflict-do-nothing'], ['--restrict-key', 'a-b'], ['--sync-method', 'x']]) {
      const e = await cli([...bad, src]);
      expect(e.code, bad.join(' ')).toBe(2);
      expect(e.stderr.trim().split('\n'), bad.join(' ')).toHaveLength(1);
    }
  });
});
