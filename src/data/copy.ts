import type pg from 'pg';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import { cancelRunningQuery } from '../connection/cancel.js';

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
  let ended = false;
  try {
    yield* merged();
    ended = true;
  } finally {
    // Stopped early (failed write, abort): the connection may be the caller's and live on, so
    // the COPY must end properly: cancel it and read what is still coming until the server's
    // error. A destroyed copy stream would stop reading the socket, and the connection hang.
    if (!ended) await settleCopy(client, stream);
  }

  async function* merged(): AsyncGenerator<Buffer> {
    for await (const chunk of stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>) {
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
}

async function settleCopy(client: pg.Client, stream: Readable): Promise<void> {
  if (stream.readableEnded || stream.errored) return;
  stream.on('error', () => undefined);
  await cancelRunningQuery(client);
  stream.resume();
  // bounded: a connection that never answers is the caller's to deal with
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([finished(stream).catch(() => undefined), new Promise((r) => (timer = setTimeout(r, 10_000)))]);
  clearTimeout(timer);
}
