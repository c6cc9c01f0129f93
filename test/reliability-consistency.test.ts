// Consistency under load: the dump is one snapshot, whatever commits while it runs.
//
// Writers change the database at full speed during the dump: a money-transfer writer moves
// amounts between two account tables and logs each transfer, and several connections append
// events. Every writer transaction is one statement that takes a counter row lock first, so
// the transactions commit in counter order: any true snapshot holds exactly the ids 1..N of
// each log, N equals the counter row, the account totals match the transfer log, and no event
// saw more transfers than the snapshot holds. A dump that read tables at different moments
// breaks these by thousands. The dump is held inside a large filler table (a stalled reader)
// until >= 20,000 writer transactions have committed after its snapshot; the later tables are
// read only then.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { dump } from '../src/index.js';
import { createDatabase, psqlString, query } from './util/pg.js';
import { dumpBackends, END_MARK, finished, prng, spawnCli, waitFor } from './util/reliability.js';

const servers = inject('servers');
// Heavy: the newest requested major only.
const server = servers[servers.length - 1]!;
const work = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-consistency-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const ACCOUNTS = 100;
const OPENING = 1_000_000;
const EVENT_WRITERS = 4;
const TARGET_AFTER_SNAPSHOT = 20_000;

const SCHEMA = `
CREATE TABLE acct_a (id int PRIMARY KEY, balance bigint NOT NULL);
CREATE TABLE acct_b (id int PRIMARY KEY, balance bigint NOT NULL);
INSERT INTO acct_a SELECT g, ${OPENING} FROM generate_series(1, ${ACCOUNTS}) g;
INSERT INTO acct_b SELECT g, ${OPENING} FROM generate_series(1, ${ACCOUNTS}) g;
-- Dumped between the accounts and the logs: the dump is held in here.
CREATE TABLE b_filler AS SELECT g AS id, md5(g::text) || repeat('.', 160) AS pad FROM generate_series(1, 120000) g;
CREATE TABLE event_counter (n bigint NOT NULL);
INSERT INTO event_counter VALUES (0);
CREATE TABLE events (id bigint PRIMARY KEY, writer int NOT NULL, seen_transfers bigint NOT NULL, payload text);
CREATE TABLE transfer_counter (n bigint NOT NULL);
INSERT INTO transfer_counter VALUES (0);
CREATE TABLE transfer_log (id bigint PRIMARY KEY, a_id int NOT NULL, b_id int NOT NULL, amount bigint NOT NULL);
`;

// The counter's lock is taken first (the other updates need its row), so transfers commit in id order.
const TRANSFER = `WITH c AS (UPDATE transfer_counter SET n = n + 1 RETURNING n),
  a AS (UPDATE acct_a SET balance = balance - $3 WHERE id = $1 AND EXISTS (SELECT FROM c) RETURNING 1),
  b AS (UPDATE acct_b SET balance = balance + $3 WHERE id = $2 AND EXISTS (SELECT FROM c) RETURNING 1)
INSERT INTO transfer_log (id, a_id, b_id, amount) SELECT c.n, $1, $2, $3 FROM c, a, b`;
const EVENT = `WITH c AS (UPDATE event_counter SET n = n + 1 RETURNING n)
INSERT INTO events (id, writer, seen_transfers, payload) SELECT c.n, $1, (SELECT n FROM transfer_counter), $2 FROM c`;

interface Counts { events: number; transfers: number }

async function counters(url: string): Promise<Counts> {
  const [r] = await query<{ e: string; t: string }>(url, `SELECT (SELECT n FROM event_counter) AS e, (SELECT n FROM transfer_counter) AS t`);
  return { events: Number(r!.e), transfers: Number(r!.t) };
}

const total = (c: Counts) => c.events + c.transfers;

/** Writers at full speed until stopped; each loop is one connection, one statement per transaction. */
function startWriters(url: string): { stop: () => Promise<{ errors: number }> } {
  let stopping = false;
  let errors = 0;
  const loops: Promise<void>[] = [];
  const loop = async (body: (c: pg.Client) => Promise<unknown>) => {
    const c = new pg.Client({ connectionString: url, application_name: 'writer' });
    await c.connect();
    try {
      while (!stopping) await body(c).catch(() => void errors++);
    } finally {
      await c.end();
    }
  };
  const rnd = prng(20240601);
  loops.push(loop((c) => {
    const from = 1 + Math.floor(rnd() * ACCOUNTS);
    const to = 1 + Math.floor(rnd() * ACCOUNTS);
    return c.query({ name: 'transfer', text: TRANSFER, values: [from, to, 1 + Math.floor(rnd() * 500)] });
  }));
  for (let w = 1; w <= EVENT_WRITERS; w++) {
    loops.push(loop((c) => c.query({ name: 'event', text: EVENT, values: [w, `w${w} 'quoted' \\ tab\t`] })));
  }
  return {
    stop: async () => {
      stopping = true;
      await Promise.all(loops);
      return { errors };
    },
  };
}

