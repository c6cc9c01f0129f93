// DDL during a dump, --lock-wait-timeout, and a lock table too small for the dump.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startServer, type TestServer } from './servers/index.js';
import { createDatabase, psqlString, query } from './util/pg.js';
import { cli, dumpBackends, END_MARK, expectOneLineError, finished, leftovers, spawnCli, waitFor } from './util/reliability.js';

const servers = inject('servers');
const work = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-locks-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A session that is waiting for a lock, by the statement it runs. */
async function waitingFor(url: string, statement: string): Promise<boolean> {
  const rows = await query(url, `SELECT 1 FROM pg_stat_activity WHERE query = $1 AND wait_event_type = 'Lock'`, [statement]);
  return rows.length > 0;
}

describe.each(servers.map((s) => [s.major, s] as const))('PostgreSQL %i: locks', (major, server) => {
  it('a concurrent DROP TABLE and ALTER TABLE wait behind the dump until it is done', async () => {
    const db = await createDatabase(server.url, 'rel_ddl');
    await psqlString(db, `CREATE TABLE a_big AS SELECT g AS id, md5(g::text) || repeat('.', 100) AS pad FROM generate_series(1, 100000) g;
      CREATE TABLE doomed (id int PRIMARY KEY, v text); INSERT INTO doomed VALUES (1, 'still here');
      CREATE TABLE reshaped (id int); INSERT INTO reshaped VALUES (7);`);
    const child = spawnCli([db]);
    child.stdout!.pause(); // a stalled reader holds the dump inside a_big, locks taken
    const done = finished(child);
    await waitFor('the dump to read a_big', async () => (await dumpBackends(db)).some((b) => b.query.includes('a_big')));

    const ddl = new pg.Client({ connectionString: db });
    await ddl.connect();
    const drop = 'DROP TABLE doomed';
    const alter = 'ALTER TABLE reshaped ADD COLUMN extra int DEFAULT 1';
    const ddl2 = new pg.Client({ connectionString: db });
    await ddl2.connect();
    let dropDone = false;
    let alterDone = false;
    const dropping = ddl.query(drop).then(() => (dropDone = true));
    const altering = ddl2.query(alter).then(() => (alterDone = true));
    // Both are queued behind the dump's ACCESS SHARE locks, and stay there.
    await waitFor('DROP TABLE to wait for its lock', () => waitingFor(db, drop));
    await waitFor('ALTER TABLE to wait for its lock', () => waitingFor(db, alter));
    await new Promise((r) => setTimeout(r, 500));
    expect([dropDone, alterDone]).toEqual([false, false]);
    expect(await waitingFor(db, drop)).toBe(true);

    child.stdout!.resume();
    const r = await done;
    await Promise.all([dropping, altering]);
    await ddl.end();
    await ddl2.end();
    expect(r.code, r.stderr).toBe(0);
    const script = r.stdout.toString();
    expect(script).toContain(END_MARK);
    // The dump is of the database as it was: the table dropped after it started is there, with
    // its row, and the altered table has its old shape.
    expect(script).toContain('CREATE TABLE public.doomed');
    expect(script).toContain('1\tstill here');
    expect(script).toMatch(/CREATE TABLE public\.reshaped \(\n {4}id integer\n\);/);
    expect(await query(db, `SELECT to_regclass('doomed') IS NULL AS gone`)).toEqual([{ gone: true }]);
    const dst = await createDatabase(server.url, 'rel_ddl_dst');
    await psqlString(dst, script);
    expect(await query(dst, 'SELECT v FROM doomed')).toEqual([{ v: 'still here' }]);
  });

  it('--lock-wait-timeout fails with exit code 5 and one line naming the locked table', async () => {
    const db = await createDatabase(server.url, 'rel_lock_timeout');
    // The held table sorts in the middle of one LOCK TABLE batch, with a name that needs quoting.
    await psqlString(db, `CREATE SCHEMA "Sales"; CREATE TABLE "Sales".aaa (id int); CREATE TABLE "Sales"."Order ""Items""" (id int);
      CREATE TABLE "Sales".zzz (id int); CREATE TABLE public.other (id int);`);
    const holder = new pg.Client({ connectionString: db });
    await holder.connect();
    try {
      await holder.query(`BEGIN; LOCK TABLE "Sales"."Order ""Items""" IN ACCESS EXCLUSIVE MODE`);
      const [{ pid }] = (await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
      const file = path.join(work, `timeout-${major}.sql`);
      const t0 = Date.now();
      const r = await cli(['--lock-wait-timeout', '1s', '-f', file, db]);
      const seconds = (Date.now() - t0) / 1000;
      expect(r.code).toBe(5);
      expectOneLineError(r.stderr, '"Sales"."Order ""Items"""', '--lock-wait-timeout 1s', `session ${pid}`, 'ACCESS EXCLUSIVE', '--exclude-table');
      // one timeout for the batch, one to find the table: not one per table
      expect(seconds).toBeLessThan(10);
      expect(existsSync(file)).toBe(false);
      expect(leftovers(work, `timeout-${major}`)).toEqual([]);
      // The holder was not disturbed, and the dump left nothing behind on the server.
      expect((await holder.query('SELECT count(*)::int AS n FROM "Sales"."Order ""Items"""')).rows).toEqual([{ n: 0 }]);
      expect(await dumpBackends(db)).toEqual([]);
      // Leaving the table out lets the dump run.
      const excluded = await cli(['--lock-wait-timeout', '1s', '--exclude-table', '"Sales"."Order ""Items"""', db]);
      expect(excluded.code, excluded.stderr).toBe(0);
    } finally {
      await holder.end();
    }
  });
});

// One major: a dedicated server whose lock table is tiny.
const small = servers[servers.length - 1]!;
describe(`PostgreSQL ${small.major}: a lock table too small for the dump`, () => {
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('fails before writing anything, naming max_locks_per_transaction; --no-table-locks dumps the schema', async (ctx) => {
    try {
      server = await startServer(small.major, { max_locks_per_transaction: '10', max_connections: '5' });
    } catch (e) {
      if (process.env.PGDUMP_TEST_URL) ctx.skip(); // no dedicated server with PGDUMP_TEST_URL
      throw e;
    }
    const url = server.url();
    const tables = 800;
    const db = await createDatabase(url, 'many');
    // One transaction per table: creating them all at once would itself exhaust the lock table.
    await psqlString(db, Array.from({ length: tables }, (_, i) => `CREATE TABLE t${i} (id int);`).join('\n'));
    const few = await createDatabase(url, 'few');
    await psqlString(few, Array.from({ length: 100 }, (_, i) => `CREATE TABLE t${i} (id int); INSERT INTO t${i} VALUES (${i});`).join('\n'));

    // The limit is real: locking every table in one transaction, as a dump does, runs the server out of shared memory.
    const locker = new pg.Client({ connectionString: db });
    await locker.connect();
    const lockAll = await locker.query(`DO $$ BEGIN FOR i IN 0..${tables - 1} LOOP EXECUTE format('LOCK TABLE t%s IN ACCESS SHARE MODE', i); END LOOP; END $$`)
      .then(() => 'locked', (e: { code?: string }) => e.code);
    await locker.end();
    expect(lockAll).toBe('53200');

    const file = path.join(work, 'many.sql');
    const r = await cli(['-f', file, db]);
    expect(r.code).toBe(5);
    expectOneLineError(r.stderr, `dumping ${tables} tables`, 'max_locks_per_transaction', '--no-table-locks');
    expect(existsSync(file)).toBe(false);
    expect(leftovers(work, 'many.sql')).toEqual([]);
    const toStdout = await cli([db]);
    expect(toStdout.code).toBe(5);
    expect(toStdout.stdout.length).toBe(0);

    // Schema only: the remedy offered is --no-table-locks, and it works.
    const schemaOnly = await cli(['-s', db]);
    expect(schemaOnly.code).toBe(5);
    expectOneLineError(schemaOnly.stderr, 'max_locks_per_transaction', 'or use --no-table-locks');
    const unlocked = await cli(['-s', '--no-table-locks', db]);
    expect(unlocked.code, unlocked.stderr).toBe(0);
    expect(unlocked.stdout.toString().match(/^CREATE TABLE /gm)).toHaveLength(tables);

    // A dump the server can lock is not refused: 100 tables, with data and locks.
    const ok = await cli([few]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout.toString().match(/^CREATE TABLE /gm)).toHaveLength(100);
  });
});
