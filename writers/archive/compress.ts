import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflate, createGzip, constants as zlib } from 'node:zlib';

/** zlib's level for the archive's compression field (-1 = zlib's default). */
export function zlibLevel(compression: number): number {
  return compression < 0 ? zlib.Z_DEFAULT_COMPRESSION : compression;
}

/**
 * Pushes `source` through a zlib stream and yields what comes out, with backpressure both ways:
 * `deflate` for the custom format (one zlib stream per data block), `gzip` for the files of the
 * directory format.
 */
export async function* compressed(source: AsyncIterable<Buffer>, kind: 'deflate' | 'gzip', compression: number): AsyncGenerator<Buffer> {
  const level = zlibLevel(compression);
  const z = kind === 'gzip' ? createGzip({ level }) : createDeflate({ level });
  const pump = pipeline(Readable.from(source, { objectMode: false }), z);
  // A failing source destroys z, which ends the loop below with the error; keep it observed.
  pump.catch(() => undefined);
  for await (const chunk of z) yield chunk as Buffer;
  await pump;
}
