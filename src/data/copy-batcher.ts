import type pg from 'pg';
import type { CopySource } from '../toc/toc.js';
import { CopyBatch, copyOut } from './copy.js';

/** COPY statements sent together at most (the query string stays small). */
const BATCH_STATEMENTS = 64;

/**
 * Opens the tables' rows for a writer that reads them one after the other, in `sources`
 * order, each to its end (the plain script): the COPYs of the next tables go to the server as
 * one query (CopyBatch), so 10,000 small tables cost ~160 round trips instead of 10,000. A
 * table asked for out of that order gets its own COPY (after the batch is abandoned), and so
 * does every table after it.
 */
export class CopyBatcher {
  private readonly index = new Map<CopySource, number>();
  private batch: CopyBatch | null = null;
  private batchStart = 0;
  private outOfOrder = false;

  constructor(private readonly client: pg.Client, private readonly sources: readonly CopySource[]) {
    sources.forEach((s, i) => this.index.set(s, i));
  }

  async *open(src: CopySource): AsyncGenerator<Buffer, number> {
    const i = this.index.get(src);
    if (i === undefined) return yield* copyOut(this.client, src.copyOut);
    if (this.batch?.expects(i - this.batchStart)) return yield* this.batch.rows(i - this.batchStart);
    // Asked for out of order while a batch still had tables to give: the reader does not
    // follow `sources`, so batches would only be started and cancelled; one COPY each from now on.
    if (this.batch && !this.batch.consumed) this.outOfOrder = true;
    await this.abandon();
    if (this.outOfOrder) return yield* copyOut(this.client, src.copyOut);
    // A run of plain table COPYs (not an extension table's filtered rows, not a foreign
    // table's): the writer opens them in this order, with nothing else on the connection between.
    const statements: string[] = [];
    for (let k = i; k < this.sources.length && statements.length < BATCH_STATEMENTS && this.sources[k]!.relation; k++) {
      statements.push(this.sources[k]!.copyOut);
    }
    if (statements.length <= 1) return yield* copyOut(this.client, src.copyOut);
    this.batch = new CopyBatch(this.client, statements);
    this.batchStart = i;
    return yield* this.batch.rows(0);
  }

  /** Ends a batch still running (the dump failed, or a table was asked for out of order). */
  async abandon(): Promise<void> {
    const b = this.batch;
    this.batch = null;
    await b?.abandon();
  }
}
