import type pg from 'pg';
import { cancelRunningQuery } from '../connection/cancel.js';
import { CopyOutReader } from './copy-reader.js';

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
    for (let b = await reader.next(); b !== null; b = await reader.next()) yield b;
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
