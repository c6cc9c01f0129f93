import type pg from 'pg';
import { cancelRunningQuery } from '../connection/cancel.js';
import { CopyOutReader, END_OF_COPY } from './copy-reader.js';

/** Rows the reader counted into each buffer copyOut yielded (progress reads this instead of scanning). */
const rowsByChunk = new WeakMap<Buffer, number>();

/** The rows copyOut counted for a buffer it yielded; undefined for any other buffer. */
export function copiedRows(b: Buffer): number | undefined {
  return rowsByChunk.get(b);
}

/**
 * Runs `COPY ... TO STDOUT` and yields the raw bytes in 16 kB-then-1 MB buffers: rows are never
 * parsed or re-encoded, so the bytes the server sends are the bytes the script carries (see
 * CopyOutReader). Returns the number of rows.
 */
export function copyOut(client: pg.Client, sql: string): AsyncGenerator<Buffer, number> {
  return new CopyBatch(client, [sql]).rows(0);
}

/**
 * One or several tables' `COPY ... TO STDOUT` sent as one query: the server runs them back to back,
 * so a dump of many small tables does not wait one round trip per table. The rows still
 * stream (nothing is held beyond the reader's few buffers), so `rows(i)` must be read in
 * order, each to its end, as the plain writer does; `abandon()` ends the batch early (on
 * failure), cancelling what the server is still sending.
 */
export class CopyBatch {
  private readonly reader: CopyOutReader;
  private nextIndex = 0;

  constructor(private readonly client: pg.Client, readonly statements: readonly string[]) {
    this.reader = new CopyOutReader(statements.join(';\n'), statements.length);
    void client.query(this.reader as unknown as pg.QueryConfig);
  }

  /** Whether statement `i` is the one to read next. */
  expects(i: number): boolean {
    return i === this.nextIndex && i < this.statements.length;
  }

  /** The rows of statement `i` (the next one); returns their count. */
  async *rows(i: number): AsyncGenerator<Buffer, number> {
    if (!this.expects(i)) throw new Error(`COPY batch: statement ${i} asked for, ${this.nextIndex} is next`);
    this.nextIndex++;
    // rows the reader counted for statements before this one (all ended: their END was read)
    let start = 0;
    for (let k = 0; k < i; k++) start += this.reader.rowsByStatement[k] ?? 0;
    const soFar = () => this.reader.rowsByStatement[i] ?? this.reader.rows - start;
    let counted = 0;
    let ended = false;
    try {
      for (let b = await this.reader.next(); b !== null && b !== END_OF_COPY; b = await this.reader.next()) {
        const now = soFar();
        rowsByChunk.set(b, now - counted);
        counted = now;
        yield b;
      }
      ended = true;
      return soFar();
    } finally {
      // Stopped early (failed write, abort): the connection may be the caller's and live on,
      // so the statements must end properly (abandon: cancel, and read until the server's error).
      if (!ended) await this.abandon();
    }
  }

  /** Whether every statement's rows have been asked for. */
  get consumed(): boolean {
    return this.nextIndex >= this.statements.length;
  }

  /** Stops the batch where it is: drops what is still coming and cancels the server's work. */
  async abandon(): Promise<void> {
    if (this.reader.settled) return;
    const settling = this.reader.discard(10_000);
    // Once the rows have ended there is nothing to cancel; a late cancel could hit the next query.
    if (!this.reader.rowsEnded) await cancelRunningQuery(this.client);
    await settling;
  }
}
