// The five-minute demo: an embedded PostgreSQL, a small shop database, a dump with pgdump-ts,
// a restore without psql, and a side-by-side check that the copy matches the original.
//
//   npm run demo                      # PostgreSQL 16
//   PG_DEMO_VERSION=18 npm run demo   # any of 13..18
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { dumpToFile, restorePlain } from '../src/index.js';
import { ALL_MAJORS, startServer, type TestServer } from '../test/servers/index.js';

// dist/demo/demo.js -> project root; the .sql file is not copied into dist/.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCHEMA_FILE = path.join(ROOT, 'demo/schema.sql');
const OUTPUT_DIR = path.join(ROOT, 'demo-output');
const DUMP_FILE = path.join(OUTPUT_DIR, 'demo.sql');
const SOURCE_DB = 'demo';
const TARGET_DB = 'demo_restored';

function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function recreateDatabase(server: TestServer, name: string): Promise<string> {
  await withClient(server.url('postgres'), async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE template0 ENCODING 'UTF8'`);
  });
  return server.url(name);
}

/** What the report compares: object counts, then per-table rows and content, then sequence positions. */
interface Snapshot {
  readonly values: Map<string, string>;
}

const OBJECT_COUNTS = `
  SELECT 'tables' AS k, count(*)::text AS v FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind = 'r'
  UNION ALL SELECT 'views', count(*)::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind = 'v'
  UNION ALL SELECT 'sequences', count(*)::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind = 'S'
  UNION ALL SELECT 'indexes', count(*)::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = 'public' AND c.relkind = 'i'
  UNION ALL SELECT 'constraints', count(*)::text FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
   WHERE n.nspname = 'public'
  UNION ALL SELECT 'functions', count(*)::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
   WHERE n.nspname = 'public'
  UNION ALL SELECT 'triggers', count(*)::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
   JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND NOT t.tgisinternal
  UNION ALL SELECT 'enum types', count(*)::text FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
   WHERE n.nspname = 'public' AND t.typtype = 'e'
  UNION ALL SELECT 'comments', count(*)::text FROM pg_description WHERE objoid >= 16384`;

async function snapshot(url: string): Promise<Snapshot> {
  return withClient(url, async (c) => {
    const values = new Map<string, string>();
    for (const r of (await c.query<{ k: string; v: string }>(OBJECT_COUNTS)).rows) values.set(r.k, r.v);
    const tables = await c.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
    );
    for (const { relname } of tables.rows) {
      const t = `public.${quoteIdent(relname)}`;
      const r = await c.query<{ n: string; h: string | null }>(
        `SELECT count(*)::text AS n, md5(string_agg(x::text, E'\\n' ORDER BY x::text)) AS h FROM ${t} AS x`,
      );
      values.set(`rows ${relname}`, r.rows[0]!.n);
      values.set(`content ${relname}`, (r.rows[0]!.h ?? 'empty').slice(0, 12));
    }
    const seqs = await c.query<{ sequencename: string; last_value: string | null }>(
      `SELECT sequencename, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
    );
    for (const s of seqs.rows) values.set(`last_value ${s.sequencename}`, s.last_value ?? 'not called');
    return { values };
  });
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} kB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function ms(t0: number): string {
  return `${Math.round(performance.now() - t0)} ms`;
}

/** Prints the side-by-side table; returns the keys that differ. */
function report(a: Snapshot, b: Snapshot): string[] {
  const keys = [...new Set([...a.values.keys(), ...b.values.keys()])];
  const w0 = Math.max(...keys.map((k) => k.length), 10);
  const w1 = Math.max(...[...a.values.values()].map((v) => v.length), SOURCE_DB.length);
  const w2 = Math.max(...[...b.values.values()].map((v) => v.length), TARGET_DB.length);
  const bad: string[] = [];
  console.log(`\n  ${''.padEnd(w0)}  ${SOURCE_DB.padStart(w1)}  ${TARGET_DB.padStart(w2)}`);
  for (const k of keys) {
    const va = a.values.get(k) ?? '-';
    const vb = b.values.get(k) ?? '-';
    const same = va === vb;
    if (!same) bad.push(k);
    console.log(`  ${k.padEnd(w0)}  ${va.padStart(w1)}  ${vb.padStart(w2)}  ${same ? 'ok' : 'MISMATCH'}`);
  }
  return bad;
}

async function main(): Promise<number> {
  const major = Number(process.env.PG_DEMO_VERSION ?? 16);
  if (!(ALL_MAJORS as readonly number[]).includes(major)) {
    console.error(`PG_DEMO_VERSION must be one of ${ALL_MAJORS.join(', ')}, not "${process.env.PG_DEMO_VERSION}"`);
    return 2;
  }
  // The demo is about running without any installed PostgreSQL: the embedded binaries, not Docker.
  process.env.PGDUMP_TEST_DOCKER ??= '0';

  console.log(`Starting PostgreSQL ${major} ...`);
  let t0 = performance.now();
  const server = await startServer(major);
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= server.stop().catch((e: unknown) => console.error(`could not stop the server: ${(e as Error).message}`)));
  const onSignal = () => {
    console.error('\ninterrupted: stopping the server');
    void stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    console.log(`  server ${server.versionNum} at ${server.host}:${server.port} (${ms(t0)})`);

    t0 = performance.now();
    const source = await recreateDatabase(server, SOURCE_DB);
    await withClient(source, (c) => c.query(readFileSync(SCHEMA_FILE, 'utf8')));
    console.log(`Loaded ${path.relative(process.cwd(), SCHEMA_FILE)} into "${SOURCE_DB}" (${ms(t0)})`);

    mkdirSync(OUTPUT_DIR, { recursive: true });
    t0 = performance.now();
    const dumped = await dumpToFile({ dbname: source, file: DUMP_FILE });
    const dumpTime = ms(t0);
    const size = statSync(DUMP_FILE).size;
    console.log(`Dumped "${SOURCE_DB}" with pgdump-ts: ${dumped.entries} entries, ${formatBytes(size)}, ${dumpTime}`);
    for (const w of dumped.warnings) console.log(`  warning: ${w}`);

    t0 = performance.now();
    const target = await recreateDatabase(server, TARGET_DB);
    const restored = await restorePlain({
      connection: target,
      input: DUMP_FILE,
      exitOnError: true,
      onNotice: () => undefined,
    });
    console.log(
      `Restored into "${TARGET_DB}" without psql: ${restored.statements} statements, ${restored.copiedRows} rows copied, ${ms(t0)}`,
    );

    const bad = report(await snapshot(source), await snapshot(target));
    console.log(`\nDump file: ${DUMP_FILE}`);
    if (bad.length || restored.errors) {
      console.error(`\nFAILED: ${bad.length} difference(s)${restored.errors ? `, ${restored.errors} restore error(s)` : ''}.`);
      return 1;
    }
    console.log('\nOK: the restored database matches the original.');
    return 0;
  } finally {
    await stop();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(`demo failed: ${(e as Error).message ?? String(e)}`);
    process.exitCode = 1;
  },
);
