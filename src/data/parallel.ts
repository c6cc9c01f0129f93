import type pg from 'pg';
import type { SessionOptions } from '../connection/session.js';
import type { ResolvedConnection } from '../connection/types.js';
import { DumpError } from '../errors.js';
import type { CopySource, TocEntry } from '../toc/toc.js';
import { copyOut } from './copy.js';
import { Prefetcher, type DataJob, type DataPiece, type PrefetchHooks } from './prefetch.js';
import { WorkerPool } from './workers.js';

/** Most pieces one table is cut into, however small the split size. */
const MAX_PIECES = 256;
const BLOCK = 8192;

export interface ParallelDataContext {
  readonly leader: pg.Client;
  readonly resolved: ResolvedConnection;
  readonly session: SessionOptions;
  readonly version: number;
  /** -j N: worker connections */
  readonly jobs: number;
  /** --split-tables-larger-than, in bytes */
  readonly splitBytes?: number;
  /** workers lock each table before reading it (NOWAIT unless --lock-wait-timeout is given) */
  readonly lockTables: boolean;
  readonly lockWaitTimeout?: string;
  /** the rows of a table on a worker connection, when not plain COPY (INSERTs); null for COPY */
  readonly openTable: ((src: CopySource, conn: pg.Client) => AsyncIterable<Buffer | string>) | null;
  /** appended to COPY statements (-E) */
  readonly copyClause: string;
  readonly hooks: PrefetchHooks;
  readonly signal?: AbortSignal;
}

export interface ParallelData {
  /** one table's bytes, in order */
  take(src: CopySource): AsyncIterable<Buffer>;
  /** stops all copies (cancelling server queries) */
  fail(e: Error): void;
  /** waits for the workers, removes spill files, ends the worker connections */
  close(ok: boolean): Promise<void>;
}

/** `SIZE` of --split-tables-larger-than: bytes, or a number with kB, MB, GB or TB (1024-based, as PostgreSQL's units). */
export function parseSize(spec: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(B|kB|KB|k|MB|M|GB|G|TB|T)?\s*$/i.exec(spec);
  if (!m) throw new DumpError('usage', `invalid size "${spec}": use bytes or a number with kB, MB, GB or TB (e.g. 1GB)`);
  const unit = (m[2] ?? 'B').toUpperCase()[0]!;
  const mult = { B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 }[unit]!;
  const n = Math.floor(Number(m[1]) * mult);
  if (n < BLOCK) throw new DumpError('usage', `size "${spec}" is too small to split tables by: use at least 8kB`);
  return n;
}

/** Page ranges [from, to) covering `pages`; the last is open-ended (null) so pages added since are still read. */
export function pageRanges(pages: number, splitBytes: number): { from: number; to: number | null }[] {
  const count = Math.min(MAX_PIECES, Math.max(1, Math.ceil((pages * BLOCK) / splitBytes)));
  const per = Math.ceil(pages / count);
  const out: { from: number; to: number | null }[] = [];
  for (let from = 0; from < pages; from += per) out.push({ from, to: from + per >= pages ? null : from + per });
  return out.length ? out : [{ from: 0, to: null }];
}

/** The SQL of one ctid range of a table's rows, in the order a plain COPY of the table gives them. */
export function rangeCopySql(relation: NonNullable<CopySource['relation']>, range: { from: number; to: number | null }): string {
  const conds: string[] = [];
  if (range.from > 0) conds.push(`ctid >= '(${range.from},0)'::pg_catalog.tid`);
  if (range.to !== null) conds.push(`ctid < '(${range.to},0)'::pg_catalog.tid`);
  const where = conds.length ? ` WHERE ${conds.join(' AND ')}` : '';
  return `COPY (SELECT ${relation.columns.join(', ')} FROM ONLY ${relation.name}${where}) TO STDOUT`;
}

