import type pg from 'pg';
import { emitLargeObjectOpen, emitLargeObjectWrite, LARGE_OBJECT_CLOSE } from '../ddl/large-object.js';

/** Bytes read per round trip; each becomes one lowrite() line of twice the size in hex. */
const CHUNK = 256 * 1024;

/**
 * The psql-replayable contents of large objects: open, write in chunks, close. Read with
 * lo_get(oid, offset, length) inside the dump's snapshot, one chunk at a time, so memory stays
 * bounded whatever the objects' sizes.
 */
export async function* largeObjectScript(client: pg.Client, oids: readonly number[]): AsyncGenerator<string> {
  yield 'BEGIN;\n\n';
  for (const oid of oids) {
    yield emitLargeObjectOpen(oid);
    for (let offset = 0; ; offset += CHUNK) {
      const res = await client.query<{ chunk: Buffer }>('SELECT pg_catalog.lo_get($1::oid, $2::int8, $3::int4) AS chunk', [
        oid,
        offset,
        CHUNK,
      ]);
      const chunk = res.rows[0]!.chunk;
      if (chunk.length > 0) yield emitLargeObjectWrite(chunk);
      if (chunk.length < CHUNK) break;
    }
    yield LARGE_OBJECT_CLOSE;
  }
  yield 'COMMIT;\n';
}
