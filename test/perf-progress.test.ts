// Progress events from the data path (table-start / table-progress / table-done), checked
// against the server's row counts and the dump's own bytes; the CLI's --progress and
// --json-progress renderings.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { dumpToStream } from '../src/index.js';
import type { DumpOptions, ProgressEvent } from '../src/options.js';
import { ProgressState } from '../src/cli/progress-display.js';
import { createDatabase, dropDatabase, psqlString, query } from './util/pg.js';

const servers = inject('servers');
const BIN = path.resolve('dist/src/cli/pgdump.js');

const SOURCE = `
CREATE SCHEMA s;
CREATE TABLE s.big AS SELECT g AS id, md5(g::text) || E'\\nline\\ttab' AS t FROM generate_series(1, 60000) g;
CREATE TABLE s.small (id int PRIMARY KEY, v text);
INSERT INTO s.small SELECT g, 'v' || g FROM generate_series(1, 123) g;
CREATE TABLE s.empty (a int);
CREATE TABLE s.never_analyzed (a int);
VACUUM ANALYZE s.big, s.small, s.empty;
INSERT INTO s.never_analyzed SELECT generate_series(1, 10);
`;

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The COPY text of each table in a plain script: the bytes between its COPY line and `\.`. */
function copyBytes(script: string): Record<string, number> {
  const out: Record<string, number> = {};
  const re = /^COPY ([^ ]+) .*FROM stdin;\n([\s\S]*?)^\\\.$/gm;
  for (let m = re.exec(script); m; m = re.exec(script)) out[m[1]!] = Buffer.byteLength(m[2]!, 'utf8');
  return out;
}

describe.each(servers.map((s) => [s.major, s] as const))('progress on PostgreSQL %i', (major, server) => {
  const db = `progress_${major}`;
  let src = '';
  let counts: Record<string, number> = {};
  beforeAll(async () => {
    src = await createDatabase(server.url, db);
    await psqlString(src, SOURCE);
    const rows = await query<{ t: string; n: number }>(src, `SELECT 's.big' AS t, count(*)::int AS n FROM s.big UNION ALL SELECT 's.small', count(*)::int FROM s.small
      UNION ALL SELECT 's.empty', count(*)::int FROM s.empty UNION ALL SELECT 's.never_analyzed', count(*)::int FROM s.never_analyzed`);
    counts = Object.fromEntries(rows.map((r) => [r.t, r.n]));
    return () => dropDatabase(server.url, db);
  });

  const variants: [string, Partial<DumpOptions>][] = [['serial', {}], ['-j 2 with split tables', { jobs: 2, splitTablesLargerThan: '512kB' }]];
  for (const [name, opts] of variants) {
    it(`${name}: every table starts and ends once, with the server's row count and the script's bytes`, async () => {
      const events: ProgressEvent[] = [];
      const out = new PassThrough();
      const parts: Buffer[] = [];
      out.on('data', (b: Buffer) => parts.push(b));
      await dumpToStream({ dbname: src, ...opts, onProgress: (e) => events.push(e) }, out);
      const bytes = copyBytes(Buffer.concat(parts).toString('utf8'));
      const plan = events.filter((e) => e.type === 'data-plan');
      expect(plan).toEqual([{ type: 'data-plan', tables: 4, estimatedBytes: expect.any(Number) }]);
      for (const [table, rows] of Object.entries(counts)) {
        const [schema, t] = table.split('.');
        const mine = events.filter((e) => (e.type === 'table-start' || e.type === 'table-progress' || e.type === 'table-done') && e.schema === schema && e.table === t);
        expect(mine[0]).toMatchObject({ type: 'table-start', schema, table: t });
        expect(mine.at(-1)).toEqual({ type: 'table-done', schema, table: t, rows, bytes: bytes[table] });
        expect(mine.filter((e) => e.type === 'table-start' || e.type === 'table-done')).toHaveLength(2);
        // Running totals only grow and never pass the final ones.
        let last = 0;
        for (const e of mine.filter((e) => e.type === 'table-progress')) {
          const p = e as { rows: number; bytes: number };
          expect(p.bytes).toBeGreaterThanOrEqual(last);
          expect(p.rows).toBeLessThanOrEqual(rows);
          last = p.bytes;
        }
      }
      const big = events.find((e) => e.type === 'table-start' && e.table === 'big') as { estimatedRows: number; estimatedBytes: number };
      expect(big.estimatedRows).toBe(60000);
      expect(big.estimatedBytes).toBeGreaterThan(1_000_000);
      const never = events.find((e) => e.type === 'table-start' && e.table === 'never_analyzed') as { estimatedRows: number | null };
      expect(never.estimatedRows).toBeNull();
    });
  }

  it('CLI: --json-progress writes JSON lines; --progress off a terminal writes status lines; neither writes nothing', async () => {
    const json = await cli(['--json-progress', '-j', '2', src]);
    expect(json.code).toBe(0);
    const lines = json.stderr.trim().split('\n').map((l) => JSON.parse(l) as ProgressEvent & { elapsedMs: number });
    const done = lines.filter((l) => l.type === 'table-done') as { table: string; rows: number }[];
    expect(Object.fromEntries(done.map((d) => [`s.${d.table}`, d.rows]))).toEqual(counts);
    expect(lines.every((l) => typeof l.elapsedMs === 'number')).toBe(true);
    expect(json.stdout).toContain('COPY s.big');

    const shown = await cli(['--progress', src]);
    expect(shown.code).toBe(0);
    expect(shown.stderr).toMatch(/^pgdump-ts: +\d+% \d+\/4 tables /m);

    const quiet = await cli([src]);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    const off = await cli(['--no-progress', src]);
    expect(off.stderr).toBe('');
  });
});

describe('progress line', () => {
  it('percent by estimated size, rows, bytes, throughput and ETA', () => {
    const s = new ProgressState();
    const t0 = 1_000_000;
    s.update({ type: 'data-plan', tables: 2, estimatedBytes: 1000 }, t0);
    s.update({ type: 'table-start', schema: 'a', table: 'x', estimatedBytes: 800, estimatedRows: 100 }, t0);
    s.update({ type: 'table-progress', schema: 'a', table: 'x', rows: 50, bytes: 4 << 20 }, t0 + 1000);
    // x is half done by rows: 400 of 1000 estimated bytes.
    expect(s.line(t0 + 2000)).toBe(' 40% 0/2 tables 50 rows 4.0 MB 2.0 MB/s ETA 0:03  a.x');
    s.update({ type: 'table-done', schema: 'a', table: 'x', rows: 100, bytes: 8 << 20 }, t0 + 3000);
    s.update({ type: 'table-start', schema: 'a', table: 'y', estimatedBytes: 200, estimatedRows: null }, t0 + 3000);
    s.update({ type: 'table-progress', schema: 'a', table: 'y', rows: 7, bytes: 100 }, t0 + 3500);
    // y has no row estimate: by bytes, 100 of 200.
    expect(s.line(t0 + 4000)).toBe(' 90% 1/2 tables 107 rows 8.0 MB 2.0 MB/s ETA 0:00  a.y');
  });
});
