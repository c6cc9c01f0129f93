import type pg from 'pg';
import type { SessionOptions } from './connection/session.js';
import type { ResolvedConnection } from './connection/types.js';
import { parseSize, startParallelData, type ParallelData } from './data/parallel.js';
import type { PrefetchHooks } from './data/prefetch.js';
import type { PreparedOutput } from './dump-output.js';
import { DumpError } from './errors.js';
import type { DumpOptions } from './options.js';
import type { CopySource, TocEntry } from './toc/toc.js';

/** -j and --split-tables-larger-than, checked before connecting. */
export function checkParallelOptions(options: DumpOptions): { jobs: number; splitBytes?: number } {
  const jobs = options.jobs ?? 1;
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 1024) {
    throw new DumpError('usage', `invalid number of parallel jobs ${String(options.jobs)}: -j must be in range 1..1024`);
  }
  if (jobs > 1 && (options.format === 'custom' || options.format === 'tar')) {
    throw new DumpError('usage', 'parallel backup only supported by the directory format and plain scripts: use -F d or -F p with -j');
  }
  const split = options.splitTablesLargerThan;
  if (split === undefined) return { jobs };
  if (jobs < 2) throw new DumpError('usage', '--split-tables-larger-than needs parallel workers: give -j 2 or more');
  const splitBytes = typeof split === 'number' ? split : parseSize(split);
  if (!Number.isFinite(splitBytes) || splitBytes < 8192) {
    throw new DumpError('usage', `invalid --split-tables-larger-than ${String(split)}: use at least 8kB`);
  }
  return { jobs, splitBytes };
}

export interface ParallelStart {
  readonly client: pg.Client;
  /** null when the dump runs on a connection the caller gave (a pg.Client, pg.Pool or ClientConfig) */
  readonly resolved: ResolvedConnection | null;
  readonly session: SessionOptions;
  readonly version: number;
  readonly options: DumpOptions;
  readonly prepared: PreparedOutput;
  readonly errorFor: (e: unknown, what: string) => Error;
  readonly hooks?: Pick<PrefetchHooks, 'onPieceStart' | 'onChunk' | 'onPieceDone'>;
}

/** Starts the -j workers when the dump has table data to copy; null otherwise. */
export async function startParallel(toc: readonly TocEntry[], ctx: ParallelStart): Promise<ParallelData | null> {
  const { jobs, splitBytes } = checkParallelOptions(ctx.options);
  if (jobs < 2 || !toc.some((e) => e.data?.kind === 'copy')) return null;
  if (!ctx.resolved) {
    throw new DumpError('usage', 'jobs > 1 needs connection settings the dump can open its workers from (dbname or a connection string), not a pg.Client, pg.Pool or ClientConfig');
  }
  const encoder = ctx.prepared.encoder ?? null;
  const openTable = ctx.prepared.openTable;
  return startParallelData(toc, {
    leader: ctx.client,
    resolved: ctx.resolved,
    session: ctx.session,
    version: ctx.version,
    jobs,
    splitBytes,
    lockTables: !ctx.options.noTableLocks,
    lockWaitTimeout: ctx.options.lockWaitTimeout,
    openTable: openTable ? (src: CopySource, conn: pg.Client) => openTable(src, conn) : null,
    copyClause: ctx.prepared.copyClause,
    signal: ctx.options.signal,
    hooks: {
      ...ctx.hooks,
      encode: (s) => (encoder ? encoder.encode(s) : Buffer.from(s, 'utf8')),
      error: (e, src) => ctx.errorFor(e, `reading table ${src.table}`),
    },
  });
}
