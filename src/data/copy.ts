import type pg from 'pg';
import { cancelRunningQuery } from '../connection/cancel.js';
import { CopyOutReader } from './copy-reader.js';

/** Rows the reader counted into each buffer copyOut yielded (progress reads this instead of scanning). */
const rowsByChunk = new WeakMap<Buffer, number>();

/** The rows copyOut counted for a buffer it yielded; undefined for any other buffer. */
export function copiedRows(b: Buffer): number | undefined {
  return rowsByChunk.get(b);
}

/**
 * Runs `COPY ... TO STDOUT` and yields the raw bytes in ~1 MB buffers: rows are never parsed
 * or re-encoded, so the bytes the server sends are the bytes the script carries (see
 * CopyOutReader). Returns the number of rows.
 */
export async function* copyOut(client: pg.Client, sql: string): AsyncGenerator<Buffer, number> {
  const reader = new CopyOutReader(sql);
  void client.query(reader as unknown as pg.QueryConfig);
  let ended = false;
  try {
    let counted = 0;
    for (let b = await reader.next(); b !== null; b = await reader.next()) {
      // The reader may have parsed past this buffer; the counts still add up to the total,
      // since the last buffer is only handed over once the COPY is done.
      rowsByChunk.set(b, reader.rows - counted);
      counted = reader.rows;
      yield b;
    }
    ended = true;
    return reader.rows;
  } finally {
    // Stopped early (failed write, abort): the connection may be the caller's and live on, so
    // the COPY must end properly: cancel it and read what is still coming until the server's
    // error, dropping the rows.
    if (!ended && !reader.settled) {
      const settling = reader.discard(10_000);
      await cancelRunningQuery(client);
      await settling;
    }
  }
}
