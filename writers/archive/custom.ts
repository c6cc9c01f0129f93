import type { ByteOut } from './byte-out.js';
import { compressed } from './compress.js';
import type { ArchiveEntry } from './entries.js';
import {
  ArchiveEncoder,
  BLK_BLOBS,
  BLK_DATA,
  encodeInt,
  OFFSET_NO_DATA,
  OFFSET_POS_NOT_SET,
  OFFSET_POS_SET,
  oidAsInt,
  writeHeader,
  writeToc,
  type ArchiveHeader,
} from './format.js';
import { blobBytes, tableBytes, textEncoder, type ArchiveSources } from './sources.js';

/**
 * Data as the custom format stores it: length-prefixed chunks (of one zlib stream when
 * compressed), ended by a zero length.
 */
async function writeChunks(out: ByteOut, bytes: AsyncIterable<Buffer>, compression: number): Promise<void> {
  const chunks = compression === 0 ? bytes : compressed(bytes, 'deflate', compression);
  for await (const c of chunks) {
    if (!c.length) continue;
    await out.write(encodeInt(c.length));
    await out.write(c);
  }
  await out.write(encodeInt(0));
}

/**
 * The custom format: header, TOC, then one data block per data entry (table rows, or all the
 * large objects, each preceded by its OID and the list ended by OID 0). On a file the TOC is
 * rewritten at the end with each block's offset, which lets pg_restore seek straight to a block
 * (needed by -j and by out-of-order -L); the rewrite has the same length, since an offset is a
 * flag byte plus eight bytes whether it is set or not. On a pipe the offsets stay unset and
 * pg_restore finds blocks by reading through.
 */
export async function writeCustom(out: ByteOut, header: ArchiveHeader, entries: readonly ArchiveEntry[], sources: ArchiveSources): Promise<void> {
  const encode = textEncoder(sources);
  const head = new ArchiveEncoder(encode);
  writeHeader(head, { ...header, format: 'custom' });
  await out.write(head.bytes());

  const positions = new Map<number, number>();
  const toc = () => {
    const enc = new ArchiveEncoder(encode);
    writeToc(enc, entries, (e) => {
      const at = positions.get(e.dumpId);
      if (!e.hadDumper) enc.offset(OFFSET_NO_DATA, 0);
      else if (at === undefined) enc.offset(OFFSET_POS_NOT_SET, 0);
      else enc.offset(OFFSET_POS_SET, at);
    });
    return enc.bytes();
  };
  const tocAt = out.position;
  const first = toc();
  await out.write(first);

  for (const e of entries) {
    if (e.source) sources.onEntry?.(e.source);
    const data = e.data;
    if (!data) continue;
    positions.set(e.dumpId, out.position);
    if (data.kind === 'copy') {
      await out.write(Buffer.concat([Buffer.of(BLK_DATA), encodeInt(e.dumpId)]));
      await writeChunks(out, tableBytes(e, data, sources), header.compression);
    } else {
      await out.write(Buffer.concat([Buffer.of(BLK_BLOBS), encodeInt(e.dumpId)]));
      for (const oid of data.oids) {
        await out.write(encodeInt(oidAsInt(oid)));
        await writeChunks(out, blobBytes(e, oid, sources), header.compression);
      }
      await out.write(encodeInt(0));
    }
  }

  if (out.seekable) {
    const second = toc();
    if (second.length !== first.length) throw new Error('archive TOC changed length between writes');
    await out.overwrite(second, tocAt);
  }
  await out.flush();
}
