// Faults injected into running dumps: the server connection killed mid-data, signals, an
// output that cannot be written, and an AbortSignal. Each must end with one clear line, a
// non-zero exit, nothing partial that looks complete, and nothing left running on the server.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dump, dumpToFile, DumpError } from '../src/index.js';
import { createDatabase, psqlString, query } from './util/pg.js';
import { cli, dumpBackends, END_MARK, expectOneLineError, finished, leftovers, spawnCli, waitFor, type DumpBackend } from './util/reliability.js';

const servers = inject('servers');
// The client side is the same on every major: the newest requested one.
const server = servers[servers.length - 1]!;
const work = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-faults-'));
let db = '';
let faults = 0;

/** Three ~20 MB tables of incompressible text: a dump spends a while in each. */
const DATA = ['a_big', 'b_big', 'c_big'].map((t) => `CREATE TABLE ${t} AS
  SELECT g AS id, md5(g::text || '${t}') || md5(g::text) || md5((g * 7)::text) || repeat(md5((g * 3)::text), 3) AS pad
    FROM generate_series(1, 100000) g;`).join('\n');

beforeAll(async () => {
  db = await createDatabase(server.url, 'rel_faults');
  await psqlString(db, `${DATA}\nCREATE TABLE small (id int PRIMARY KEY); INSERT INTO small VALUES (1);`);
});

afterAll(() => {
  console.log(`[faults pg${server.major}] ${faults} faults injected`);
  rmSync(work, { recursive: true, force: true });
});

/** The dump's backend while it is sending table data. */
function copying(url: string): Promise<DumpBackend | undefined> {
  return dumpBackends(url).then((rows) => rows.find((b) => b.state === 'active' && /^COPY /.test(b.query)));
}

function tableOf(copy: string): string {
  return /^COPY (\S+) /.exec(copy)![1]!;
}

/** No session of application_name pgdump-ts is left on the server (the backend may take a moment to exit). */
async function nothingLeftRunning(url: string, app = 'pgdump-ts'): Promise<void> {
  await waitFor('the dump session to go away', async () => (await dumpBackends(url, app)).length === 0, 10_000, 50);
}

