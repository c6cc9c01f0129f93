// Archive data streams from the file into the server with backpressure: pgrestore-ts's memory
// stays flat however large a table or large object is.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, inject, it } from 'vitest';
import { dumpToFile } from '../src/index.js';
import { createDatabase, psqlString, query } from './util/pg.js';
import { RESTORE_BIN } from './util/pgrestore.js';

const server = inject('servers')[0]!;

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

it(`restores a ~150 MB archive in bounded memory (PostgreSQL ${server.major})`, async () => {
  const src = await createDatabase(server.url, 'rstream_src');
  await psqlString(src, `CREATE TABLE big AS
    SELECT g AS id, repeat(md5(g::text), 6) || E'\\t' || repeat('é', 20) AS payload FROM generate_series(1, 600000) g;
    SELECT lo_from_bytea(0, convert_to(repeat(md5('x'), 1000000), 'UTF8'));`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-rstream-'));
  const archive = path.join(dir, 'big.custom');
  await dumpToFile({ dbname: src, file: archive, format: 'custom', compress: 0 });
  const size = statSync(archive).size;
  expect(size).toBeGreaterThan(150_000_000);
  const dst = await createDatabase(server.url, 'rstream_dst');
  const child = spawn(process.execPath, [RESTORE_BIN, '-d', dst, archive], { stdio: 'ignore' });
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssKb(child.pid!))), 25);
  const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? -1)));
  clearInterval(timer);
  expect(code).toBe(0);
  expect(await query(dst, `SELECT count(*)::int AS n, sum(length(payload))::bigint AS len FROM big`)).toEqual(
    await query(src, `SELECT count(*)::int AS n, sum(length(payload))::bigint AS len FROM big`),
  );
  expect(await query(dst, `SELECT md5(lo_get(oid)) AS h FROM pg_largeobject_metadata`)).toEqual(
    await query(src, `SELECT md5(lo_get(oid)) AS h FROM pg_largeobject_metadata`),
  );
  // Node itself needs ~50 MB; a restore that buffered the table would need more than the archive.
  expect(peak).toBeGreaterThan(0);
  expect(peak / 1024).toBeLessThan(160);
  rmSync(dir, { recursive: true, force: true });
  console.log(`restored ${(size / 1e6).toFixed(0)} MB with peak RSS ${(peak / 1024).toFixed(0)} MB`);
});
