// The library API against real servers: dump() as a stream and as a promise, dumpToFile's
// atomicity, events, caller-owned connections left as found, selection predicates, per-dump
// quoting rules, and the library's option checks giving the CLI's messages.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { dump, dumpAll, dumpToFile, dumpToStream, DumpError, type DumpOptions, type ProgressEvent } from '../src/index.js';
import { createDatabase, psqlString, query, urlWithDatabase } from './util/pg.js';
import { cli, dumpBackends, leftovers, waitFor } from './util/reliability.js';

const servers = inject('servers');
const work = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-library-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FIXTURE = `
CREATE SCHEMA tenant_a; CREATE SCHEMA tenant_b; CREATE SCHEMA shared;
CREATE TABLE shared.plans (id int PRIMARY KEY, name text);
INSERT INTO shared.plans SELECT g, 'plan ' || g FROM generate_series(1, 5) g;
CREATE TABLE tenant_a.customers (id serial PRIMARY KEY, name text NOT NULL, note text);
CREATE TABLE tenant_a.orders (id bigserial PRIMARY KEY, customer int REFERENCES tenant_a.customers, total numeric(12,2));
CREATE TABLE tenant_a.audit_log (at timestamptz DEFAULT now(), what text);
CREATE TABLE tenant_b.customers (id serial PRIMARY KEY, name text NOT NULL, note text);
CREATE TABLE tenant_b.orders (id bigserial PRIMARY KEY, customer int REFERENCES tenant_b.customers, total numeric(12,2));
INSERT INTO tenant_a.customers (name, note) SELECT 'a' || g, E'line1\\nline2 ' || g FROM generate_series(1, 300) g;
INSERT INTO tenant_a.orders (customer, total) SELECT 1 + g % 300, g * 1.5 FROM generate_series(1, 2500) g;
INSERT INTO tenant_a.audit_log (what) SELECT 'event ' || g FROM generate_series(1, 40) g;
INSERT INTO tenant_b.customers (name) SELECT 'b' || g FROM generate_series(1, 70) g;
INSERT INTO tenant_b.orders (customer, total) SELECT 1 + g % 70, g FROM generate_series(1, 900) g;
CREATE VIEW tenant_a.big_orders AS SELECT * FROM tenant_a.orders WHERE total > 100;
CREATE TABLE public."Select" ("from" int, "MixedCase" text);
INSERT INTO public."Select" VALUES (1, 'x'), (2, NULL);
-- ~2.5 MB, several pieces of table-progress
CREATE TABLE public.wide AS SELECT g AS id, repeat(md5(g::text), 8) AS pad FROM generate_series(1, 10000) g;
`;

/** Rows per table, from the server. */
async function serverCounts(url: string): Promise<Map<string, number>> {
  const tables = await query<{ s: string; t: string }>(url,
    `SELECT n.nspname AS s, c.relname AS t FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'`);
  const out = new Map<string, number>();
  for (const { s, t } of tables) {
    const [r] = await query<{ n: string }>(url, `SELECT count(*) AS n FROM "${s.replace(/"/g, '""')}"."${t.replace(/"/g, '""')}"`);
    out.set(`${s}.${t}`, Number(r!.n));
  }
  return out;
}

/** COPY blocks of a plain script: data lines and bytes per `COPY <name>` statement. */
function copyBlocks(script: string): { name: string; rows: number; bytes: number }[] {
  const out: { name: string; rows: number; bytes: number }[] = [];
  const re = /^COPY (\S+) \([^\n]*\) FROM stdin;\n([\s\S]*?)^\\\.\n/gm;
  for (let m = re.exec(script); m; m = re.exec(script)) {
    const body = m[2]!;
    out.push({ name: m[1]!, rows: body === '' ? 0 : body.split('\n').length - 1, bytes: Buffer.byteLength(body) });
  }
  return out;
}

