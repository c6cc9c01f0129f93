import type pg from 'pg';

/** Bytes read per round trip. */
const CHUNK = 256 * 1024;

/**
 * One large object's bytes, as archives store them: read with lo_get(oid, offset, length) inside
 * the dump's snapshot, one chunk at a time, so memory stays bounded whatever its size.
 */
export async function* largeObjectBytes(client: pg.Client, oid: number): AsyncGenerator<Buffer> {
  for (let offset = 0; ; offset += CHUNK) {
    const res = await client.query<{ chunk: Buffer }>('SELECT pg_catalog.lo_get($1::oid, $2::int8, $3::int4) AS chunk', [
      oid,
      offset,
      CHUNK,
    ]);
    const chunk = res.rows[0]!.chunk;
    if (chunk.length > 0) yield chunk;
    if (chunk.length < CHUNK) return;
  }
}
