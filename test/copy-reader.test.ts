// copyOut (CopyOutReader) against real servers: the bytes equal what psql's COPY TO STDOUT
// prints; a row larger than the output buffers; an error raised mid-COPY rejects with the
// server's message and leaves the connection usable; notices raised inside the COPY reach the
// client's 'notice' event; a consumer that stops early cancels the COPY and the connection is
// usable afterwards, with no COPY left running; a backend terminated mid-COPY rejects instead
// of hanging.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { copyOut } from '../src/data/copy.js';
import { createDatabase, psqlBytes, psqlString } from './util/pg.js';

const servers = inject('servers');

async function drain(gen: AsyncGenerator<Buffer, number>): Promise<{ bytes: Buffer; rows: number }> {
  const parts: Buffer[] = [];
  for (;;) {
    const r = await gen.next();
    if (r.done) return { bytes: Buffer.concat(parts), rows: r.value };
    parts.push(r.value);
  }
}

describe.each(servers)('PostgreSQL $major: COPY TO STDOUT through CopyOutReader', (server) => {
  let db = '';
  let client: pg.Client;
  const notices: string[] = [];

  beforeAll(async () => {
    db = await createDatabase(server.url, 'copy_reader');
    await psqlString(db, `
      CREATE TABLE mixed AS
        SELECT g AS id,
               CASE g % 5 WHEN 0 THEN NULL ELSE E'tab\\there\\nnew line \\\\ back' || repeat('ü€😀', g % 7) END AS t,
               (g * 1.5)::numeric AS n, ('\\x' || md5(g::text))::bytea AS b, g % 2 = 0 AS f
        FROM generate_series(1, 20000) g;
      CREATE TABLE huge (id int, v text);
      INSERT INTO huge VALUES (1, repeat('abcdefghij', 350000)), (2, 'small'), (3, repeat('z', 2100000));
      CREATE FUNCTION noisy(i int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'row %', i; RETURN i; END $$;`);
    client = new pg.Client({ connectionString: db });
    client.on('notice', (n) => notices.push(n.message ?? ''));
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
  });

  it('gives the bytes psql gives, and the row count', async () => {
    for (const [sql, rows] of [
      ['COPY public.mixed TO STDOUT', 20000],
      ['COPY public.huge TO STDOUT', 3],
      ['COPY (SELECT * FROM public.mixed WHERE false) TO STDOUT', 0],
    ] as const) {
      const ours = await drain(copyOut(client, sql));
      const theirs = await psqlBytes(db, sql);
      expect(ours.bytes.equals(theirs), sql).toBe(true);
      expect(ours.rows).toBe(rows);
    }
  });

  it('rejects with the server error raised mid-COPY, and the connection goes on', async () => {
    await expect(drain(copyOut(client, 'COPY (SELECT 1 / (15000 - g) FROM generate_series(1, 20000) g) TO STDOUT'))).rejects.toThrow(
      'division by zero',
    );
    await expect(drain(copyOut(client, 'COPY public.nosuch TO STDOUT'))).rejects.toThrow('does not exist');
    expect((await client.query('SELECT 41 + 1 AS x')).rows[0].x).toBe(42);
  });

  it('passes notices raised inside the COPY to the client', async () => {
    notices.length = 0;
    const r = await drain(copyOut(client, 'COPY (SELECT public.noisy(g) FROM generate_series(1, 3) g) TO STDOUT'));
    expect(r.bytes.toString()).toBe('1\n2\n3\n');
    expect(notices).toEqual(['row 1', 'row 2', 'row 3']);
  });

  it('a consumer that stops early cancels the COPY; the connection is usable and idle', async () => {
    const gen = copyOut(client, 'COPY (SELECT g, repeat(\'x\', 200) FROM generate_series(1, 5000000) g) TO STDOUT');
    const first = await gen.next();
    expect(first.done).toBe(false);
    await gen.return(0);
    expect((await client.query('SELECT 1 AS one')).rows[0].one).toBe(1);
    const pid = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
    const other = new pg.Client({ connectionString: db });
    await other.connect();
    try {
      const act = await other.query('SELECT query FROM pg_stat_activity WHERE pid = $1', [pid]);
      expect(act.rows[0].query).not.toMatch(/^COPY/);
    } finally {
      await other.end();
    }
  });

  it('a backend terminated mid-COPY rejects the consumer instead of hanging', async () => {
    const victim = new pg.Client({ connectionString: db });
    victim.on('error', () => undefined);
    await victim.connect();
    const pid = (await victim.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
    const gen = copyOut(victim, 'COPY (SELECT g, repeat(\'y\', 200) FROM generate_series(1, 5000000) g) TO STDOUT');
    await gen.next();
    await client.query('SELECT pg_terminate_backend($1)', [pid]);
    await expect(drain(gen)).rejects.toThrow(/terminat/);
    await victim.end().catch(() => undefined);
  });
});
