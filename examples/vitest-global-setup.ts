// A Vitest global setup that snapshots a test database before the run and puts it back
// afterwards, whatever the tests did to it. In vitest.config.ts:
//
//   export default defineConfig({ test: { globalSetup: ['examples/vitest-global-setup.ts'] } });
//
// with TEST_DATABASE_URL naming the database (its server must let the user create databases).
// The snapshot is a plain SQL script kept in memory; restore drops the database, creates it
// again and replays the script with restorePlain (no psql needed).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import pg from 'pg';
import { dump, restorePlain, type DumpResult } from 'pgdump-ts';

function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/** The database's script, in memory (fine for test databases; use dumpToFile for big ones). */
export async function snapshot(url: string): Promise<{ script: Buffer; summary: DumpResult }> {
  const parts: Buffer[] = [];
  const handle = dump({ dbname: url });
  await pipeline(handle, new Writable({
    write(chunk: Buffer, _enc, cb) {
      parts.push(chunk);
      cb();
    },
  }));
  return { script: Buffer.concat(parts), summary: await handle };
}

/** Drops the database (closing its sessions), creates it empty and replays the script into it. */
export async function restore(url: string, script: Buffer): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0`);
  } finally {
    await client.end();
  }
  const r = await restorePlain({ connection: url, input: Readable.from([script]), exitOnError: true });
  if (r.errors > 0) throw new Error(`restoring ${name}: ${r.errors} statements failed`);
}

/** Vitest's globalSetup contract: runs once before all test files; the returned function after them. */
export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('set TEST_DATABASE_URL');
  const { script, summary } = await snapshot(url);
  console.log(`snapshot of ${new URL(url).pathname.slice(1)}: ${summary.tables} tables, ${summary.rows} rows`);
  return () => restore(url, script);
}
