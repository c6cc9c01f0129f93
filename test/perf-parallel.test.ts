// -j N and --split-tables-larger-than: tables copied on worker connections sharing the dump's
// snapshot give the same bytes as a serial dump, restore to the same rows, honour locks, and
// leave no spill files or server sessions behind when cancelled.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dumpToFile, dumpToStream, isDumpError } from '../src/index.js';
import type { DumpOptions } from '../src/options.js';
import { createDatabase, dropDatabase, psqlFile, psqlString, query, run } from './util/pg.js';

const servers = inject('servers');
const BIN = path.resolve('dist/src/cli/pgdump.js');
const work = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-parallel-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TABLES = ['wide', 'gen', 'dropped', 'parent', 'child', 'part_1', 'part_2', 'empty', '"Mixed Case"'];

const SOURCE = `
CREATE TABLE wide (id bigint PRIMARY KEY, t text, n numeric, ts timestamptz, j jsonb, b boolean, u uuid, by bytea, sparse text);
INSERT INTO wide
  SELECT g, 'row ' || g || E'\\t tab\\nnewline \\\\ backslash é 😀', g * 1.25,
         '2020-01-01 00:00:00+00'::timestamptz + g * interval '1 min', jsonb_build_object('g', g, 's', 'x"y'),
         CASE g % 3 WHEN 0 THEN NULL ELSE g % 2 = 0 END, md5(g::text)::uuid, decode(md5(g::text), 'hex'),
         CASE WHEN g % 100 = 0 THEN 'rare' END
    FROM generate_series(1, 40000) g;
DELETE FROM wide WHERE id % 11 = 0;
UPDATE wide SET n = n + 1 WHERE id % 13 = 0;
CREATE TABLE gen (a int, b int GENERATED ALWAYS AS (a * 2) STORED);
INSERT INTO gen SELECT g FROM generate_series(1, 500) g;
CREATE TABLE dropped (a int, x int, c text);
ALTER TABLE dropped DROP COLUMN x;
INSERT INTO dropped SELECT g, 'c' || g FROM generate_series(1, 300) g;
CREATE TABLE parent (id int, v text);
CREATE TABLE child (extra int) INHERITS (parent);
INSERT INTO parent SELECT g, 'p' FROM generate_series(1, 200) g;
INSERT INTO child SELECT g, 'c', g FROM generate_series(1, 200) g;
CREATE TABLE part (id int, v text) PARTITION BY RANGE (id);
CREATE TABLE part_1 PARTITION OF part FOR VALUES FROM (0) TO (1000);
CREATE TABLE part_2 PARTITION OF part FOR VALUES FROM (1000) TO (5000);
INSERT INTO part SELECT g, repeat('v', g % 20) FROM generate_series(0, 4999) g;
CREATE TABLE empty (a int);
CREATE TABLE "Mixed Case" ("Col" text);
INSERT INTO "Mixed Case" VALUES ('a'), (NULL), (E'b\\\\c');
VACUUM ANALYZE;
`;

/** One checksum per table of its rows (ONLY: inheritance parents without their children). */
async function checksums(url: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const [r] = await query<{ c: string; n: number }>(url, `SELECT count(*)::int AS n, coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') AS c FROM ONLY ${t} x`);
    out[t] = `${r!.n}:${r!.c}`;
  }
  return out;
}

/** Every statement text sent by this process's pg clients while `fn` runs. */
async function statementsDuring<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text?: string } | undefined;
    statements.push(typeof q === 'string' ? q : (q?.text ?? ''));
    return original.apply(this, args);
  };
  try {
    return { result: await fn(), statements };
  } finally {
    proto.query = original;
  }
}

async function plain(url: string, opts: Partial<DumpOptions>): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  await dumpToStream({ dbname: url, restrictKey: 'pgdumpts', ...opts }, out);
  out.end();
  return Buffer.concat(parts);
}

/** The decompressed table data files of a directory archive, by name. */
function dataFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.dat.gz'))) out[f] = gunzipSync(readFileSync(path.join(dir, f))).toString('base64');
  return out;
}

