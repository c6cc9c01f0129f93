import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type pg from 'pg';
import type { CopySource } from '../toc/toc.js';
import { Spool, SpoolBudget } from './spool.js';
import type { WorkerPool } from './workers.js';

/** One COPY a worker runs: a whole table, or one ctid range of it. */
export interface DataPiece {
  /** the rows, read on the worker connection it is given */
  readonly open: (conn: pg.Client) => AsyncIterable<Buffer | string>;
  readonly estimatedBytes: number;
}

/** A table's data, as the pieces that make it up, in output order. */
export interface DataJob {
  readonly source: CopySource;
  readonly pieces: readonly DataPiece[];
  readonly estimatedBytes: number;
}

export interface PrefetchHooks {
  /** strings from the row source (INSERT statements) as the output's bytes */
  readonly encode: (s: string) => Buffer;
  /** the error the dump reports for a piece of `src` that failed */
  readonly error: (e: unknown, src: CopySource) => Error;
  /** called as each piece starts, for each chunk it copies, and when it is done */
  readonly onPieceStart?: (src: CopySource, piece: number, pieces: number) => void;
  readonly onChunk?: (src: CopySource, chunk: Buffer) => void;
  readonly onPieceDone?: (src: CopySource, piece: number) => void;
}

interface QueuedPiece {
  readonly job: DataJob;
  readonly index: number;
  readonly spool: Spool;
  /** taken by a worker (from the queue or the urgent list) */
  taken: boolean;
}

/**
 * Memory for data copied ahead of the writer, across all tables (PGDUMP_SPOOL_MEMORY bytes
 * overrides it, for tests of the spill path).
 */
export const DEFAULT_SPOOL_MEMORY = Number(process.env.PGDUMP_SPOOL_MEMORY ?? 8 << 20);

/**
 * Copies tables on the worker connections ahead of the writer, largest first, while the
 * writer takes each table's bytes in the order the output needs them. A table the writer
 * asks for that no worker has started moves to the front of the queue. Whatever is copied
 * ahead waits in memory up to a budget, then in spill files in a private temporary directory,
 * removed when the dump ends, fails or is cancelled.
 */
export class Prefetcher {
  private readonly queue: QueuedPiece[];
  private queueAt = 0;
  /** pieces of tables the writer is waiting for, taken before the queue */
  private readonly urgent: QueuedPiece[] = [];
  private readonly pieces = new Map<CopySource, QueuedPiece[]>();
  private readonly spools = new Map<CopySource, Spool[]>();
  private readonly budget: SpoolBudget;
  private tmpDir: string | null = null;
  private failure: Error | null = null;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly pool: WorkerPool,
    jobs: readonly DataJob[],
    private readonly hooks: PrefetchHooks,
    memory = DEFAULT_SPOOL_MEMORY,
    private readonly spillParent = os.tmpdir(),
  ) {
    this.budget = new SpoolBudget(memory, async () => {
      this.tmpDir ??= mkdtempSync(path.join(this.spillParent, 'pgdump-ts-spill-'));
      return this.tmpDir;
    });
    const queued: QueuedPiece[] = [];
    for (const job of jobs) {
      const spools = job.pieces.map(() => new Spool(this.budget));
      this.spools.set(job.source, spools);
      const mine = job.pieces.map((_, index) => ({ job, index, spool: spools[index]!, taken: false }));
      this.pieces.set(job.source, mine);
      queued.push(...mine);
    }
    // Largest tables first (pieces of one table in order), so the longest copy starts first.
    const order = new Map(jobs.map((j, i) => [j, i] as const));
    this.queue = queued.sort(
      (a, b) => b.job.estimatedBytes - a.job.estimatedBytes || order.get(a.job)! - order.get(b.job)! || a.index - b.index,
    );
  }

  /** Starts one copy loop per worker connection. */
  start(): void {
    this.loops = this.pool.clients.map(() => this.loop());
  }

  private async loop(): Promise<void> {
    for (;;) {
      if (this.failure) return;
      const next = this.next();
      if (!next) return;
      const conn = await this.pool.acquire().catch((e: unknown) => {
        this.fail(e as Error);
        return null;
      });
      if (!conn) return;
      const { job, index, spool } = next;
      try {
        this.hooks.onPieceStart?.(job.source, index, job.pieces.length);
        for await (const chunk of job.pieces[index]!.open(conn)) {
          const b = typeof chunk === 'string' ? this.hooks.encode(chunk) : chunk;
          if (!b.length) continue;
          this.hooks.onChunk?.(job.source, b);
          await spool.push(b);
        }
        spool.finish();
        this.hooks.onPieceDone?.(job.source, index);
      } catch (e) {
        this.fail(this.failure ?? this.hooks.error(e, job.source));
      } finally {
        this.pool.release(conn);
      }
    }
  }

  private next(): QueuedPiece | undefined {
    for (;;) {
      const p = this.urgent.length ? this.urgent.shift() : this.queue[this.queueAt++];
      if (!p) return undefined;
      if (p.taken) continue;
      p.taken = true;
      return p;
    }
  }

  /** Stops every copy: running queries are cancelled, readers get `e`. */
  fail(e: Error): void {
    if (this.failure) return;
    this.failure = e;
    this.queue.length = 0;
    this.urgent.length = 0;
    for (const spools of this.spools.values()) for (const s of spools) s.fail(e);
    void this.pool.cancelAll();
  }

  /** The bytes of one table's data, in order, as the workers copy them. */
  async *take(src: CopySource): AsyncGenerator<Buffer> {
    const spools = this.spools.get(src);
    if (!spools) throw new Error(`internal error: no parallel copy planned for ${src.table}`);
    // The writer waits for this table: its pieces that have not started go first.
    for (const p of this.pieces.get(src) ?? []) if (!p.taken) this.urgent.push(p);
    for (const s of spools) yield* s.read();
  }

  /** Waits for the copy loops (after a failure, for them to notice), then removes the spill directory. */
  async close(): Promise<void> {
    await Promise.allSettled(this.loops);
    if (this.tmpDir) rmSync(this.tmpDir, { recursive: true, force: true });
    this.tmpDir = null;
  }
}
