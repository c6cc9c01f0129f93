import type pg from 'pg';
import { connect } from '../connection/connect.js';
import { cancelRunningQuery } from '../connection/cancel.js';
import { beginDumpSession, type SessionOptions } from '../connection/session.js';
import type { ResolvedConnection } from '../connection/types.js';
import { DumpError } from '../errors.js';

/**
 * The snapshot workers import: the one given with --snapshot, else one the leader exports from
 * its open transaction (which it keeps open until the workers are done). Every supported
 * server (13+) exports snapshots, standbys included.
 */
export async function exportSnapshot(leader: pg.Client, given: string | undefined): Promise<string> {
  if (given) return given;
  try {
    const res = await leader.query<{ s: string }>('SELECT pg_catalog.pg_export_snapshot() AS s');
    return res.rows[0]!.s;
  } catch (e) {
    throw new DumpError(
      'query',
      `cannot export the dump's snapshot for parallel workers (-j): ${(e as Error).message}; dump without -j`,
      { cause: e },
    );
  }
}

/**
 * N connections, each in a read-only transaction on the leader's snapshot with the dump's
 * session settings (so COPY renders values exactly as the leader would), handed out one job
 * at a time. Unlike the catalog helpers these are not optional: -j N that cannot open N
 * connections fails, naming the reason, as pg_dump does.
 */
export class WorkerPool {
  private readonly free: pg.Client[];
  private readonly waiters: ((c: pg.Client) => void)[] = [];
  private readonly busy = new Set<pg.Client>();
  private closed = false;

  private constructor(readonly clients: readonly pg.Client[]) {
    this.free = [...clients];
  }

  static async open(
    leader: pg.Client,
    resolved: ResolvedConnection,
    session: SessionOptions,
    count: number,
    signal?: AbortSignal,
  ): Promise<WorkerPool> {
    const snapshot = await exportSnapshot(leader, session.snapshot);
    const opened = await Promise.allSettled(
      Array.from({ length: count }, async () => {
        const c = await connect(resolved);
        c.on('error', () => undefined);
        try {
          // A deferrable serializable transaction cannot import a snapshot; the snapshot is already safe.
          await beginDumpSession(c, { ...session, serializableDeferrable: false, snapshot });
          return c;
        } catch (e) {
          await c.end().catch(() => undefined);
          throw e;
        }
      }),
    );
    const clients = opened.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const failed = opened.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed || signal?.aborted) {
      await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
      if (signal?.aborted) throw new DumpError('aborted', 'dump cancelled while opening worker connections');
      const reason = failed!.reason as { message?: string };
      throw new DumpError(
        'connection',
        `cannot open ${count} worker connections for -j ${count}: ${reason.message ?? String(reason)}; use a smaller -j or raise max_connections`,
        { cause: failed!.reason },
      );
    }
    return new WorkerPool(clients);
  }

  get size(): number {
    return this.clients.length;
  }

  /** A free connection, waiting for one when all are busy. */
  acquire(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new DumpError('aborted', 'worker connections closed'));
    const c = this.free.pop();
    if (c) {
      this.busy.add(c);
      return Promise.resolve(c);
    }
    return new Promise((resolve) => this.waiters.push((c) => {
      this.busy.add(c);
      resolve(c);
    }));
  }

  release(c: pg.Client): void {
    this.busy.delete(c);
    const next = this.waiters.shift();
    if (next) next(c);
    else this.free.push(c);
  }

  /** Cancels what every busy worker is running on the server (abort, or another worker failed). */
  async cancelAll(): Promise<void> {
    await Promise.all([...this.busy].map((c) => cancelRunningQuery(c)));
  }

  /** Ends every connection: after a COMMIT when the dump succeeded, at once otherwise. */
  async close(commit = false): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(
      this.clients.map(async (c) => {
        if (commit) await c.query('COMMIT').catch(() => undefined);
        await c.end().catch(() => undefined);
      }),
    );
  }
}
