import type pg from 'pg';
import type { CatalogClient } from '../../catalog/client.js';
import { PRISTINE_TYPES } from './pristine-types.js';

/** PGDUMP_TRACE_QUERIES=1: time every catalog query on stderr (for performance work). */
const TRACE_QUERIES = process.env.PGDUMP_TRACE_QUERIES === '1';

interface Lane {
  readonly client: pg.Client;
  /** queries queued or running on this connection */
  busy: number;
  /** the last queued query: pg runs one query per connection at a time, so we queue ourselves */
  tail: Promise<unknown>;
}

/**
 * What the catalog readers query through: counts queries (the count must not grow with the
 * number of objects), can trace them, and spreads concurrent queries over the dump's
 * connection and any helper connections that share its snapshot, so the server renders
 * definitions on several cores at once.
 */
export class CountingClient implements CatalogClient {
  count = 0;
  private readonly lanes: Lane[];

  constructor(client: pg.Client) {
    this.lanes = [{ client, busy: 0, tail: Promise.resolve() }];
  }

  /** Helper connections already inside a transaction on the dump's snapshot. */
  addHelpers(clients: readonly pg.Client[]): void {
    for (const client of clients) this.lanes.push({ client, busy: 0, tail: Promise.resolve() });
  }

  /** Queries that must run on the dump's own connection (locks, session state). */
  async queryLeader<T extends pg.QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.run(this.lanes[0]!, sql, params);
  }

  async query<T extends pg.QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    let lane = this.lanes[0]!;
    for (const l of this.lanes) if (l.busy < lane.busy) lane = l;
    return this.run(lane, sql, params);
  }

  private async run<T extends pg.QueryResultRow>(lane: Lane, sql: string, params?: readonly unknown[]): Promise<T[]> {
    this.count++;
    const n = this.count;
    lane.busy++;
    const turn = lane.tail.catch(() => undefined);
    const result = turn.then(() => {
      started = TRACE_QUERIES ? performance.now() : 0;
      // pg's default parsers, whatever the application set globally or on a borrowed client
      return lane.client.query<T>({ text: sql, values: params as unknown[] | undefined, types: PRISTINE_TYPES });
    });
    lane.tail = result;
    let started = 0;
    try {
      const res = await result;
      if (TRACE_QUERIES) {
        const ms = (performance.now() - started).toFixed(1);
        const which = this.lanes.indexOf(lane);
        process.stderr.write(`pgdump-ts: query ${n} [conn ${which}] ${ms} ms ${res.rows.length} rows: ${sql.replace(/\s+/g, ' ').slice(0, 90)}\n`);
      }
      return res.rows;
    } finally {
      lane.busy--;
    }
  }
}
