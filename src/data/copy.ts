import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';

/** Bytes gathered before handing data on: one write per ~1 MB instead of one per socket read. */
const MERGE_BYTES = 1 << 20;

/**
 * Runs `COPY ... TO STDOUT` and yields the raw bytes: rows are never parsed or re-encoded,
 * so the bytes the server sends are the bytes the script carries. Socket reads (~10 kB each)
 * are merged into ~1 MB buffers, which cuts the per-chunk cost of writing to a file or a
 * compressor by an order of magnitude while keeping memory bounded.
 */
export async function* copyOut(client: pg.Client, sql: string): AsyncGenerator<Buffer> {
  const stream = client.query(copyTo(sql));
  let parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    parts.push(chunk);
    size += chunk.length;
    if (size >= MERGE_BYTES) {
      yield parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
      parts = [];
      size = 0;
    }
  }
  if (size > 0) yield parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
}
