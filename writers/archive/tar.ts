import type { ByteOut } from './byte-out.js';
import type { ArchiveEntry } from './entries.js';
import { dataFileName } from './directory.js';
import { ArchiveEncoder, writeHeader, writeToc, type ArchiveHeader } from './format.js';
import { blobBytes, tableBytes, textEncoder, type ArchiveSources } from './sources.js';

const BLOCK = 512;

/** A tar number field: octal digits and a space, or base-256 with a leading 0x80 when too big. */
function tarNumber(h: Buffer, at: number, len: number, value: number): void {
  if (value < 2 ** ((len - 1) * 3)) {
    h.write(`${value.toString(8).padStart(len - 1, '0')} `, at, len, 'latin1');
    return;
  }
  let v = BigInt(value);
  for (let i = len - 1; i > 0; i--) {
    h[at + i] = Number(v & 0xffn);
    v >>= 8n;
  }
  h[at] = 0x80;
}

/** A ustar header for a regular file, laid out as pg_dump writes them. */
export function tarHeader(name: string, size: number, mtime: Date): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 99) throw new Error(`tar member name too long: ${name}`);
  const h = Buffer.alloc(BLOCK);
  nameBytes.copy(h, 0);
  tarNumber(h, 100, 8, 0o600);
  tarNumber(h, 108, 8, 0o4000);
  tarNumber(h, 116, 8, 0o2000);
  tarNumber(h, 124, 12, size);
  tarNumber(h, 136, 12, Math.floor(mtime.getTime() / 1000));
  h.write('0', 156, 'latin1');
  h.write('ustar', 257, 'latin1');
  h.write('00', 263, 'latin1');
  h.write('postgres', 265, 'latin1');
  h.write('postgres', 297, 'latin1');
  tarNumber(h, 329, 8, 0);
  tarNumber(h, 337, 8, 0);
  // the checksum counts its own field as eight spaces
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  tarNumber(h, 148, 8, sum);
  return h;
}

/**
 * Appends one member whose size is known only at its end: a header with size 0 first, then the
 * content and padding, then the header again at its place with the real size.
 */
async function member(out: ByteOut, name: string, bytes: AsyncIterable<Buffer>, mtime: Date): Promise<void> {
  const at = out.position;
  await out.write(tarHeader(name, 0, mtime));
  let size = 0;
  for await (const b of bytes) {
    size += b.length;
    await out.write(b);
  }
  const pad = (BLOCK - (size % BLOCK)) % BLOCK;
  if (pad) await out.write(Buffer.alloc(pad));
  await out.overwrite(tarHeader(name, size, mtime), at);
}

async function* once(b: Buffer): AsyncGenerator<Buffer> {
  yield b;
}

/**
 * The tar format: the directory format's files as members of one ustar archive, in the order
 * pg_restore reads them (toc.dat first, data in TOC order, each large object's blob_<oid>.dat and
 * then blobs.toc), plus `restore.sql`, a psql script for an extracted archive. Uncompressed:
 * pg_restore cannot read compressed tar members. The output must be seekable, since each
 * member's header is rewritten once its size is known.
 */
export async function writeTar(
  out: ByteOut,
  header: ArchiveHeader,
  entries: readonly ArchiveEntry[],
  sources: ArchiveSources,
  restoreSql: () => AsyncIterable<Buffer>,
): Promise<void> {
  if (!out.seekable) throw new Error('the tar format needs a seekable output file');
  const mtime = header.created;
  const enc = new ArchiveEncoder(textEncoder(sources));
  writeHeader(enc, { ...header, format: 'tar', compression: 0 });
  writeToc(enc, entries, (e) => enc.str(dataFileName(e)));
  await member(out, 'toc.dat', once(enc.bytes()), mtime);
  for (const e of entries) {
    if (e.source) sources.onEntry?.(e.source);
    const data = e.data;
    if (!data) continue;
    if (data.kind === 'copy') {
      await member(out, dataFileName(e), tableBytes(e, data, sources), mtime);
    } else {
      let list = '';
      for (const oid of data.oids) {
        await member(out, `blob_${oid}.dat`, blobBytes(e, oid, sources), mtime);
        list += `${oid} blob_${oid}.dat\n`;
      }
      await member(out, 'blobs.toc', once(Buffer.from(list, 'latin1')), mtime);
    }
  }
  await member(out, 'restore.sql', restoreSql(), mtime);
  await out.write(Buffer.alloc(BLOCK * 2));
  await out.flush();
}
