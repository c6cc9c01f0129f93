import type pg from 'pg';
import { emitLargeObjectOpen, emitLargeObjectWrite, LARGE_OBJECT_CLOSE } from '../ddl/large-object.js';
import { largeObjectBytes } from './large-object-bytes.js';

/**
 * The psql-replayable contents of large objects: open, write in chunks (each becomes one
 * lowrite() line of twice its size in hex), close; read as archives read them, so memory stays
 * bounded whatever the objects' sizes.
 */
export async function* largeObjectScript(client: pg.Client, oids: readonly number[]): AsyncGenerator<string> {
  yield 'BEGIN;\n\n';
  for (const oid of oids) {
    yield emitLargeObjectOpen(oid);
    for await (const chunk of largeObjectBytes(client, oid)) yield emitLargeObjectWrite(chunk);
    yield LARGE_OBJECT_CLOSE;
  }
  yield 'COMMIT;\n';
}
