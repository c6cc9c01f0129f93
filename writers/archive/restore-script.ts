import { PassThrough } from 'node:stream';
import { encodingStream } from '../../src/output-encoding.js';
import type { TocEntry } from '../../src/toc/toc.js';
import { quoteLiteral } from '../../src/sql/quote.js';
import { PlainWriter, type PlainHeader } from '../plain.js';
import type { PlainScript } from '../plain-script.js';
import { Sink } from '../sink.js';

const NOTE = `--
-- NOTE:
--
-- File paths need to be edited. Search for $$PATH$$ and
-- replace it with the path to the directory containing
-- the extracted data files.
--
`;

/** A data entry as a statement reading the file the archive holds its data in. */
function fromFile(e: TocEntry): TocEntry {
  const prefix = e.defn ? `${e.defn}\n\n` : '';
  if (e.data?.kind === 'large-objects') {
    // The objects exist by now (their BLOB entries created them): fill each from its file.
    const fill = e.data.oids.map(
      (oid) => `SELECT pg_catalog.lo_put(${quoteLiteral(String(oid))}, 0, pg_catalog.pg_read_binary_file('$$PATH$$/blob_${oid}.dat'));`,
    );
    return { ...e, data: null, defn: `${prefix}${fill.join('\n')}` };
  }
  const file = `$$PATH$$/${e.dumpId}.dat`;
  const stmt = e.copyStmt?.replace(/ FROM stdin;\s*$/, () => ` FROM '${file}';`) ?? `\\i ${file}`;
  return { ...e, data: null, copyStmt: null, defn: `${prefix}${stmt}` };
}

/**
 * The tar format's `restore.sql`: the plain script of the same dump, with each table's data
 * read from its extracted file instead of inline. For people, not for pg_restore.
 */
export function restoreScript(
  entries: readonly TocEntry[],
  opts: { header: PlainHeader; script: PlainScript; encodeText: (s: string) => Buffer },
): AsyncIterable<Buffer> {
  const target = new PassThrough();
  const wrapped = encodingStream(target, { name: opts.header.encoding, encode: opts.encodeText });
  const writer = new PlainWriter(new Sink(wrapped.stream), {
    header: opts.header,
    script: opts.script,
    openData: () => {
      throw new Error('restore.sql has no inline data');
    },
  });
  (async () => {
    await new Sink(wrapped.stream).write(NOTE);
    await writer.write(entries.map((e) => (e.data ? fromFile(e) : e)));
    await wrapped.finish();
    target.end();
  })().catch((e: unknown) => target.destroy(e as Error));
  return target;
}