/** The current size of each table to split, in one query (relpages may be stale). */
async function relationSizes(leader: pg.Client, oids: readonly number[]): Promise<Map<number, number>> {
  if (!oids.length) return new Map();
  const res = await leader.query<{ oid: string; bytes: string }>(
    `SELECT o::int8 AS oid, pg_catalog.pg_relation_size(o) AS bytes FROM pg_catalog.unnest($1::pg_catalog.oid[]) AS o`,
    [oids],
  );
  return new Map(res.rows.map((r) => [Number(r.oid), Number(r.bytes)]));
}

function lockError(e: unknown, src: CopySource, timeout: string | undefined): DumpError | null {
  const err = e as { code?: string; message?: string };
  if (err.code !== '55P03') return null;
  return new DumpError(
    'lock',
    `a worker could not lock table ${src.table}${timeout ? ` within --lock-wait-timeout ${timeout}` : ''}: another session requested a conflicting lock after the dump started; retry the dump${timeout ? ' or raise --lock-wait-timeout' : ', or give --lock-wait-timeout to wait for it'}`,
    { cause: e },
  );
}

/**
 * Starts copying every table of `toc` on `jobs` worker connections sharing the dump's
 * snapshot, largest first, tables above the split size as several ctid ranges.
 */
export async function startParallelData(toc: readonly TocEntry[], ctx: ParallelDataContext): Promise<ParallelData> {
  const sources = toc.flatMap((e) => (e.data?.kind === 'copy' ? [e.data] : []));
  // TID range scans (14+) read just the range; before that each range would scan the whole table.
  const canSplit = ctx.splitBytes !== undefined && ctx.version >= 140000 && ctx.openTable === null;
  const splitCandidates = canSplit
    ? sources.filter((s) => s.relation && s.object.relkind === 'r' && (s.object.accessMethod ?? 'heap') === 'heap')
    : [];
  const sizes = await relationSizes(ctx.leader, splitCandidates.map((s) => s.object.oid));
  const pool = await WorkerPool.open(ctx.leader, ctx.resolved, ctx.session, ctx.jobs, ctx.signal);
  try {
    // Ranges are read with TID range scans in block order: no parallel plan may reorder them.
    if (splitCandidates.length) await Promise.all(pool.clients.map((c) => c.query('SET LOCAL max_parallel_workers_per_gather = 0')));
  } catch (e) {
    await pool.close();
    throw e;
  }
  const lock = async (conn: pg.Client, src: CopySource) => {
    if (!ctx.lockTables || !src.relation) return;
    await conn.query(`LOCK TABLE ${src.relation.name} IN ACCESS SHARE MODE${ctx.lockWaitTimeout ? '' : ' NOWAIT'}`);
  };
  const jobs: DataJob[] = sources.map((src) => {
    const bytes = sizes.get(src.object.oid) ?? src.object.estimatedBytes;
    const open = (sql: string) => async function* (conn: pg.Client): AsyncGenerator<Buffer | string> {
      await lock(conn, src);
      yield* ctx.openTable ? ctx.openTable(src, conn) : copyOut(conn, sql + ctx.copyClause);
    };
    let pieces: DataPiece[];
    if (src.relation && sizes.has(src.object.oid) && bytes > ctx.splitBytes!) {
      const ranges = pageRanges(Math.ceil(bytes / BLOCK), ctx.splitBytes!);
      pieces = ranges.map((r) => ({ open: open(rangeCopySql(src.relation!, r)), estimatedBytes: bytes / ranges.length }));
    } else {
      pieces = [{ open: open(src.copyOut), estimatedBytes: bytes }];
    }
    return { source: src, pieces, estimatedBytes: bytes };
  });
  const hooks: PrefetchHooks = {
    ...ctx.hooks,
    error: (e, src) => lockError(e, src, ctx.lockWaitTimeout) ?? ctx.hooks.error(e, src),
  };
  const prefetch = new Prefetcher(pool, jobs, hooks);
  prefetch.start();
  return {
    take: (src) => prefetch.take(src),
    fail: (e) => prefetch.fail(e),
    close: async (ok) => {
      if (!ok) prefetch.fail(new DumpError('aborted', 'dump stopped'));
      await prefetch.close();
      await pool.close(ok);
    },
  };
}