function collect(): { stream: Writable; text: () => string } {
  const parts: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      parts.push(chunk);
      cb();
    },
  });
  return { stream, text: () => Buffer.concat(parts).toString('utf8') };
}

/** Settings a dump session changes with SET LOCAL, and whether a transaction is open, seen on one connection. */
const STATE_SQL = `SELECT pg_backend_pid() AS pid, current_setting('search_path') AS search_path,
  current_setting('extra_float_digits') AS efd, current_setting('DateStyle') AS datestyle,
  current_setting('lock_timeout') AS lock_timeout, current_setting('statement_timeout') AS statement_timeout,
  current_setting('row_security') AS row_security, current_setting('transaction_isolation') AS isolation,
  current_setting('transaction_read_only') AS read_only, current_user AS usr,
  now() = statement_timestamp() AS no_open_transaction,
  (SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND relation >= 16384) AS rel_locks`;

for (const server of servers) {
  describe(`PostgreSQL ${server.major}: library API`, () => {
    let db = '';
    beforeAll(async () => {
      db = await createDatabase(server.url, 'lib_api');
      await psqlString(db, FIXTURE);
      // Settings the caller's sessions start with, so "left as found" is not just "defaults".
      await query(server.url, `ALTER DATABASE lib_api SET extra_float_digits = 1`);
    });

    it('dump(): the stream and the awaited summary agree with each other and with the server', async () => {
      const sink = collect();
      const handle = dump({ dbname: db, restrictKey: 'K' });
      await pipeline(handle, sink.stream);
      const summary = await handle;
      expect(await handle.result).toBe(summary);
      const script = sink.text();
      expect(script).toMatch(/-- PostgreSQL database dump complete\n/);
      const blocks = copyBlocks(script);
      const counts = await serverCounts(db);
      // rows: the script's COPY lines, the server's count(*), the summary
      expect(summary.rows).toBe(blocks.reduce((n, b) => n + b.rows, 0));
      expect(summary.rows).toBe([...counts.values()].reduce((n, c) => n + c, 0));
      expect(summary.tables).toBe(counts.size);
      expect(summary.dataBytes).toBe(blocks.reduce((n, b) => n + b.bytes, 0));
      // objects by kind: the script's own "Type:" headers
      const headers = [...script.matchAll(/^-- (?:Data for )?Name: [^\n]*; Type: ([^;]+);/gm)].map((m) => m[1]!);
      const byKind: Record<string, number> = {};
      for (const h of headers) byKind[h] = (byKind[h] ?? 0) + 1;
      for (const [kind, n] of Object.entries(byKind)) expect(summary.objects[kind], kind).toBe(n);
      expect(summary.objects['TABLE']).toBe(counts.size);
      expect(summary.objects['TABLE DATA']).toBe(counts.size);
      expect(summary.objects['VIEW']).toBe(1);
      const [v] = await query<{ v: string }>(db, "SELECT current_setting('server_version') AS v");
      expect(summary.serverVersion).toBe(v!.v);
      expect(summary.durationMs).toBeGreaterThan(0);
      expect(summary.warnings).toEqual([]);
      // The same dump through dumpToFile is the same script.
      const file = path.join(work, `same-${server.major}.sql`);
      const fileSummary = await dumpToFile(file, { dbname: db, restrictKey: 'K' });
      expect(readFileSync(file, 'utf8')).toBe(script);
      expect({ ...fileSummary, durationMs: 0 }).toEqual({ ...summary, durationMs: 0 });
    });

    it('events: object, table-start/progress/done in order with monotonic counters; onProgress sees the same', async () => {
      const seen: ProgressEvent[] = [];
      const callback: ProgressEvent[] = [];
      const named: string[] = [];
      const handle = dump({ dbname: db, onProgress: (e) => callback.push(e) });
      handle.on('progress', (e) => seen.push(e));
      for (const name of ['object', 'table-start', 'table-progress', 'table-done', 'catalog'] as const) handle.on(name, () => named.push(name));
      handle.on('table-done', (e) => {
        // typed: rows and bytes are numbers on a table event
        const n: number = e.rows + e.bytes;
        expect(n).toBeGreaterThanOrEqual(0);
      });
      await pipeline(handle, collect().stream);
      const summary = await handle;
      expect(callback).toEqual(seen);
      expect(seen[0]!.type).toBe('catalog');
      const counts = await serverCounts(db);
      let open: { schema: string; table: string; rows: number; bytes: number } | null = null;
      const done = new Map<string, number>();
      for (const e of seen) {
        if (e.type === 'table-start') {
          expect(open).toBeNull();
          expect(e.estimatedBytes).toBeGreaterThanOrEqual(0);
          open = { schema: e.schema, table: e.table, rows: 0, bytes: 0 };
        } else if (e.type === 'table-progress' || e.type === 'table-done') {
          expect(open).not.toBeNull();
          expect([e.schema, e.table]).toEqual([open!.schema, open!.table]);
          expect(e.rows).toBeGreaterThanOrEqual(open!.rows);
          expect(e.bytes).toBeGreaterThanOrEqual(open!.bytes);
          open = { ...open!, rows: e.rows, bytes: e.bytes };
          if (e.type === 'table-done') {
            done.set(`${e.schema}.${e.table}`, e.rows);
            open = null;
          }
        } else if (e.type === 'entry') {
          // objects are written one at a time: never while a table's rows are being written
          expect(open).toBeNull();
        }
      }
      expect(open).toBeNull();
      expect(done).toEqual(counts);
      expect(named.filter((n) => n === 'object').length).toBe(summary.entries);
      expect(named.filter((n) => n === 'table-done').length).toBe(summary.tables);
      expect(named.filter((n) => n === 'catalog').length).toBe(1);
    });

    it('destroying the handle mid-table cancels the dump: rejects as aborted, no session left', async () => {
      const app = `lib-destroy-${server.major}`;
      const handle = dump({ dbname: db, applicationName: app });
      handle.on('table-start', () => handle.destroy());
      handle.resume();
      await expect(handle).rejects.toMatchObject({ code: 'aborted', name: 'AbortError', message: expect.stringMatching(/^dump cancelled while reading table /) });
      await waitFor('the session to end', async () => (await dumpBackends(db, app)).length === 0, 10_000, 20);
      // Aborted by its signal, awaited, and nobody listening to the stream's errors: a rejection, not a crash.
      const controller = new AbortController();
      const awaited = dump({ dbname: db, applicationName: app, signal: controller.signal });
      awaited.on('table-start', () => controller.abort());
      await expect(awaited).rejects.toMatchObject({ code: 'aborted' });
      expect(awaited.destroyed).toBe(true);
    });

    it('--inserts: rows counted from the statements', async () => {
      const handle = dump({ dbname: db, inserts: true, rowsPerInsert: 7, table: ['tenant_a.*'] });
      const sink = collect();
      await pipeline(handle, sink.stream);
      const s = await handle;
      const counts = await serverCounts(db);
      expect(s.rows).toBe(counts.get('tenant_a.customers')! + counts.get('tenant_a.orders')! + counts.get('tenant_a.audit_log')!);
      expect(s.tables).toBe(3);
    });

    it('a failed dump errors the stream and rejects; dumpToFile leaves no file and no temporary file', async () => {
      // A lock the dump cannot get within its lock_timeout.
      const blocker = new pg.Client({ connectionString: db });
      await blocker.connect();
      try {
        await blocker.query('BEGIN; LOCK TABLE tenant_b.orders IN ACCESS EXCLUSIVE MODE');
        const handle = dump({ dbname: db, lockWaitTimeout: '50ms' });
        const streamError = await new Promise<unknown>((resolve) => {
          handle.on('error', resolve);
          handle.resume();
        });
        expect(streamError).toBeInstanceOf(DumpError);
        expect((streamError as DumpError).code).toBe('lock');
        await expect(handle).rejects.toBe(streamError);
        const file = path.join(work, `locked-${server.major}.sql`);
        const e = await dumpToFile(file, { dbname: db, lockWaitTimeout: '50ms' }).catch((x: unknown) => x);
        expect((e as DumpError).code).toBe('lock');
        expect((e as DumpError).message).toContain('tenant_b.orders');
        expect(existsSync(file)).toBe(false);
        expect(leftovers(work, `locked-${server.major}`)).toEqual([]);
      } finally {
        await blocker.end();
      }
    });

    it("a caller's pg.Pool and pg.Client: used, and left as found (no transaction, settings, locks or listeners)", async () => {
      const pool = new pg.Pool({ connectionString: db, max: 1 });
      try {
        const before = (await pool.query(STATE_SQL)).rows[0];
        expect(before.efd).toBe('1');
        const sink = collect();
        const handle = dump({ connection: pool, restrictKey: 'K' });
        await pipeline(handle, sink.stream);
        const summary = await handle;
        // The same script as over a connection of its own.
        const own = collect();
        await pipeline(dump({ dbname: db, restrictKey: 'K', extraFloatDigits: 3 }), own.stream);
        expect(sink.text()).toBe(own.text());
        expect(summary.rows).toBeGreaterThan(0);
        const after = (await pool.query(STATE_SQL)).rows[0];
        expect(after).toEqual(before);
        expect(pool.totalCount).toBe(1);
        expect(pool.idleCount).toBe(1);

        // A dump that fails half-way (lock timeout inside its transaction) hands the connection back clean too.
        const blocker = new pg.Client({ connectionString: db });
        await blocker.connect();
        try {
          await blocker.query('BEGIN; LOCK TABLE tenant_b.orders IN ACCESS EXCLUSIVE MODE');
          await expect(dump({ connection: pool, lockWaitTimeout: '50ms' })).rejects.toMatchObject({ code: 'lock' });
        } finally {
          await blocker.end();
        }
        expect((await pool.query(STATE_SQL)).rows[0]).toEqual(before);
      } finally {
        await pool.end();
      }

      const client = new pg.Client({ connectionString: db });
      await client.connect();
      try {
        const before = (await client.query(STATE_SQL)).rows[0];
        const listeners = client.listenerCount('error');
        const summary = await dumpToFile(path.join(work, `client-${server.major}.sql`), { connection: client, table: ['shared.plans'] });
        expect(summary.rows).toBe(5);
        expect(client.getTransactionStatus()).toBe('I');
        expect((await client.query(STATE_SQL)).rows[0]).toEqual(before);
        expect(client.listenerCount('error')).toBe(listeners);
        // A client inside a transaction is refused, and its transaction left alone.
        await client.query('BEGIN');
        await expect(dumpToFile(path.join(work, `txn-${server.major}.sql`), { connection: client })).rejects.toMatchObject({ code: 'usage', message: expect.stringContaining('inside a transaction') });
        expect(client.getTransactionStatus()).toBe('T');
        await client.query('ROLLBACK');
      } finally {
        await client.end();
      }

      // A ClientConfig and a connection string: connections of the dump's own.
      const u = new URL(db);
      const viaConfig = await dumpToFile(path.join(work, `config-${server.major}.sql`), {
        connection: { host: u.hostname, port: Number(u.port), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) || undefined, database: 'lib_api' },
        table: ['shared.plans'],
      });
      expect(viaConfig.rows).toBe(5);
      const viaString = await dumpToFile(path.join(work, `string-${server.major}.sql`), { connection: db, table: ['shared.plans'] });
      expect(viaString.rows).toBe(5);
    });

    it("an application's own pg type parsers (global, or a borrowed pool's) do not change the dump", async () => {
      const reference = collect();
      await pipeline(dump({ dbname: db, restrictKey: 'K' }), reference.stream);
      const changed = [20, 21, 23, 26, 16, 1700, 1082, 1114, 1184, 114, 3802, 1007, 1009, 1028];
      const saved = changed.map((oid) => [oid, pg.types.getTypeParser(oid, 'text')] as const);
      // What applications do: int8 as BigInt, numeric as numbers, dates and json as text; and worse.
      pg.types.setTypeParser(20, (v: string) => BigInt(v));
      pg.types.setTypeParser(1700, (v: string) => Number(v));
      for (const oid of [1082, 1114, 1184, 114, 3802]) pg.types.setTypeParser(oid, (v: string) => v);
      for (const oid of [21, 23, 26, 16, 1007, 1009, 1028]) pg.types.setTypeParser(oid, (v: string) => `~${v}`);
      try {
        const global = collect();
        await pipeline(dump({ dbname: db, restrictKey: 'K' }), global.stream);
        expect(global.text()).toBe(reference.text());
      } finally {
        for (const [oid, parser] of saved) pg.types.setTypeParser(oid, parser);
      }
      const pool = new pg.Pool({ connectionString: db, max: 1, types: { getTypeParser: () => (v: string) => `~${v}` } as pg.CustomTypesConfig });
      try {
        const borrowed = collect();
        await pipeline(dump({ connection: pool, restrictKey: 'K' }), borrowed.stream);
        expect(borrowed.text()).toBe(reference.text());
      } finally {
        await pool.end();
      }
    });

    it('includeTable / includeSchema: applied after the patterns; the selected dump restores with exactly those tables', async () => {
      const offered: string[] = [];
      const file = path.join(work, `tenant-${server.major}.sql`);
      const summary = await dumpToFile(file, {
        dbname: db,
        excludeTable: ['tenant_a.audit_log'],
        includeSchema: (s) => s.name !== 'tenant_b',
        includeTable: (t) => {
          offered.push(`${t.schema}.${t.name}:${t.kind}`);
          return t.schema !== 'public';
        },
      });
      // Excluded by a pattern or by includeSchema: never offered.
      expect(offered.some((o) => o.startsWith('tenant_a.audit_log') || o.startsWith('tenant_b.'))).toBe(false);
      expect(offered).toContain('tenant_a.big_orders:view');
      expect(offered).toContain('tenant_a.orders_id_seq:sequence');
      expect(offered).toContain('public.wide:table');
      const target = await createDatabase(server.url, 'lib_api_tenant');
      await psqlString(target, readFileSync(file, 'utf8'));
      const restored = await serverCounts(target);
      expect([...restored.keys()].sort()).toEqual(['shared.plans', 'tenant_a.customers', 'tenant_a.orders']);
      const source = await serverCounts(db);
      for (const [t, n] of restored) expect(n, t).toBe(source.get(t));
      expect(summary.rows).toBe([...restored.values()].reduce((a, b) => a + b, 0));
      const views = await query<{ v: string }>(target, `SELECT schemaname || '.' || viewname AS v FROM pg_views WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`);
      expect(views.map((r) => r.v)).toEqual(['tenant_a.big_orders']);
      // A predicate that throws fails the dump with its message.
      await expect(dumpToFile(path.join(work, 'throws.sql'), { dbname: db, includeTable: () => { throw new Error('no tenant'); } }))
        .rejects.toMatchObject({ code: 'usage', message: 'the includeTable predicate threw: no tenant' });
    });

    it('two dumps at once keep their own quoting rules (--quote-all-identifiers in one only)', async () => {
      const alone = async (o: DumpOptions) => {
        const s = collect();
        await pipeline(dump(o), s.stream);
        return s.text();
      };
      const quoted = { dbname: db, restrictKey: 'K', quoteAllIdentifiers: true, schema: ['public'] };
      const plain = { dbname: db, restrictKey: 'K', schema: ['public'] };
      const [a, b] = await Promise.all([alone(quoted), alone(plain)]);
      expect(a).toContain('CREATE TABLE "public"."wide"');
      expect(b).toContain('CREATE TABLE public.wide');
      expect(b).toContain('CREATE TABLE public."Select"');
      expect(a).toBe(await alone(quoted));
      expect(b).toBe(await alone(plain));
    });

    it('dumping repeatedly into one stream leaves no listeners behind', async () => {
      const out = new PassThrough();
      out.resume();
      const base = out.listenerCount('error');
      for (let i = 0; i < 12; i++) await dumpToStream({ dbname: db, table: ['shared.plans'] }, out);
      expect(out.listenerCount('error')).toBe(base);
      expect(out.listenerCount('drain')).toBe(0);
    });

    it('dumpAll: no listener piles up across databases, none is left behind', async () => {
      const out = new PassThrough();
      out.resume();
      out.setMaxListeners(5);
      const warnings: string[] = [];
      const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
      process.on('warning', onWarning);
      let most = 0;
      try {
        const base = out.listenerCount('error');
        const r = await dumpAll({ dbname: server.url, excludeDatabase: ['lib_api_tenant'], onProgress: () => { most = Math.max(most, out.listenerCount('error')); } }, out);
        expect(r.databases.length).toBeGreaterThanOrEqual(3);
        expect(out.listenerCount('error')).toBe(base);
        expect(most).toBeLessThanOrEqual(base + 4);
      } finally {
        process.off('warning', onWarning);
      }
      expect(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning'))).toEqual([]);
    });
  });
}

