import type { ProgressEvent } from '../options.js';
import type { CopySource } from '../toc/toc.js';
import { copiedRows } from './copy.js';

/** Least time between two table-progress events of one table. */
const PROGRESS_INTERVAL_MS = 100;

/** Rows in a chunk of COPY text: every row ends with the one newline COPY does not escape. */
export function countRows(b: Buffer): number {
  let n = 0;
  let i = b.indexOf(10);
  while (i !== -1) {
    n++;
    i = b.indexOf(10, i + 1);
  }
  return n;
}

interface TableState {
  rows: number;
  bytes: number;
  piecesLeft: number;
  started: boolean;
  lastEmit: number;
}

/**
 * Turns the chunks the data path reads into table-start / table-progress / table-done events,
 * throttled per table. Costs nothing when nobody listens: the dump creates one only with an
 * onProgress callback. A table read in several pieces (ctid ranges on several workers) is one
 * table: it starts with its first piece and is done with its last.
 */
export class DataProgress {
  private readonly tables = new Map<CopySource, TableState>();

  constructor(private readonly emit: (e: ProgressEvent) => void) {}

  private state(src: CopySource, pieces: number): TableState {
    let s = this.tables.get(src);
    if (!s) {
      s = { rows: 0, bytes: 0, piecesLeft: pieces, started: false, lastEmit: 0 };
      this.tables.set(src, s);
    }
    return s;
  }

  /** Announces the tables whose data the dump will read. */
  plan(sources: readonly CopySource[]): void {
    let bytes = 0;
    for (const s of sources) bytes += s.object.estimatedBytes;
    this.emit({ type: 'data-plan', tables: sources.length, estimatedBytes: bytes });
  }

  /** A piece of `src` (one of `pieces`) starts. */
  start(src: CopySource, pieces = 1): void {
    const s = this.state(src, pieces);
    if (s.started) return;
    s.started = true;
    s.lastEmit = Date.now();
    const t = src.object;
    this.emit({ type: 'table-start', schema: t.schema ?? '', table: t.name, estimatedBytes: t.estimatedBytes, estimatedRows: t.estimatedRows ?? null });
  }

  chunk(src: CopySource, b: Buffer): void {
    const s = this.state(src, 1);
    s.bytes += b.length;
    s.rows += copiedRows(b) ?? countRows(b);
    const now = Date.now();
    if (now - s.lastEmit >= PROGRESS_INTERVAL_MS) {
      s.lastEmit = now;
      this.emit({ type: 'table-progress', schema: src.object.schema ?? '', table: src.object.name, rows: s.rows, bytes: s.bytes });
    }
  }

  /** A piece of `src` is done; the last one ends the table. */
  pieceDone(src: CopySource): void {
    const s = this.state(src, 1);
    if (--s.piecesLeft > 0) return;
    this.tables.delete(src);
    this.emit({ type: 'table-done', schema: src.object.schema ?? '', table: src.object.name, rows: s.rows, bytes: s.bytes });
  }

  /** The serial path: `rows` read on the dump's connection, reported as they pass. */
  async *tap(src: CopySource, rows: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer | string> {
    this.start(src);
    const it = rows[Symbol.asyncIterator]();
    let done = false;
    try {
      for (;;) {
        const r = await it.next();
        if (r.done) {
          done = true;
          // INSERT statements are not one per line (text values may hold newlines, several rows
          // may share a statement): their generator returns the exact row count.
          const total: unknown = r.value;
          if (typeof total === 'number') this.state(src, 1).rows = total;
          break;
        }
        this.chunk(src, typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : r.value);
        yield r.value;
      }
    } finally {
      if (!done) await it.return?.();
    }
    this.pieceDone(src);
  }
}
