import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { Readable } from 'node:stream';

/**
 * Starts `COPY ... TO STDOUT` and returns the raw byte stream: rows are never parsed or
 * re-encoded, so the bytes the server sends are the bytes the script carries.
 */
export function copyOut(client: pg.Client, sql: string): Readable {
  return client.query(copyTo(sql));
}