interface Invariants {
  total: string; moved: string; logged: string;
  t_count: string; t_min: string | null; t_max: string | null; t_counter: string;
  e_count: string; e_min: string | null; e_max: string | null; e_counter: string; max_seen: string | null;
  accounts: string;
}

async function invariants(url: string): Promise<Invariants> {
  const [r] = await query<Invariants & Record<string, unknown>>(url, `SELECT
    (SELECT sum(balance) FROM acct_a) + (SELECT sum(balance) FROM acct_b) AS total,
    (SELECT sum(balance) FROM acct_b) - ${ACCOUNTS * OPENING} AS moved,
    (SELECT coalesce(sum(amount), 0) FROM transfer_log) AS logged,
    (SELECT count(*) FROM transfer_log) AS t_count, (SELECT min(id) FROM transfer_log) AS t_min,
    (SELECT max(id) FROM transfer_log) AS t_max, (SELECT n FROM transfer_counter) AS t_counter,
    (SELECT count(*) FROM events) AS e_count, (SELECT min(id) FROM events) AS e_min,
    (SELECT max(id) FROM events) AS e_max, (SELECT n FROM event_counter) AS e_counter,
    (SELECT max(seen_transfers) FROM events) AS max_seen,
    (SELECT count(*) FROM acct_a) + (SELECT count(*) FROM acct_b) AS accounts`);
  return r!;
}

/** Restores `script` into a fresh database and checks the one-point-in-time invariants; returns the counts it holds. */
async function restoredConsistent(script: string, name: string): Promise<Counts> {
  expect(script).toContain(END_MARK);
  const db = await createDatabase(server.url, name);
  const { stderr } = await psqlString(db, script);
  expect(stderr).toBe('');
  const v = await invariants(db);
  expect(Number(v.accounts)).toBe(2 * ACCOUNTS);
  expect(Number(v.total)).toBe(2 * ACCOUNTS * OPENING);
  expect(v.moved).toBe(v.logged);
  const [t, e] = [Number(v.t_counter), Number(v.e_counter)];
  expect(t).toBeGreaterThan(0);
  expect(e).toBeGreaterThan(0);
  // Contiguous 1..N: no transaction after the snapshot, none before it missing.
  expect([Number(v.t_count), Number(v.t_min), Number(v.t_max)]).toEqual([t, 1, t]);
  expect([Number(v.e_count), Number(v.e_min), Number(v.e_max)]).toEqual([e, 1, e]);
  expect(Number(v.max_seen)).toBeLessThanOrEqual(t);
  return { events: e, transfers: t };
}

/** Reads a stream only after `gate` resolves: a stalled consumer holds the dump mid-data. */
async function readAfter(stream: Readable, gate: Promise<unknown>): Promise<string> {
  stream.pause();
  await gate;
  const parts: Buffer[] = [];
  for await (const chunk of stream) parts.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(parts).toString('utf8');
}

