// Table data streams from the server to the output with backpressure: the dumper's memory
// stays flat however large the table is.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, inject, it } from 'vitest';
import { createDatabase, psqlString } from './util/pg.js';

const BIN = path.resolve('dist/src/cli/pgdump.js');
const server = inject('servers')[0]!;

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

it(`streams a ~250 MB table in bounded memory (PostgreSQL ${server.major})`, async () => {
  const db = await createDatabase(server.url, 'stream_big');
  await psqlString(db, `CREATE TABLE big AS
    SELECT g AS id, md5(g::text) || E'\\t' || repeat('é', 50) || E'\\n' || md5((g * 7)::text) AS payload, now() AS ts
      FROM generate_series(1, 1500000) g;`);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-stream-')), 'big.sql');
  const child = spawn(process.execPath, [BIN, '-f', file, db], { stdio: 'ignore' });
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssKb(child.pid!))), 25);
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? -1)));
  clearInterval(timer);
  expect(code).toBe(0);
  const size = statSync(file).size;
  expect(size).toBeGreaterThan(250_000_000);
  // Node itself needs ~50 MB; a dumper that buffered the table would need several times the file size.
  expect(peak).toBeGreaterThan(0);
  expect(peak / 1024).toBeLessThan(160);
  rmSync(path.dirname(file), { recursive: true, force: true });
  console.log(`dumped ${(size / 1e6).toFixed(0)} MB with peak RSS ${(peak / 1024).toFixed(0)} MB`);
});