async function backendsOn(serverUrl: string, db: string): Promise<number> {
  const [r] = await query<{ n: number }>(serverUrl, `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [db]);
  return r!.n;
}

async function waitFor(cond: () => Promise<boolean> | boolean, ms = 10_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await cond()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return cond();
}

describe.each(servers.map((s) => [s.major, s] as const))('parallel dump on PostgreSQL %i', (major, server) => {
  const db = `par_src_${major}`;
  let src = '';
  let expected: Record<string, string> = {};
  beforeAll(async () => {
    src = await createDatabase(server.url, db);
    await psqlString(src, SOURCE);
    expected = await checksums(src);
    return () => dropDatabase(server.url, db);
  });

  it('plain: -j 3, with and without split tables, is byte-identical to -j 1 and restores the same rows', async () => {
    const serial = await plain(src, {});
    const parallel = await plain(src, { jobs: 3 });
    const { result: split, statements } = await statementsDuring(() => plain(src, { jobs: 3, splitTablesLargerThan: '256kB' }));
    expect(serial.length).toBeGreaterThan(3_000_000);
    expect(parallel.equals(serial)).toBe(true);
    expect(split.equals(serial)).toBe(true);
    // The big table really was read as ctid ranges (TID range scans exist from 14 on).
    const ranges = statements.filter((s) => s.includes('FROM ONLY public.wide') && s.includes('ctid'));
    if (major >= 14) expect(ranges.length).toBeGreaterThan(4);
    else expect(ranges).toEqual([]);

    const file = path.join(work, `split-${major}.sql`);
    await dumpToFile({ dbname: src, file, restrictKey: 'pgdumpts', jobs: 3, splitTablesLargerThan: '256kB' });
    const target = await createDatabase(server.url, `par_plain_${major}`);
    await psqlFile(target, file);
    expect(await checksums(target)).toEqual(expected);
    await dropDatabase(server.url, `par_plain_${major}`);
  });

  it('directory: -j 3 with split tables writes the same data files as -j 1, and pg_restore restores them', async () => {
    const one = path.join(work, `dir1-${major}`);
    const three = path.join(work, `dir3-${major}`);
    await dumpToFile({ dbname: src, file: one, format: 'directory' });
    await dumpToFile({ dbname: src, file: three, format: 'directory', jobs: 3, splitTablesLargerThan: '256kB' });
    const a = dataFiles(one);
    expect(Object.keys(a).length).toBeGreaterThanOrEqual(8);
    expect(dataFiles(three)).toEqual(a);
    const target = await createDatabase(server.url, `par_dir_${major}`);
    await run('pg_restore', ['-j', '2', '-d', target, three]);
    expect(await checksums(target)).toEqual(expected);
    await dropDatabase(server.url, `par_dir_${major}`);
  });

  it('cancelling a -j dump whose tables spill to disk removes the spill files and ends the worker sessions', async () => {
    const tmp = mkdtempSync(path.join(work, `tmp-${major}-`));
    // stdout is never read: the writer stalls, the workers copy ahead into spill files.
    const child = spawn(process.execPath, [BIN, '-j', '2', src], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TMPDIR: tmp, PGDUMP_SPOOL_MEMORY: '65536' },
    });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const spillFiles = () => readdirSync(tmp).flatMap((d) => (existsSync(path.join(tmp, d)) ? readdirSync(path.join(tmp, d)) : []));
    expect(await waitFor(() => spillFiles().length > 0)).toBe(true);
    expect(await backendsOn(server.url, db)).toBeGreaterThanOrEqual(3);
    const code = new Promise<number | null>((r) => child.on('close', (c) => r(c)));
    child.kill('SIGTERM');
    expect(await code).toBe(143);
    expect(stderr).toContain('cancelled');
    expect(readdirSync(tmp)).toEqual([]);
    expect(await waitFor(async () => (await backendsOn(server.url, db)) === 0)).toBe(true);
  });

  for (const timeout of [undefined, '300ms']) {
    it(`a worker that cannot lock a table (exclusive lock requested after the dump started${timeout ? `, --lock-wait-timeout ${timeout}` : ''}) fails the dump naming it`, async () => {
      let error: unknown = null;
      const out = new PassThrough();
      out.resume();
      const started = Date.now();
      await dumpToStream({
        dbname: src,
        jobs: 2,
        lockWaitTimeout: timeout,
        onProgress: (e) => {
          // The leader holds its locks and has read the catalog; the workers have not started.
          // Queue an ACCESS EXCLUSIVE request behind the leader's lock, from another session.
          if (e.type === 'catalog') {
            spawnSync('sh', ['-c', `psql -X -q -d "$1" -c 'BEGIN; LOCK TABLE wide IN ACCESS EXCLUSIVE MODE; COMMIT' >/dev/null 2>&1 & sleep 0.5`, 'sh', src]);
          }
        },
      }, out).catch((e: unknown) => (error = e));
      expect(isDumpError(error)).toBe(true);
      const err = error as { code: string; message: string };
      expect(err.code).toBe('lock');
      expect(err.message).toContain('public.wide');
      if (timeout) expect(err.message).toContain(`--lock-wait-timeout ${timeout}`);
      if (timeout) expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      // The exclusive locker got its lock once the dump let go, and nothing is left running.
      expect(await waitFor(async () => (await backendsOn(server.url, db)) === 0)).toBe(true);
    });
  }

  it('rejects -j for custom and tar archives, and split sizes without -j', async () => {
    const out = new PassThrough();
    for (const format of ['custom', 'tar'] as const) {
      await expect(dumpToStream({ dbname: src, format, jobs: 2 }, out)).rejects.toMatchObject({ code: 'usage', message: expect.stringContaining('directory format') });
    }
    await expect(dumpToStream({ dbname: src, splitTablesLargerThan: '1GB' }, out)).rejects.toMatchObject({ code: 'usage', message: expect.stringContaining('-j 2') });
    await expect(dumpToStream({ dbname: src, jobs: 2, splitTablesLargerThan: '1 parsec' }, out)).rejects.toMatchObject({ code: 'usage' });
  });
});
