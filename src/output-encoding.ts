import { Writable } from 'node:stream';
import type { CatalogClient } from '../catalog/client.js';
import { DumpError } from './errors.js';

/**
 * A script encoding other than UTF8 (-E). The connection stays UTF8, so catalog text arrives
 * intact; table data is converted by the server (COPY ... ENCODING, convert_to for INSERTs),
 * and the script's own text is encoded with a table of the characters it contains, converted
 * by the server once, so every encoding the server can convert to works.
 */
export interface OutputEncoding {
  /** canonical server name, e.g. LATIN1 */
  readonly name: string;
  encode(s: string): Buffer;
}

const ASCII = /^[\x00-\x7f]*$/;

/** The server's canonical name for an encoding name or alias; a usage error when it has none. */
export async function canonicalEncoding(client: CatalogClient, name: string): Promise<string> {
  const [row] = await client.query<{ name: string }>(
    'SELECT pg_catalog.pg_encoding_to_char(pg_catalog.pg_char_to_encoding($1)) AS name',
    [name],
  );
  if (!row?.name) throw new DumpError('usage', `invalid client encoding "${name}" specified`);
  return row.name;
}

/** Builds the encoder for `name`, covering every non-ASCII character in `texts`. */
export async function buildOutputEncoding(client: CatalogClient, name: string, texts: Iterable<string | null | undefined>): Promise<OutputEncoding> {
  const chars = new Set<string>();
  for (const t of texts) {
    if (!t || ASCII.test(t)) continue;
    for (const c of t) if (c.charCodeAt(0) > 0x7f) chars.add(c);
  }
  const table = new Map<string, Buffer>();
  if (chars.size) {
    try {
      const rows = await client.query<{ c: string; b: Buffer }>(
        'SELECT c, pg_catalog.convert_to(c, $1) AS b FROM pg_catalog.unnest($2::pg_catalog.text[]) AS c',
        [name, [...chars]],
      );
      for (const r of rows) table.set(r.c, r.b);
    } catch (e) {
      throw new DumpError('query', `cannot write the script in encoding ${name}: ${(e as Error).message}`, { cause: e });
    }
  }
  return {
    name,
    encode(s: string): Buffer {
      if (ASCII.test(s)) return Buffer.from(s, 'latin1');
      const parts: Buffer[] = [];
      let run = '';
      for (const c of s) {
        if (c.charCodeAt(0) <= 0x7f) {
          run += c;
          continue;
        }
        const b = table.get(c);
        if (!b) throw new DumpError('internal', `no ${name} encoding known for character U+${c.codePointAt(0)!.toString(16).toUpperCase()}`);
        if (run) parts.push(Buffer.from(run, 'latin1'));
        run = '';
        parts.push(b);
      }
      if (run) parts.push(Buffer.from(run, 'latin1'));
      return Buffer.concat(parts);
    },
  };
}

/**
 * A stream in front of `target` that encodes written strings; bytes pass through as they are.
 * `finish()` waits until everything written has reached `target`, which stays open.
 */
export function encodingStream(target: Writable, enc: OutputEncoding): { stream: Writable; finish(): Promise<void> } {
  const stream = new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, cb) {
      let buf: Buffer;
      try {
        buf = typeof chunk === 'string' ? enc.encode(chunk) : chunk;
      } catch (e) {
        cb(e as Error);
        return;
      }
      if (target.write(buf)) cb();
      else target.once('drain', () => cb());
    },
  });
  target.on('error', (e) => stream.destroy(e));
  return {
    stream,
    finish: () =>
      new Promise<void>((resolve, reject) => {
        stream.once('error', reject);
        stream.end(() => resolve());
      }),
  };
}
