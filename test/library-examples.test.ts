// examples/: every example type-checks (the S3 one only that: it needs object storage), and
// the ones that need only PostgreSQL run against a real server, compiled, importing
// 'pgdump-ts' by name as an application would (package self-reference to the built dist).
// Also: the API reference builds with every public symbol documented.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, psqlString, query } from './util/pg.js';

const exec = promisify(execFile);
const servers = inject('servers');
const server = servers[servers.length - 1]!;
const root = path.resolve('.');
const work = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-examples-'));
const built = (name: string) => path.join(root, 'dist/examples', `${name}.js`);
let db = '';

const FIXTURE = `
CREATE SCHEMA internal; CREATE SCHEMA archive_2020;
CREATE TABLE plans (id int PRIMARY KEY, name text);
INSERT INTO plans VALUES (1, 'free'), (2, 'pro');
CREATE TABLE t_acme_orders (id int PRIMARY KEY, plan int REFERENCES plans, total numeric);
CREATE TABLE t_globex_orders (id int PRIMARY KEY, plan int REFERENCES plans, total numeric);
INSERT INTO t_acme_orders SELECT g, 1 + g % 2, g FROM generate_series(1, 30) g;
INSERT INTO t_globex_orders SELECT g, 1, g FROM generate_series(1, 12) g;
CREATE TABLE internal.jobs (id int); INSERT INTO internal.jobs VALUES (1);
CREATE TABLE archive_2020.t_acme_orders (id int); INSERT INTO archive_2020.t_acme_orders VALUES (1);
`;

async function tables(url: string): Promise<Record<string, number>> {
  const rows = await query<{ t: string }>(url, `SELECT n.nspname || '.' || c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast' ORDER BY 1`);
  const out: Record<string, number> = {};
  for (const { t } of rows) {
    const [s, n] = t.split('.');
    out[t] = Number((await query<{ n: string }>(url, `SELECT count(*) AS n FROM "${s}"."${n}"`))[0]!.n);
  }
  return out;
}

beforeAll(async () => {
  // Compiles examples/ into dist/examples (type-checking them, the S3 one included).
  await exec(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'examples/tsconfig.json'], { cwd: root });
  db = await createDatabase(server.url, 'lib_examples');
  await psqlString(db, FIXTURE);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('examples', () => {
  it('type-check (all four compiled)', () => {
    for (const name of ['s3-backup', 'nightly-backup', 'tenant-export', 'vitest-global-setup']) expect(existsSync(built(name)), name).toBe(true);
  });

  it('nightly-backup: a gzip\'d, restorable backup per run; rotation keeps the newest', async () => {
    const dir = path.join(work, 'nightly');
    rmSync(dir, { recursive: true, force: true });
    await exec('mkdir', ['-p', dir]);
    // Three nights through the module, then one through the command line.
    const driver = `import { nightlyBackup } from ${JSON.stringify(built('nightly-backup'))};
      for (const day of [1, 2, 3]) await nightlyBackup({ dbname: process.argv[1], dir: process.argv[2], keep: 3, name: 'app', now: new Date(Date.UTC(2026, 0, day, 2)) });`;
    await exec(process.execPath, ['--input-type=module', '-e', driver, db, dir]);
    expect(readdirSync(dir).sort()).toEqual(['app-2026-01-01T02-00-00Z.sql.gz', 'app-2026-01-02T02-00-00Z.sql.gz', 'app-2026-01-03T02-00-00Z.sql.gz']);
    const { stdout } = await exec(process.execPath, [built('nightly-backup'), db, dir, '2']);
    expect(stdout).toMatch(/lib_examples-\d{4}-.*\.sql\.gz: 5 tables, 46 rows in \d+ ms; removed 0 old backups/);
    // The command-line run named its file after the database: its own rotation group.
    expect(readdirSync(dir).filter((f) => f.startsWith('app-')).length).toBe(3);
    await exec(process.execPath, ['--input-type=module', '-e', driver.replace('keep: 3', 'keep: 2'), db, dir]);
    const left = readdirSync(dir).filter((f) => f.startsWith('app-')).sort();
    expect(left).toEqual(['app-2026-01-02T02-00-00Z.sql.gz', 'app-2026-01-03T02-00-00Z.sql.gz']);
    const restored = await createDatabase(server.url, 'lib_examples_nightly');
    await psqlString(restored, gunzipSync(readFileSync(path.join(dir, left[1]!))).toString('utf8'));
    expect(await tables(restored)).toEqual(await tables(db));
    // A failing night: exit code of the error, one line, no file.
    const bad = await exec(process.execPath, [built('nightly-backup'), `${db}_missing`, dir]).then(() => null, (e: { code: number; stderr: string }) => e);
    expect(bad?.code).toBe(3);
    expect(bad?.stderr.trim().split('\n')).toHaveLength(1);
    expect(readdirSync(dir).some((f) => f.includes('missing'))).toBe(false);
  });

  it('tenant-export: the shared tables and the tenant\'s own, nothing else', async () => {
    const file = path.join(work, 'acme.sql');
    const { stdout } = await exec(process.execPath, [built('tenant-export'), db, 'acme', file]);
    expect(stdout.trim()).toBe(`${file}: 2 tables, 32 rows`);
    const restored = await createDatabase(server.url, 'lib_examples_acme');
    await psqlString(restored, readFileSync(file, 'utf8'));
    expect(await tables(restored)).toEqual({ 'public.plans': 2, 'public.t_acme_orders': 30 });
  });

  it('vitest-global-setup: the database is put back as it was, whatever happened in between', async () => {
    const before = await tables(db);
    const driver = `import setup from ${JSON.stringify(built('vitest-global-setup'))};
      import pg from 'pg';
      const teardown = await setup();
      const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await c.connect();
      await c.query('DROP TABLE t_globex_orders; DELETE FROM t_acme_orders WHERE id > 3; CREATE TABLE scratch (x int)');
      await c.end();
      await teardown();`;
    const { stdout } = await exec(process.execPath, ['--input-type=module', '-e', driver], { cwd: root, env: { ...process.env, TEST_DATABASE_URL: db } });
    expect(stdout).toContain('snapshot of lib_examples: 5 tables, 46 rows');
    expect(await tables(db)).toEqual(before);
  });

  it('npm run docs: the API reference builds, every public symbol documented', async () => {
    const out = path.join(work, 'api');
    await exec(process.execPath, [path.join(root, 'node_modules/typedoc/bin/typedoc'), '--out', out], { cwd: root });
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    for (const name of ['dump', 'dumpToFile', 'dumpAll', 'DumpHandle', 'DumpOptions']) expect(index).toContain(name);
    expect(existsSync(path.join(out, 'interfaces/DumpOptions.html'))).toBe(true);
    expect(readFileSync(path.join(out, 'interfaces/DumpOptions.html'), 'utf8')).toContain('includeTable');
  });
});