describe(`PostgreSQL ${server.major}: faults`, () => {
  it('connection killed mid-data with -f FILE: non-zero exit, one line naming the table, no file', async () => {
    const file = path.join(work, 'killed.sql');
    const child = spawnCli(['-f', file, db]);
    const done = finished(child);
    await waitFor('the dump to send table data', () => copying(db), 30_000, 2);
    // Freeze the dumper: the server, unable to send, is caught mid-COPY. Kill its backend there.
    child.kill('SIGSTOP');
    const copy = await waitFor('the server to block sending data', async () => {
      const c = await copying(db);
      return c?.wait_event === 'ClientWrite' ? c : undefined;
    }, 10_000, 20);
    await query(db, 'SELECT pg_terminate_backend($1)', [copy.pid]);
    faults++;
    child.kill('SIGCONT');
    const r = await done;
    expect(r.code).not.toBe(0);
    expectOneLineError(r.stderr, `reading table ${tableOf(copy.query)}`);
    expect(existsSync(file)).toBe(false);
    expect(leftovers(work, 'killed')).toEqual([]);
  });

  it('connection killed mid-data to stdout: the script lacks its closing line', async () => {
    const child = spawnCli([db]);
    child.stdout!.pause();
    const done = finished(child);
    const copy = await waitFor('the dump to send table data', () => copying(db), 30_000, 5);
    await query(db, 'SELECT pg_terminate_backend($1)', [copy.pid]);
    faults++;
    child.stdout!.resume();
    const r = await done;
    expect(r.code).not.toBe(0);
    expectOneLineError(r.stderr, `reading table ${tableOf(copy.query)}`);
    const script = r.stdout.toString();
    expect(script).toContain(`COPY ${tableOf(copy.query)} `);
    expect(script).not.toContain(END_MARK);
  });

  it('SIGINT while waiting for a lock: the server-side query is cancelled, temp file removed, exit 130', async () => {
    const holder = new pg.Client({ connectionString: db });
    await holder.connect();
    try {
      await holder.query('BEGIN; LOCK TABLE small IN ACCESS EXCLUSIVE MODE');
      const file = path.join(work, 'sigint.sql');
      const child = spawnCli(['-f', file, db]);
      const done = finished(child);
      await waitFor('the dump to wait for its lock', async () => (await dumpBackends(db)).some((b) => b.wait_event_type === 'Lock' || /^LOCK TABLE/.test(b.query)));
      expect(leftovers(work, 'sigint')).toHaveLength(1); // the temporary file exists while the dump runs
      child.kill('SIGINT');
      faults++;
      const r = await done;
      expect(r.code).toBe(130);
      expectOneLineError(r.stderr, 'cancelled');
      // The LOCK TABLE the dump was waiting in is gone at once, though the lock is still held.
      await nothingLeftRunning(db);
      expect(existsSync(file)).toBe(false);
      expect(leftovers(work, 'sigint')).toEqual([]);
    } finally {
      await holder.end();
    }
  });

  it('SIGTERM mid-data with -f FILE: query cancelled, temp file removed, exit 143', async () => {
    const file = path.join(work, 'sigterm.sql');
    const child = spawnCli(['-f', file, db]);
    const done = finished(child);
    await waitFor('the dump to send table data', () => copying(db), 30_000, 2);
    child.kill('SIGSTOP');
    child.kill('SIGTERM'); // delivered when it runs again, in the middle of a COPY
    faults++;
    child.kill('SIGCONT');
    const r = await done;
    expect(r.code).toBe(143);
    expectOneLineError(r.stderr, 'cancelled');
    await nothingLeftRunning(db);
    expect(existsSync(file)).toBe(false);
    expect(leftovers(work, 'sigterm')).toEqual([]);
  });

  it('SIGTERM while the reader of stdout has stalled: exits 143 anyway, nothing left on the server', async () => {
    const child = spawnCli([db]);
    child.stdout!.pause(); // never read again
    const done = finished(child);
    await waitFor('the dump to be blocked sending data', async () => (await copying(db))?.wait_event === 'ClientWrite', 30_000, 20);
    child.kill('SIGTERM');
    faults++;
    const r = await done;
    expect(r.code).toBe(143);
    expectOneLineError(r.stderr, 'cancelled');
    await nothingLeftRunning(db);
  });

  it('AbortSignal: dumpToFile rejects with DumpError "aborted", the dump() stream errors', { timeout: 30_000 }, async () => {
    const file = path.join(work, 'aborted.sql');
    const controller = new AbortController();
    const app = 'pgdump-ts-abort';
    const p = dumpToFile({
      dbname: db, file, applicationName: app, signal: controller.signal,
      onProgress: (e) => { if (e.type === 'data') controller.abort(); },
    });
    faults++;
    const e = await p.then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(DumpError);
    expect((e as DumpError).code).toBe('aborted');
    expect((e as DumpError).message).toMatch(/^dump cancelled while reading table /);
    expect(existsSync(file)).toBe(false);
    expect(leftovers(work, 'aborted')).toEqual([]);
    await nothingLeftRunning(db, app);

    const controller2 = new AbortController();
    const stream = dump({ dbname: db, applicationName: app, signal: controller2.signal });
    let bytes = 0;
    const streamError = await new Promise<unknown>((resolve) => {
      stream.on('data', (b: Buffer) => {
        bytes += b.length;
        if (bytes > 1_000_000) controller2.abort();
      });
      stream.on('error', resolve);
      stream.on('end', () => resolve(null));
    });
    faults++;
    expect(streamError).toBeInstanceOf(DumpError);
    expect((streamError as DumpError).code).toBe('aborted');
    await expect(stream.result).rejects.toMatchObject({ code: 'aborted' });
    await nothingLeftRunning(db, app);
    // An already aborted signal: nothing is dumped.
    const pre = AbortSignal.abort();
    await expect(dumpToFile({ dbname: db, file, signal: pre })).rejects.toMatchObject({ code: 'aborted' });
    expect(existsSync(file)).toBe(false);
  });

  describe('output that cannot be written', () => {
    let mounted: string | null = null;
    let readOnly: string | null = null;
    beforeAll(() => {
      // A 1 MB tmpfs makes a real "disk full" under the dump's own temp file; needs root and
      // mount permission, otherwise /dev/full (every write fails with ENOSPC) stands in.
      const dir = path.join(work, 'tiny');
      const ro = path.join(work, 'ro');
      mkdirSync(dir);
      mkdirSync(ro);
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'ignore' });
        mounted = dir;
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', ro], { stdio: 'ignore' });
        readOnly = ro;
      } catch {
        // not permitted here
      }
    });
    afterAll(() => {
      for (const d of [mounted, readOnly]) if (d) execFileSync('umount', [d], { stdio: 'ignore' });
    });

    it('disk full on a small filesystem, for every format: exit 7, one line, nothing left', async (ctx) => {
      if (!mounted) ctx.skip();
      for (const [name, args] of [
        ['full.sql', []], ['full.sql.gz', ['-Z', '6']], ['full.dump', ['-Fc']], ['full.dir', ['-Fd']], ['full.tar', ['-Ft']],
      ] as const) {
        const target = path.join(mounted!, name);
        const r = await cli([...args, '-f', target, db]);
        faults++;
        expect(r.code, `${name}: ${r.stderr}`).toBe(7);
        expectOneLineError(r.stderr, `"${target}"`, 'no space left on device');
        expect(leftovers(mounted!, '')).toEqual([]);
      }
    });

    it('/dev/full as the file and as stdout: exit 7, one line', async () => {
      for (const args of [['-f', '/dev/full'], ['-Z', '1', '-f', '/dev/full']]) {
        const r = await cli([...args, db]);
        faults++;
        expect(r.code, r.stderr).toBe(7);
        expectOneLineError(r.stderr, '/dev/full', 'no space left on device');
      }
      const fd = openSync('/dev/full', 'w');
      try {
        const r = await cli([db], { stdio: ['ignore', fd, 'pipe'] });
        faults++;
        expect(r.code, r.stderr).toBe(7);
        expectOneLineError(r.stderr, 'cannot write the output', 'no space left on device');
      } finally {
        closeSync(fd);
      }
    });

    it('unwritable paths and a closed pipe: exit 7, one line naming the file', async () => {
      const aFile = path.join(work, 'plain-file');
      writeFileSync(aFile, 'x');
      const cases: [string, RegExp][] = [
        [path.join(work, 'no-such-dir', 'x.sql'), /no such file or directory/],
        [path.join(aFile, 'x.sql'), /not a directory/],
      ];
      if (readOnly) cases.push([path.join(readOnly, 'x.sql'), /read-only file system/]);
      if (process.getuid?.() !== 0) {
        const locked = path.join(work, 'locked');
        mkdirSync(locked, { mode: 0o555 });
        cases.push([path.join(locked, 'x.sql'), /permission denied/]);
      }
      for (const [target, why] of cases) {
        for (const format of ['p', 'c', 't']) {
          const r = await cli(['-F', format, '-f', target, db]);
          faults++;
          expect(r.code, `${format} ${target}: ${r.stderr}`).toBe(7);
          expectOneLineError(r.stderr, target, why);
        }
      }
      // A closed pipe: the reader went away.
      const child = spawnCli([db], { stdio: ['ignore', 'pipe', 'pipe'] });
      const done = finished(child);
      child.stdout!.once('data', () => child.stdout!.destroy());
      faults++;
      const r = await done;
      expect(r.code).toBe(7);
      expectOneLineError(r.stderr, 'cannot write the output', 'EPIPE');
    });
  });
});
