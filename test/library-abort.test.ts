// AbortSignal through the library, mid-table: the server's COPY is seen running in
// pg_stat_activity, the abort cancels it (a borrowed connection stays, idle, outside any
// transaction: only a cancel can have stopped its query), the dump rejects with an AbortError
// and dumpToFile leaves neither the file nor its temporary file. On the newest server only.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dump, dumpToFile, DumpError } from '../src/index.js';
import { createDatabase, psqlString, query } from './util/pg.js';
import { dumpBackends, leftovers, waitFor } from './util/reliability.js';

const servers = inject('servers');
const server = servers[servers.length - 1]!;
const work = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-lib-abort-'));
let db = '';

beforeAll(async () => {
  db = await createDatabase(server.url, 'lib_abort');
  await psqlString(db, `CREATE TABLE big AS SELECT g AS id, repeat(md5(g::text), 6) AS pad FROM generate_series(1, 100000) g;
                        CREATE TABLE small (id int); INSERT INTO small VALUES (1);`);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The session's COPY, once it is running and blocked on a reader that does not read. */
function stalledCopy(app: string) {
  return waitFor('the dump\'s COPY to block on its reader', async () => {
    const b = (await dumpBackends(db, app)).find((x) => x.state === 'active' && /^COPY /.test(x.query));
    return b?.wait_event === 'ClientWrite' ? b : undefined;
  }, 30_000, 20);
}

describe(`PostgreSQL ${server.major}: abort through the library`, { timeout: 60_000 }, () => {
  it('dump() on its own connection: the running COPY is cancelled and the session ends', async () => {
    const app = 'lib-abort-own';
    const controller = new AbortController();
    const handle = dump({ dbname: db, applicationName: app, signal: controller.signal });
    const errored = new Promise<unknown>((resolve) => handle.on('error', resolve));
    // Nobody reads: the server blocks sending the table's rows.
    const copy = await stalledCopy(app);
    expect(copy.query).toMatch(/^COPY public\.big /);
    controller.abort();
    const e = await errored;
    expect(e).toBeInstanceOf(DumpError);
    expect((e as DumpError).code).toBe('aborted');
    expect((e as DumpError).name).toBe('AbortError');
    expect((e as DumpError).message).toBe('dump cancelled while reading table public.big');
    await expect(handle).rejects.toMatchObject({ code: 'aborted', message: (e as DumpError).message });
    await waitFor('the session to end', async () => (await dumpBackends(db, app)).length === 0, 10_000, 20);
  });

  it('dump() on a borrowed pool: the COPY is cancelled, the connection handed back idle, outside any transaction', async () => {
    const app = 'lib-abort-pool';
    const pool = new pg.Pool({ connectionString: db, application_name: app, max: 1 });
    try {
      const [{ pid }] = (await pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
      const controller = new AbortController();
      const handle = dump({ connection: pool, signal: controller.signal });
      handle.on('error', () => undefined);
      const copy = await stalledCopy(app);
      expect(copy.pid).toBe(pid);
      controller.abort();
      await expect(handle).rejects.toMatchObject({ code: 'aborted', name: 'AbortError' });
      // Still connected (the pool's connection was not closed): its COPY was cancelled.
      const [after] = await query<{ state: string; query: string; xact_start: string | null }>(db,
        `SELECT state, query, xact_start FROM pg_stat_activity WHERE pid = $1`, [pid]);
      expect(after).toMatchObject({ state: 'idle', query: 'ROLLBACK', xact_start: null });
      const [stats] = (await pool.query(`SELECT pg_backend_pid() AS pid, now() = statement_timestamp() AS idle, current_setting('search_path') AS sp`)).rows;
      expect(stats).toEqual({ pid, idle: true, sp: '"$user", public' });
      expect(pool.totalCount).toBe(1);
    } finally {
      await pool.end();
    }
  });

  it('dumpToFile: aborted mid-table rejects with AbortError and leaves no file and no temporary file', async () => {
    const app = 'lib-abort-file';
    const file = path.join(work, 'aborted.sql');
    const controller = new AbortController();
    let progress = 0;
    const e = await dumpToFile(file, {
      dbname: db, applicationName: app, signal: controller.signal,
      onProgress: (ev) => {
        // table-progress comes at most every 100 ms: abort as the big table's rows start
        if (ev.type === 'table-start' && ev.table === 'big' && ++progress === 1) controller.abort();
      },
    }).then(() => null, (x: unknown) => x);
    expect(progress).toBe(1);
    expect(e).toBeInstanceOf(DumpError);
    expect((e as DumpError).name).toBe('AbortError');
    expect((e as DumpError).message).toBe('dump cancelled while reading table public.big');
    expect(existsSync(file)).toBe(false);
    expect(leftovers(work, 'aborted')).toEqual([]);
    await waitFor('the session to end', async () => (await dumpBackends(db, app)).length === 0, 10_000, 20);
  });
});