describe('library option checks give the CLI\'s messages', () => {
  const server = servers[servers.length - 1]!;
  const db = urlWithDatabase(server.url, 'postgres');
  const cases: { args: string[]; options: DumpOptions; file?: string }[] = [
    { args: ['-s', '-a'], options: { schemaOnly: true, dataOnly: true } },
    { args: ['-c', '-a'], options: { clean: true, dataOnly: true } },
    { args: ['--if-exists'], options: { ifExists: true } },
    { args: ['--on-conflict-do-nothing'], options: { onConflictDoNothing: true } },
    { args: ['-a', '--no-data'], options: { dataOnly: true, noData: true } },
    { args: ['-s', '--no-schema'], options: { schemaOnly: true, noSchema: true } },
    { args: ['--statistics', '-a'], options: { statistics: true, dataOnly: true } },
    { args: ['-j', '2', '-F', 'c'], options: { jobs: 2, format: 'custom' } },
    { args: ['--section', 'middle'], options: { section: ['middle' as 'data'] } },
    { args: ['--restrict-key', 'not-alnum'], options: { restrictKey: 'not-alnum' } },
    { args: ['-Z', '12'], options: { compress: 12 } },
    { args: ['--extra-float-digits', '99'], options: { extraFloatDigits: 99 } },
    { args: ['--rows-per-insert', '0'], options: { rowsPerInsert: 0 } },
    { args: ['-F', 'd'], options: { format: 'directory' } },
    { args: ['-F', 't'], options: { format: 'tar' } },
    { args: ['-F', 't', '-Z', '5', '-f', path.join(work, 'x.tar')], options: { format: 'tar', compress: 5 }, file: path.join(work, 'x.tar') },
  ];
  for (const c of cases) {
    it(c.args.join(' '), async () => {
      const r = await cli([...c.args, db]);
      expect(r.code).toBe(2);
      const cliMessage = /^pgdump-ts: (?:error: )?(.*)$/m.exec(r.stderr)?.[1];
      expect(cliMessage).toBeTruthy();
      const run = c.file !== undefined ? dumpToFile(c.file, { ...c.options, dbname: db }) : dump({ ...c.options, dbname: db }).result;
      const e = await run.then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(DumpError);
      expect((e as DumpError).code).toBe('usage');
      // A flag's value the CLI's parser rejects carries commander's preamble before the same words.
      expect(cliMessage === (e as DumpError).message || cliMessage!.endsWith(`is invalid. ${(e as DumpError).message}`), `${cliMessage} / ${(e as DumpError).message}`).toBe(true);
    });
  }
});
