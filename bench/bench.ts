// npm run bench [-- --quick] [-- --runs N] [-- --only floor,wide,j2,split,progress,gzip,many,queries] [-- --serve]
// pgdump-ts and the real pg_dump side by side on generated databases: median wall time, CPU, peak RSS,
// output size and the ratio. See bench/README.md.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { dumpToStream } from '../src/index.js';
import { ensureMany, ensureWide, FEW, MANY, smallRows } from './generate.js';
import { measure, median, type Measurement } from './measure.js';
import { cacheDir, startBenchServer, type BenchServer } from './server.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CLI = path.resolve(here, '..', 'src', 'cli', 'pgdump.js');
const FLOOR = path.resolve(here, 'copy-floor.js');

interface Args { serve: boolean; quick: boolean; runs: number; only: Set<string> | undefined; major: number; rows: number }

function parseArgs(argv: string[]): Args {
  const quick = argv.includes('--quick');
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(flag + '='))?.slice(flag.length + 1);
  };
  const runs = Number(value('--runs') ?? 3);
  const only = value('--only');
  const rowsEnv = process.env.PGDUMP_BENCH_ROWS?.replace(/_/g, '');
  const rows = rowsEnv ? Number(rowsEnv) : quick ? 1_000_000 : 10_000_000;
  const major = Number(process.env.PGDUMP_BENCH_VERSION ?? 15);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a positive integer`);
  if (!Number.isInteger(rows) || rows < 1) throw new Error(`PGDUMP_BENCH_ROWS: expected a positive integer`);
  return { serve: argv.includes('--serve'), quick, runs, only: only ? new Set(only.split(',')) : undefined, major, rows };
}

const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

/** A pg_dump of the server's major: PGDUMP_BENCH_PG_DUMP, the system install for that major, or PATH. */
function findPgDump(major: number): string | undefined {
  const candidates = [process.env.PGDUMP_BENCH_PG_DUMP, `/usr/lib/postgresql/${major}/bin/pg_dump`, 'pg_dump'].filter(Boolean) as string[];
  for (const c of candidates) {
    try {
      const v = execFileSync(c, ['--version'], { encoding: 'utf8' });
      const m = /(\d+)(?:\.\d+)?/.exec(v.replace(/^[^)]*\)/, ''));
      if (m && Number(m[1]) === major) return c;
    } catch { /* next */ }
  }
  return undefined;
}

function mb(kb: number): string { return `${(kb / 1024).toFixed(0)} MB`; }
function bytes(n: number): string {
  return n >= 1e9 ? `${(n / 1e9).toFixed(2)} GB` : n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${(n / 1e3).toFixed(0)} kB`;
}
function s(x: number): string { return `${x.toFixed(2)} s`; }
function ratio(a: number, b: number): string { return Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a'; }

interface Summary { wallS: number; cpuS: number; maxRssKb: number; outBytes: number }

function summarise(ms: (Measurement & { outBytes: number })[]): Summary {
  return {
    wallS: median(ms.map((m) => m.wallS)),
    cpuS: median(ms.map((m) => m.cpuS)),
    maxRssKb: Math.max(...ms.map((m) => m.maxRssKb)),
    outBytes: ms[ms.length - 1]!.outBytes,
  };
}

const rows: string[][] = [];
const notes: string[] = [];

function addRow(name: string, ts: Summary | string, pgd: Summary | string | undefined): void {
  const cell = (x: Summary | string | undefined, f: (v: Summary) => string) => (typeof x === 'object' ? f(x) : x ?? 'n/a');
  const both = typeof ts === 'object' && typeof pgd === 'object';
  rows.push([
    name,
    cell(ts, (v) => s(v.wallS)), cell(pgd, (v) => s(v.wallS)), both ? ratio(ts.wallS, pgd.wallS) : '',
    cell(ts, (v) => s(v.cpuS)), cell(pgd, (v) => s(v.cpuS)), both ? ratio(ts.cpuS, pgd.cpuS) : '',
    cell(ts, (v) => mb(v.maxRssKb)), cell(pgd, (v) => mb(v.maxRssKb)),
    cell(ts, (v) => bytes(v.outBytes)), cell(pgd, (v) => bytes(v.outBytes)),
  ]);
}

function printTable(): void {
  const head = ['case', 'pgdump-ts wall', 'pg_dump wall', 'wall ratio', 'pgdump-ts CPU', 'pg_dump CPU', 'CPU ratio',
    'pgdump-ts RSS', 'pg_dump RSS', 'pgdump-ts out', 'pg_dump out'];
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => '| ' + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ') + ' |';
  console.log(line(head));
  console.log('|' + widths.map((w, i) => (i === 0 ? ':' + '-'.repeat(w + 1) : '-'.repeat(w + 1) + ':')).join('|') + '|');
  for (const r of rows) console.log(line(r));
  for (const n of notes) console.log(`\n${n}`);
}

/** Runs pgdump-ts and pg_dump alternately (alternating which goes first), `runs` times each. */
async function compare(name: string, runs: number, tsArgs: (out: string) => string[], pgArgs: ((out: string) => string[]) | undefined,
  pgDump: string | undefined): Promise<void> {
  const outDir = path.join(cacheDir(), 'out');
  fs.mkdirSync(outDir, { recursive: true });
  const one = async (cmd: string, args: (out: string) => string[], out: string) => {
    fs.rmSync(out, { recursive: true, force: true });
    const m = await measure(cmd, args(out));
    const size = fs.statSync(out).isDirectory()
      ? fs.readdirSync(out).reduce((a, f) => a + fs.statSync(path.join(out, f)).size, 0) : fs.statSync(out).size;
    return { ...m, outBytes: size };
  };
  const tsRuns: (Measurement & { outBytes: number })[] = [];
  const pgRuns: (Measurement & { outBytes: number })[] = [];
  for (let r = 0; r < runs; r++) {
    const order = r % 2 === 0 ? ['ts', 'pg'] : ['pg', 'ts'];
    for (const who of order) {
      if (who === 'ts') {
        const m = await one(process.execPath, (o) => [CLI, ...tsArgs(o)], path.join(outDir, 'pgdump-ts.out'));
        tsRuns.push(m);
        log(`  ${name} run ${r + 1} pgdump-ts: ${s(m.wallS)} wall, ${s(m.cpuS)} CPU, ${mb(m.maxRssKb)}, ${bytes(m.outBytes)}`);
      } else if (pgDump && pgArgs) {
        const m = await one(pgDump, pgArgs, path.join(outDir, 'pg_dump.out'));
        pgRuns.push(m);
        log(`  ${name} run ${r + 1} pg_dump:   ${s(m.wallS)} wall, ${s(m.cpuS)} CPU, ${mb(m.maxRssKb)}, ${bytes(m.outBytes)}`);
      }
    }
  }
  fs.rmSync(path.join(outDir, 'pgdump-ts.out'), { recursive: true, force: true });
  fs.rmSync(path.join(outDir, 'pg_dump.out'), { recursive: true, force: true });
  addRow(name, summarise(tsRuns), pgRuns.length ? summarise(pgRuns) : undefined);
}

/** Statements a run sends, counted from the server log under a role that has log_statement = all. */
async function countStatements(server: BenchServer, db: string, run: (url: string) => Promise<unknown>): Promise<number | undefined> {
  if (!server.logFile) return undefined;
  const admin = new pg.Client({ connectionString: server.url() });
  await admin.connect();
  try {
    await admin.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bench_logged') THEN CREATE ROLE bench_logged SUPERUSER LOGIN; END IF;
      END $$`);
    await admin.query(`ALTER ROLE bench_logged SET log_statement = 'all'`);
  } finally {
    await admin.end();
  }
  const before = fs.statSync(server.logFile).size;
  const u = new URL(server.url(db));
  u.username = 'bench_logged';
  await run(u.toString());
  await new Promise((r) => setTimeout(r, 300)); // let the server flush its log
  const fd = fs.openSync(server.logFile, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buf = Buffer.alloc(size - before);
    fs.readSync(fd, buf, 0, buf.length, before);
    return buf.toString('utf8').split('\n').filter((l) => /LOG: {2}(statement|execute [^:]*): /.test(l)).length;
  } finally {
    fs.closeSync(fd);
  }
}

class Discard extends Writable {
  override _write(_c: unknown, _e: BufferEncoding, cb: () => void): void { cb(); }
}

async function queryCounts(server: BenchServer, pgDump: string | undefined, dbs: { name: string; db: string }[]): Promise<void> {
  const lines: string[] = ['| database | pgdump-ts catalog queries (DumpResult.queries) | pgdump-ts statements (server log) | pg_dump statements (server log) | pgdump-ts in-process schema-only time |',
    '|:--|--:|--:|--:|--:|'];
  for (const { name, db } of dbs) {
    const t0 = performance.now();
    const result = await dumpToStream({ dbname: server.url(db), schemaOnly: true }, new Discard());
    const elapsed = (performance.now() - t0) / 1000;
    // Never `-f /dev/null`: pgdump-ts writes a temporary file and renames it over the target.
    const out = path.join(cacheDir(), 'out', 'count.sql');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const tsStatements = await countStatements(server, db, (url) => measure(process.execPath, [CLI, '-s', '-f', out, url]));
    const pgStatements = pgDump ? await countStatements(server, db, (url) => measure(pgDump, ['-s', '-f', out, '-d', url])) : undefined;
    fs.rmSync(out, { force: true });
    log(`  queries ${name}: ${result.queries} (catalog), ${tsStatements} / ${pgStatements} statements (pgdump-ts / pg_dump)`);
    lines.push(`| ${name} | ${result.queries} | ${tsStatements ?? 'n/a'} | ${pgStatements ?? 'n/a'} | ${s(elapsed)} |`);
  }
  notes.push(lines.join('\n'));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const want = (k: string) => !args.only || args.only.has(k);
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} missing: run npm run build`);
  log(`starting PostgreSQL ${args.major} (${process.env.PGDUMP_BENCH_URL ? 'PGDUMP_BENCH_URL' : `cached cluster in ${cacheDir()}`})`);
  const server = await startBenchServer(args.major, log);
  try {
    const pgDump = findPgDump(server.major);
    if (!pgDump) notes.push(`No pg_dump ${server.major} found (set PGDUMP_BENCH_PG_DUMP): pg_dump columns are n/a.`);
    const pgVersion = pgDump ? execFileSync(pgDump, ['--version'], { encoding: 'utf8' }).trim() : 'none';
    log(`server ${server.versionNum}, ${pgVersion}, node ${process.version}, ${args.runs} run(s) each`);

    const needWide = ['wide', 'floor', 'j2', 'split', 'progress', 'gzip'].some(want);
    const wide = needWide ? await ensureWide(server.url, args.rows, log) : undefined;
    const needMany = want('many') || want('queries');
    const many = needMany ? await ensureMany(server.url, MANY, log) : undefined;
    const few = want('queries') ? await ensureMany(server.url, FEW, log) : undefined;

    if (args.serve) {
      // Keep the server up for manual runs and profiling; Ctrl-C (SIGINT/SIGTERM) stops it.
      for (const db of [wide, many, few]) if (db) console.log(server.url(db));
      const keepAlive = setInterval(() => undefined, 1 << 30);
      await new Promise<void>((resolve) => { process.once('SIGINT', resolve); process.once('SIGTERM', resolve); });
      clearInterval(keepAlive);
      return;
    }

    if (wide && (want('floor') || want('wide'))) {
      // First: also warms the page cache for bigtable, so neither tool pays the cold read.
      for (const [reader, flag] of [['pg + pg-copy-streams', []], ['pgdump-ts CopyOutReader', ['--ours']]] as const) {
        const ms: Measurement[] = [];
        for (let r = 0; r < args.runs; r++) {
          const m = await measure(process.execPath, [FLOOR, ...flag, server.url(wide), 'public.bigtable']);
          ms.push(m);
          log(`  floor (${reader}) run ${r + 1}: ${s(m.wallS)} wall, ${s(m.cpuS)} CPU, ${mb(m.maxRssKb)}`);
        }
        const floor = summarise(ms.map((m) => ({ ...m, outBytes: Number(m.stdout.trim()) })));
        addRow(`floor: COPY bigtable (${(args.rows / 1e6).toLocaleString('en-US')}M rows) TO STDOUT → /dev/null (${reader})`, floor, '—');
      }
    }
    if (wide && want('wide')) {
      await compare(`${wide}: full plain dump to file (bigtable ${(args.rows / 1e6).toLocaleString('en-US')}M rows + 3 × ${(smallRows(args.rows) / 1e6).toLocaleString('en-US')}M)`, args.runs,
        (o) => ['-f', o, server.url(wide)], (o) => ['-f', o, '-d', server.url(wide)], pgDump);
    }
    const big = `bigtable ${(args.rows / 1e6).toLocaleString('en-US')}M rows + 3 × ${(smallRows(args.rows) / 1e6).toLocaleString('en-US')}M`;
    // Half of bigtable's size (COPY text ~200 B/row, on disk ~160 B/row): two ranges, one per worker.
    const split = `${Math.max(1, Math.round((args.rows * 160) / 2 / 2 ** 20))}MB`;
    const quarter = `${Math.max(1, Math.round((args.rows * 160) / 4 / 2 ** 20))}MB`;
    if (wide && want('j2')) {
      // Target: -j 2 plain at <= 0.7 of pg_dump's serial plain time (pg_dump cannot parallelise plain).
      await compare(`${wide}: -j 2 plain to file, vs serial pg_dump plain (${big})`, args.runs,
        (o) => ['-j', '2', '-f', o, server.url(wide)], (o) => ['-f', o, '-d', server.url(wide)], pgDump);
      await compare(`${wide}: -j 2 -F d -Z 0, vs pg_dump -Fd -j 2 -Z 0`, args.runs,
        (o) => ['-j', '2', '-Fd', '-Z', '0', '-f', o, server.url(wide)], (o) => ['-Fd', '-j', '2', '-Z', '0', '-f', o, '-d', server.url(wide)], pgDump);
    }
    if (wide && want('split')) {
      await compare(`${wide}: -j 2 --split-tables-larger-than ${split} plain, vs serial pg_dump plain`, args.runs,
        (o) => ['-j', '2', '--split-tables-larger-than', split, '-f', o, server.url(wide)], (o) => ['-f', o, '-d', server.url(wide)], pgDump);
      // A quarter: four ranges, so that neither worker sits idle while the other copies the last half.
      await compare(`${wide}: -j 2 --split-tables-larger-than ${quarter} plain, vs serial pg_dump plain`, args.runs,
        (o) => ['-j', '2', '--split-tables-larger-than', quarter, '-f', o, server.url(wide)], (o) => ['-f', o, '-d', server.url(wide)], pgDump);
      await compare(`${wide}: -j 2 --split-tables-larger-than ${split} -F d -Z 0, vs pg_dump -Fd -j 2 -Z 0`, args.runs,
        (o) => ['-j', '2', '--split-tables-larger-than', split, '-Fd', '-Z', '0', '-f', o, server.url(wide)],
        (o) => ['-Fd', '-j', '2', '-Z', '0', '-f', o, '-d', server.url(wide)], pgDump);
    }
    if (wide && want('progress')) {
      // Both sides are pgdump-ts: the "pg_dump" columns hold the run without progress.
      await compare(`${wide}: plain with --json-progress (pg_dump columns: pgdump-ts without progress)`, args.runs,
        (o) => ['--json-progress', '-f', o, server.url(wide)], (o) => [CLI, '--no-progress', '-f', o, server.url(wide)], process.execPath);
    }
    if (wide && want('gzip')) {
      await compare(`${wide}: plain -Z 6 (gzip) to file`, args.runs,
        (o) => ['-Z', '6', '-f', o, server.url(wide)], (o) => ['-Z', '6', '-f', o, '-d', server.url(wide)], pgDump);
    }
    if (many && want('many')) {
      await compare('many: schema-only plain dump to file (10,000 tables)', args.runs,
        (o) => ['-s', '-f', o, server.url(many)], (o) => ['-s', '-f', o, '-d', server.url(many)], pgDump);
      await compare('many: full plain dump to file (10,000 tables × 3 rows)', args.runs,
        (o) => ['-f', o, server.url(many)], (o) => ['-f', o, '-d', server.url(many)], pgDump);
    }
    if (many && few && want('queries')) {
      await queryCounts(server, pgDump, [{ name: `many (${MANY.tables} tables)`, db: many }, { name: `many_${FEW.tables} (${FEW.tables} tables)`, db: few }]);
    }
    console.log(`\npgdump-ts benchmark, ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ` +
      `${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, node ${process.version}, server ${server.versionNum}, ${pgVersion}; median of ${args.runs}\n`);
    printTable();
  } finally {
    await server.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
