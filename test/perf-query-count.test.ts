// The number of statements a dump sends does not grow with the number of objects: the catalog is
// read set-based, never per object. Two databases of the same shape, 100 and 2,000 tables.
import { PassThrough } from 'node:stream';
import pg from 'pg';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { dumpToStream } from '../src/index.js';
import type { DumpOptions, DumpResult } from '../src/options.js';
import { dropDatabase, query } from './util/pg.js';
import { createScaledDatabase } from './util/scaled-db.js';

const servers = inject('servers');

/**
 * Every statement sent by any pg.Client of this process while `fn` runs (the dump's own
 * connection and any helpers), as a wrapper around pg.Client#query: it sees what the dump's
 * CountingClient sees and also what bypasses it.
 */
async function countingStatements<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text?: string } | undefined;
    statements.push(typeof q === 'string' ? q : (q?.text ?? '<stream>'));
    return original.apply(this, args);
  };
  try {
    return { result: await fn(), statements };
  } finally {
    proto.query = original;
  }
}

async function dumpCounting(url: string, opts: Partial<DumpOptions>): Promise<{ result: DumpResult; statements: string[] }> {
  const out = new PassThrough();
  out.resume();
  return countingStatements(() => dumpToStream({ dbname: url, ...opts }, out));
}

describe.each(servers.map((s) => [s.major, s] as const))('query count on PostgreSQL %i', (major, server) => {
  let small = '';
  let large = '';
  beforeAll(async () => {
    small = await createScaledDatabase(server.url, 'qcount_100', { tables: 100 });
    large = await createScaledDatabase(server.url, 'qcount_2000', { tables: 2000 });
    // The shapes are what the test claims: 20x the tables, each with a primary key, a check and
    // (but the first of each of the 4 schemas) a foreign key.
    const [s] = await query<{ t: number; c: number; v: number; f: number; q: number }>(small, COUNTS);
    const [l] = await query<{ t: number; c: number; v: number; f: number; q: number }>(large, COUNTS);
    expect(s).toEqual({ t: 100, c: 296, v: 20, f: 20, q: 4 });
    expect(l).toEqual({ t: 2000, c: 5996, v: 400, f: 400, q: 100 });
    return async () => {
      await dropDatabase(server.url, 'qcount_100');
      await dropDatabase(server.url, 'qcount_2000');
    };
  });

  it('schema-only: the same statements for 100 and 2,000 tables', async () => {
    const a = await dumpCounting(small, { schemaOnly: true });
    const b = await dumpCounting(large, { schemaOnly: true });
    expect(b.result.entries).toBeGreaterThan(a.result.entries * 15);
    expect(b.result.queries).toBe(a.result.queries);
    expect(b.statements.length).toBe(a.statements.length);
    // A bounded number, not a handful per object.
    expect(a.statements.length).toBeLessThan(100);
    console.log(`PostgreSQL ${major}: ${a.result.queries} catalog queries, ${a.statements.length} statements (100 and 2,000 tables)`);
  });

  it('full dump: the same catalog queries; the COPY of each table sent once, 64 to a statement', async () => {
    const a = await dumpCounting(small, {});
    const b = await dumpCounting(large, {});
    expect(b.result.queries).toBe(a.result.queries);
    const isCopy = (s: string) => /^\s*COPY /i.test(s);
    const copyStatements = (x: { statements: string[] }) => x.statements.filter(isCopy);
    // the COPYs inside them, one per table, each table once
    const tablesCopied = (x: { statements: string[] }) =>
      copyStatements(x).flatMap((s) => s.split(';\n').map((c) => /^COPY (\S+)/.exec(c.trim())?.[1] ?? '?'));
    for (const [x, n] of [[a, 100], [b, 2000]] as const) {
      const tables = tablesCopied(x);
      expect(tables.length).toBe(n);
      expect(new Set(tables).size).toBe(n);
      // the server runs up to 64 at once: one round trip per 64 tables, not per table
      expect(copyStatements(x).length).toBe(Math.ceil(n / 64));
    }
    expect(b.statements.length - copyStatements(b).length).toBe(a.statements.length - copyStatements(a).length);
  });
});

const COUNTS = `SELECT
  (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 's_' AND c.relkind = 'r') AS t,
  (SELECT count(*)::int FROM pg_constraint k JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname LIKE 's_' AND k.contype IN ('p', 'f', 'c')) AS c,
  (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 's_' AND c.relkind = 'v') AS v,
  (SELECT count(*)::int FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname LIKE 's_') AS f,
  (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname LIKE 's_' AND c.relkind = 'S') AS q`;
