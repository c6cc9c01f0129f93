import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FileOut } from './byte-out.js';
import { compressed } from './compress.js';
import type { CopySource } from '../../src/toc/toc.js';
import type { ArchiveEntry } from './entries.js';
import { ArchiveEncoder, writeHeader, writeToc, type ArchiveHeader } from './format.js';
import { blobBytes, tableBytes, textEncoder, type ArchiveSources } from './sources.js';

/** The name the TOC gives an entry's data: `<dumpId>.dat`, `blobs.toc` for large objects. */
export function dataFileName(e: ArchiveEntry): string {
  if (!e.data) return '';
  return e.data.kind === 'large-objects' ? 'blobs.toc' : `${e.dumpId}.dat`;
}

async function writeFile(file: string, bytes: AsyncIterable<Buffer>, sync: boolean): Promise<void> {
  // 0666 less the umask, as pg_dump creates its files
  const handle = await fs.open(file, 'w', 0o666);
  try {
    const out = new FileOut(handle);
    for await (const b of bytes) await out.write(b);
    await out.flush();
    if (sync) await handle.sync();
  } finally {
    await handle.close();
  }
}

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}

/**
 * The directory format, into `dir` (which exists and is empty): one file per table's data and
 * per large object, gzip-compressed each (with a `.gz` suffix the TOC does not name) unless
 * the compression is 0; `blobs.toc` lists the large objects as `<oid> blob_<oid>.dat` lines;
 * `toc.dat` holds the header and the TOC, whose entries name their data file.
 */
export async function writeDirectory(
  dir: string,
  header: ArchiveHeader,
  entries: readonly ArchiveEntry[],
  sources: ArchiveSources,
  opts: { readonly sync: boolean },
): Promise<void> {
  const gz = header.compression !== 0;
  const suffix = gz ? '.gz' : '';
  const content = (bytes: AsyncIterable<Buffer>) => (gz ? compressed(bytes, 'gzip', header.compression) : bytes);
  const parallel = Math.max(1, sources.parallel ?? 1);
  const tables: { e: ArchiveEntry; data: CopySource }[] = [];
  const writeTable = (e: ArchiveEntry, data: CopySource) =>
    writeFile(path.join(dir, dataFileName(e) + suffix), content(tableBytes(e, data, sources)), opts.sync);
  for (const e of entries) {
    if (e.source) sources.onEntry?.(e.source);
    const data = e.data;
    if (!data) continue;
    if (data.kind === 'copy') {
      if (parallel > 1) tables.push({ e, data });
      else await writeTable(e, data);
    } else {
      let list = '';
      for (const oid of data.oids) {
        const name = `blob_${oid}.dat`;
        await writeFile(path.join(dir, name + suffix), content(blobBytes(e, oid, sources)), opts.sync);
        list += `${oid} ${name}\n`;
      }
      await writeFile(path.join(dir, 'blobs.toc'), once(Buffer.from(list, 'latin1')), opts.sync);
    }
  }
  if (tables.length) {
    // Largest first, `parallel` files at a time; the first failure stops the others from starting.
    tables.sort((a, b) => b.data.object.estimatedBytes - a.data.object.estimatedBytes);
    let next = 0;
    let failed = false;
    const lane = async () => {
      while (!failed && next < tables.length) {
        const { e, data } = tables[next++]!;
        try {
          await writeTable(e, data);
        } catch (err) {
          failed = true;
          throw err;
        }
      }
    };
    const lanes = await Promise.allSettled(Array.from({ length: Math.min(parallel, tables.length) }, lane));
    const failure = lanes.find((l): l is PromiseRejectedResult => l.status === 'rejected');
    if (failure) throw failure.reason;
  }
  const enc = new ArchiveEncoder(textEncoder(sources));
  // pg_dump marks a directory's toc.dat as tar, so an extracted tar archive reads as a directory.
  writeHeader(enc, { ...header, format: 'tar' });
  writeToc(enc, entries, (e) => enc.str(dataFileName(e)));
  await writeFile(path.join(dir, 'toc.dat'), once(enc.bytes()), opts.sync);
}