describe(`PostgreSQL ${server.major}: consistency under load`, () => {
  it(`dumps one point in time while >= ${TARGET_AFTER_SNAPSHOT} writer transactions commit`, async () => {
    const src = await createDatabase(server.url, 'rel_consistency');
    await psqlString(src, SCHEMA);
    const writers = startWriters(src);
    let stopped = false;
    try {
      await waitFor('the writers to warm up', async () => total(await counters(src)) >= 1000, 30_000, 50);
      const atStart = await counters(src);
      const t0 = Date.now();

      // The CLI (REPEATABLE READ) and the library (SERIALIZABLE, READ ONLY, DEFERRABLE) at once,
      // both with a consumer that does not read until the target is reached.
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      const child = spawnCli([src]);
      child.stdout!.pause();
      const cliDone = finished(child);
      const libStream = dump({ dbname: src, serializableDeferrable: true, applicationName: 'pgdump-ts-lib' });
      const libText = readAfter(libStream, gate);

      // Both are inside the filler: their snapshots are taken and the logs are not read yet.
      const inFiller = async (app: string) => (await dumpBackends(src, app)).some((b) => /b_filler/.test(b.query) && b.state === 'active');
      await waitFor('both dumps to reach the filler table', async () => (await inFiller('pgdump-ts')) && (await inFiller('pgdump-ts-lib')), 60_000, 20);
      const afterSnapshots = await counters(src);
      await waitFor(`${TARGET_AFTER_SNAPSHOT} writer transactions after the snapshots`,
        async () => total(await counters(src)) >= total(afterSnapshots) + TARGET_AFTER_SNAPSHOT, 120_000, 50);
      // Still held inside the filler: everything after it is read only now.
      expect(await inFiller('pgdump-ts')).toBe(true);
      expect(await inFiller('pgdump-ts-lib')).toBe(true);
      child.stdout!.resume();
      release();
      const [cli, lib] = await Promise.all([cliDone, libText]);
      const atEnd = await counters(src);
      const seconds = (Date.now() - t0) / 1000;
      const { errors } = await writers.stop();
      stopped = true;
      expect(cli.code, cli.stderr).toBe(0);
      expect(cli.stderr).toBe('');
      expect(errors).toBe(0);

      const inCli = await restoredConsistent(cli.stdout.toString('utf8'), 'rel_consistency_cli');
      const inLib = await restoredConsistent(lib, 'rel_consistency_lib');
      for (const seen of [inCli, inLib]) {
        // The snapshot is from before the hold: nothing committed after it is in the dump.
        expect(total(seen)).toBeGreaterThanOrEqual(total(atStart));
        expect(total(seen)).toBeLessThanOrEqual(total(afterSnapshots));
        expect(total(atEnd) - total(seen)).toBeGreaterThanOrEqual(TARGET_AFTER_SNAPSHOT);
      }
      const during = total(atEnd) - total(atStart);
      expect(during).toBeGreaterThanOrEqual(TARGET_AFTER_SNAPSHOT);
      console.log(`[consistency pg${server.major}] ${during} writer transactions during the dumps (${(during / seconds).toFixed(0)}/s over ${seconds.toFixed(1)} s: ` +
        `${atEnd.transfers - atStart.transfers} transfers, ${atEnd.events - atStart.events} events); ` +
        `CLI dump holds ${inCli.transfers} transfers + ${inCli.events} events, library (serializable deferrable) ${inLib.transfers} + ${inLib.events}; ` +
        `${total(atEnd) - total(inCli)} / ${total(atEnd) - total(inLib)} committed after their snapshots, none of them dumped; writer errors ${errors}`);
    } finally {
      if (!stopped) await writers.stop();
    }
  });

  it('--snapshot dumps what an exported snapshot sees, not what committed after the export', async () => {
    const src = await createDatabase(server.url, 'rel_snapshot');
    await psqlString(src, `CREATE TABLE t (id int PRIMARY KEY, v text);
      INSERT INTO t SELECT g, 'before ' || g FROM generate_series(1, 10) g;`);
    const exporter = new pg.Client({ connectionString: src });
    await exporter.connect();
    try {
      await exporter.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const { rows } = await exporter.query<{ s: string }>('SELECT pg_export_snapshot() AS s');
      const snapshot = rows[0]!.s;
      // Changes after the export, committed, and a table created after it.
      await psqlString(src, `INSERT INTO t SELECT g, 'after ' || g FROM generate_series(11, 20) g;
        UPDATE t SET v = 'changed' WHERE id = 1; DELETE FROM t WHERE id = 2;
        CREATE TABLE later (x int); INSERT INTO later VALUES (1);`);
      const r = await finished(spawnCli(['--snapshot', snapshot, src]));
      expect(r.code, r.stderr).toBe(0);
      const dst = await createDatabase(server.url, 'rel_snapshot_dst');
      await psqlString(dst, r.stdout.toString());
      const got = await query<{ id: number; v: string }>(dst, 'SELECT id, v FROM t ORDER BY id');
      expect(got).toEqual(Array.from({ length: 10 }, (_, i) => ({ id: i + 1, v: `before ${i + 1}` })));
      expect(await query(dst, `SELECT 1 FROM pg_class WHERE relname = 'later'`)).toEqual([]);
      // Without the snapshot: today's data.
      const now = await finished(spawnCli([src]));
      expect(now.stdout.toString()).toContain('CREATE TABLE public.later');
      expect(now.stdout.toString()).toContain('20\tafter 20');
    } finally {
      await exporter.end();
    }
    const bogus = await finished(spawnCli(['--snapshot', '00000003-0000001B-1', src]));
    expect(bogus.code).not.toBe(0);
    expect(bogus.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--serializable-deferrable dumps consistently and leaves the database usable', async () => {
    const src = await createDatabase(server.url, 'rel_serializable');
    await psqlString(src, `CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t SELECT generate_series(1, 100);`);
    const r = await finished(spawnCli(['--serializable-deferrable', src]));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.toString()).toContain(END_MARK);
    const dst = await createDatabase(server.url, 'rel_serializable_dst');
    await psqlString(dst, r.stdout.toString());
    expect(await query(dst, 'SELECT count(*)::int AS n FROM t')).toEqual([{ n: 100 }]);
  });
});
