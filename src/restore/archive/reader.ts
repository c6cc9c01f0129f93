// Reads pg_dump archives (custom, directory, tar; archive versions 1.12 to 1.16) the way
// pg_restore does: the header, the TOC, and each entry's data streamed in bounded chunks.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { createGunzip, createInflate } from 'node:zlib';
import { Readable } from 'node:stream';
import { DumpError } from '../../errors.js';
import { FileCursor } from './cursor.js';
import { indexTar, type TarMember } from './tar-index.js';

export type ArchiveKind = 'custom' | 'directory' | 'tar';
export type Compression = 'none' | 'gzip' | 'lz4' | 'zstd';

const MIN_VERSION = 11200; // 1.12: separate BLOB entries
const MAX_VERSION = 11600;
const FORMAT_BYTE: Record<number, ArchiveKind | undefined> = { 1: 'custom', 3: 'tar', 5: 'directory' };
const ALGORITHMS: Compression[] = ['none', 'gzip', 'lz4', 'zstd'];

export interface TocItem {
  dumpId: number;
  hadDumper: boolean;
  tableoid: number;
  oid: number;
  tag: string;
  desc: string;
  section: number;
  defn: string | null;
  dropStmt: string | null;
  copyStmt: string | null;
  namespace: string | null;
  tablespace: string | null;
  tableam: string | null;
  relkind: number;
  owner: string | null;
  deps: number[];
  /** custom: where the data block is (flag 2) or that it must be searched for (flag 1) */
  dataState: number;
  dataPos: number;
  /** directory and tar: the data file's name */
  filename: string | null;
}

export interface ArchiveInfo {
  kind: ArchiveKind;
  /** what the header says the archive is: 1 custom, 3 tar (pg_dump marks directories as tar too) */
  formatByte: number;
  version: [number, number, number];
  intSize: number;
  offSize: number;
  /** the header's compression: a zlib level before 1.15 (-1 default), else 0 */
  level: number;
  compression: Compression;
  /** the creation time as pg_dump recorded it: local broken-down time */
  created: { sec: number; min: number; hour: number; mday: number; mon: number; year: number; isdst: number };
  dbname: string | null;
  remoteVersion: string | null;
  dumpVersion: string | null;
  entries: TocItem[];
  /** from the ENCODING, STDSTRINGS and SEARCHPATH entries */
  encoding: string;
  stdStrings: boolean;
  searchPath: string | null;
}

/** One large object of a BLOBS entry. */
export interface BlobData {
  oid: number;
  data: AsyncIterable<Buffer>;
}

/** How archive strings become text: UTF-8 archives as UTF-8, others byte for byte (latin1). */
export function textCodec(encoding: string): BufferEncoding {
  return /^utf-?8$/i.test(encoding) ? 'utf8' : 'latin1';
}

export class ArchiveReader {
  private searchFrom = 0;
  private constructor(
    readonly file: string,
    readonly info: ArchiveInfo,
    private readonly cursor: FileCursor | null,
    private readonly tar: Map<string, TarMember> | null,
    private readonly tarOrder: TarMember[],
    private readonly dataStart: number,
  ) {}

  /** Opens an archive file or directory, reading its header and TOC. */
  static open(file: string): ArchiveReader {
    let isDir = false;
    try {
      isDir = statSync(file).isDirectory();
    } catch (e) {
      throw new DumpError('usage', `could not open input file "${file}": ${(e as Error).message}`, { cause: e });
    }
    if (isDir) {
      const toc = path.join(file, 'toc.dat');
      if (!existsSync(toc)) throw new DumpError('usage', `directory "${file}" does not appear to be a valid archive ("toc.dat" does not exist)`);
      const c = new FileCursor(toc);
      try {
        const info = readHeaderAndToc(c, 'directory');
        return new ArchiveReader(file, info, null, null, [], 0);
      } finally {
        c.close();
      }
    }
    const head = new FileCursor(file);
    const magic = head.bytes(5).toString('latin1');
    head.seek(0);
    if (magic === 'PGDMP') {
      const info = readHeaderAndToc(head, 'custom');
      return new ArchiveReader(file, info, head, null, [], head.position);
    }
    head.close();
    const members = indexTar(file);
    const toc = members.find((m) => m.name === 'toc.dat');
    if (!toc) throw new DumpError('usage', `input file "${file}" does not appear to be a valid archive`);
    const c = new FileCursor(file, toc.offset, toc.size);
    try {
      const info = readHeaderAndToc(c, 'tar');
      return new ArchiveReader(file, info, null, new Map(members.map((m) => [m.name, m])), members, 0);
    } finally {
      c.close();
    }
  }

  /** A reader of the same archive with its own file position, for a parallel job. */
  clone(): ArchiveReader {
    const cursor = this.cursor ? new FileCursor(this.file) : null;
    if (cursor) {
      cursor.intSize = this.info.intSize;
      cursor.offSize = this.info.offSize;
      cursor.version = versionNum(this.info.version);
    }
    const r = new ArchiveReader(this.file, this.info, cursor, this.tar, this.tarOrder, this.dataStart);
    r.searchFrom = this.searchFrom;
    return r;
  }

  close(): void {
    this.cursor?.close();
  }

  /** The COPY data (or SQL, for --inserts dumps) of a TABLE DATA entry, decompressed. */
  tableData(e: TocItem): AsyncIterable<Buffer> {
    switch (this.info.kind) {
      case 'custom':
        return this.customBlock(e, 1);
      case 'directory':
        return this.dirFile(e.filename!);
      case 'tar':
        return this.tarMember(this.tarMemberFor(e.filename!));
    }
  }

  /** The large objects of a BLOBS entry, each with its data. */
  blobs(e: TocItem): AsyncIterable<BlobData> {
    switch (this.info.kind) {
      case 'custom':
        return this.customBlobs(e);
      case 'directory':
        return this.dirBlobs(e);
      case 'tar':
        return this.tarBlobs(e);
    }
  }

  // --- custom -------------------------------------------------------------------------------

  /** Positions the cursor just after the header of `e`'s data block, finding it if need be. */
  private seekBlock(e: TocItem, want: number): void {
    const c = this.cursor!;
    if (e.dataState === 2) {
      c.seek(e.dataPos);
      const [type, id] = this.blockHeader();
      if (id !== e.dumpId) throw corrupt(this.file, `found unexpected block ID (${id}) when reading data -- expected ${e.dumpId}`);
      if (type !== want) throw corrupt(this.file, `unrecognized data block type ${type} while restoring archive`);
      return;
    }
    // Written to a pipe: no offsets. Walk the blocks, remembering where each one starts.
    c.seek(Math.max(this.searchFrom, this.dataStart));
    const byId = new Map(this.info.entries.map((x) => [x.dumpId, x]));
    for (;;) {
      if (c.eof) throw corrupt(this.file, `could not find block ID ${e.dumpId} in archive`);
      const at = c.position;
      const [type, id] = this.blockHeader();
      const other = byId.get(id);
      if (other && other.dataState === 1) {
        other.dataState = 2;
        other.dataPos = at;
      }
      if (id === e.dumpId) {
        if (type !== want) throw corrupt(this.file, `unrecognized data block type ${type} while restoring archive`);
        return;
      }
      if (type === 1) this.skipChunks();
      else if (type === 3) {
        while (c.int() !== 0) this.skipChunks();
      } else throw corrupt(this.file, `unrecognized data block type (${type}) while searching archive`);
      this.searchFrom = c.position;
    }
  }

  private blockHeader(): [number, number] {
    const c = this.cursor!;
    const type = c.byte();
    return [type, c.int()];
  }

  private skipChunks(): void {
    const c = this.cursor!;
    for (let len = c.int(); len !== 0; len = c.int()) {
      if (len < 0) throw corrupt(this.file, 'negative data chunk length');
      c.seek(c.position + len);
    }
  }

  /**
   * Length-prefixed chunks from `start` up to a zero length, raw. Each step seeks to where
   * the previous one stopped: a decompressor may still pull a step after its reader moved on.
   */
  private async *rawChunks(start: number): AsyncGenerator<Buffer> {
    const c = this.cursor!;
    let pos = start;
    for (;;) {
      c.seek(pos);
      const len = c.int();
      pos = c.position;
      if (len === 0) return;
      if (len < 0) throw corrupt(this.file, 'negative data chunk length');
      for (let left = len; left > 0; ) {
        c.seek(pos);
        const piece = c.exactly(Math.min(left, 1 << 16));
        left -= piece.length;
        pos = c.position;
        yield piece;
      }
    }
  }

  private chunks(start: number): AsyncIterable<Buffer> {
    const raw = this.rawChunks(start);
    return this.info.compression === 'gzip' ? inflate(raw, 'zlib') : this.plainOrUnsupported(raw);
  }

  private plainOrUnsupported(raw: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
    if (this.info.compression !== 'none') {
      throw new DumpError('unsupported', `archive "${this.file}" is compressed with ${this.info.compression}; only gzip-compressed or uncompressed archives can be restored`);
    }
    return raw;
  }

  private async *customBlock(e: TocItem, type: number): AsyncGenerator<Buffer> {
    if (e.dataState === 3) return;
    this.seekBlock(e, type);
    yield* this.chunks(this.cursor!.position);
  }

  private async *customBlobs(e: TocItem): AsyncGenerator<BlobData> {
    if (e.dataState === 3) return;
    this.seekBlock(e, 3);
    const c = this.cursor!;
    let pos = c.position;
    for (;;) {
      c.seek(pos);
      const oid = c.int();
      if (oid === 0) return;
      const start = c.position;
      this.skipChunks();
      pos = c.position;
      yield { oid: oid >>> 0, data: this.chunks(start) };
    }
  }

  // --- directory ----------------------------------------------------------------------------

  private dataPath(name: string): { file: string; gzip: boolean } {
    const full = path.join(this.file, name);
    if (existsSync(full)) return { file: full, gzip: false };
    if (existsSync(`${full}.gz`)) return { file: `${full}.gz`, gzip: true };
    for (const ext of ['.lz4', '.zst']) {
      if (existsSync(full + ext)) throw new DumpError('unsupported', `data file "${full}${ext}" is compressed with ${ext === '.lz4' ? 'lz4' : 'zstd'}; only gzip-compressed or uncompressed archives can be restored`);
    }
    throw new DumpError('usage', `could not open input file "${full}": no such file in the archive directory`);
  }

  private async *dirFile(name: string): AsyncGenerator<Buffer> {
    const { file, gzip } = this.dataPath(name);
    const raw = createReadStream(file, { highWaterMark: 1 << 16 }) as AsyncIterable<Buffer>;
    yield* gzip ? inflate(raw, 'gzip') : raw;
  }

  private async *dirBlobs(e: TocItem): AsyncGenerator<BlobData> {
    const v = versionNum(this.info.version);
    const tocName = v < 11600 ? 'blobs.toc' : e.filename ?? 'blobs.toc';
    const { file, gzip } = this.dataPath(tocName);
    const text = gzip ? await collect(inflate(createReadStream(file) as AsyncIterable<Buffer>, 'gzip')) : readFileSync(file);
    for (const line of text.toString('latin1').split('\n')) {
      if (line.trim() === '') continue;
      const m = /^(\d+) (\S+)/.exec(line);
      if (!m) throw corrupt(this.file, `invalid line in large object TOC file "${file}": "${line}"`);
      yield { oid: Number(m[1]), data: this.dirFile(m[2]!) };
    }
  }

  // --- tar ----------------------------------------------------------------------------------

  private tarMemberFor(name: string): TarMember {
    const m = this.tar!.get(name) ?? this.tar!.get(`${name}.gz`);
    if (!m) throw corrupt(this.file, `could not find file "${name}" in archive`);
    return m;
  }

  private async *tarMember(m: TarMember): AsyncGenerator<Buffer> {
    const c = new FileCursor(this.file, m.offset, m.size);
    try {
      const raw = (async function* () {
        while (!c.eof) yield c.bytes(1 << 16);
      })();
      yield* m.name.endsWith('.gz') ? inflate(raw, 'gzip') : raw;
    } finally {
      c.close();
    }
  }

  private async *tarBlobs(e: TocItem): AsyncGenerator<BlobData> {
    // The blob members follow one another; a 1.16 BLOBS entry's tag names its first OID.
    const v = versionNum(this.info.version);
    const first = v >= 11600 ? `blob_${parseInt(e.tag, 10)}.dat` : null;
    let i = this.tarOrder.findIndex((m) => (first ? m.name === first : m.name.startsWith('blob_')));
    if (i < 0) return;
    for (; i < this.tarOrder.length; i++) {
      const m = this.tarOrder[i]!;
      const match = /^blob_(\d+)\.dat(\.gz)?$/.exec(m.name);
      if (!match) break;
      yield { oid: Number(match[1]), data: this.tarMember(m) };
    }
  }
}

function versionNum(v: [number, number, number]): number {
  return v[0] * 10000 + v[1] * 100 + v[2];
}

function corrupt(file: string, what: string): DumpError {
  return new DumpError('usage', `archive "${file}": ${what}`);
}

async function collect(it: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of it) parts.push(b);
  return Buffer.concat(parts);
}

/** Decompresses with backpressure: the source is pulled only as fast as the output is read. */
async function* inflate(source: AsyncIterable<Buffer>, kind: 'zlib' | 'gzip'): AsyncGenerator<Buffer> {
  const z = kind === 'gzip' ? createGunzip() : createInflate();
  const input = Readable.from(source, { objectMode: false });
  input.on('error', (e) => z.destroy(e));
  input.pipe(z);
  try {
    for await (const chunk of z) yield chunk as Buffer;
  } catch (e) {
    if (e instanceof DumpError) throw e;
    throw new DumpError('usage', `could not decompress archive data: ${(e as Error).message}`, { cause: e });
  } finally {
    input.destroy();
  }
}

/** ReadHead and ReadToc. */
function readHeaderAndToc(c: FileCursor, kind: ArchiveKind): ArchiveInfo {
  const magic = c.bytes(5).toString('latin1');
  if (magic !== 'PGDMP') throw new DumpError('usage', `"${c.path}": did not find magic string in file header`);
  const version: [number, number, number] = [c.byte(), c.byte(), 0];
  version[2] = c.byte();
  const v = versionNum(version);
  c.version = v;
  if (v < MIN_VERSION || v > MAX_VERSION) {
    throw new DumpError('unsupported', `"${c.path}": unsupported archive version ${version[0]}.${version[1]} (this reader handles 1.12 to 1.16)`);
  }
  const intSize = c.byte();
  const offSize = c.byte();
  if (intSize < 1 || intSize > 8 || offSize < 1 || offSize > 8) throw corrupt(c.path, `sanity check on integer size (${intSize}) failed`);
  c.intSize = intSize;
  c.offSize = offSize;
  const formatByte = c.byte();
  const found = FORMAT_BYTE[formatByte];
  // pg_dump marks a directory's toc.dat as tar (and newer ones as directory)
  if (!found || (found !== kind && !(kind === 'directory' && found === 'tar'))) {
    throw corrupt(c.path, `expected format (${kind}) differs from format found in file (${formatByte})`);
  }
  let level = 0;
  let compression: Compression;
  if (v >= 11500) {
    const alg = c.byte();
    compression = ALGORITHMS[alg] ?? 'none';
    if (ALGORITHMS[alg] === undefined) throw corrupt(c.path, `unknown compression algorithm ${alg}`);
  } else {
    level = c.int();
    compression = level !== 0 ? 'gzip' : 'none';
  }
  const created = { sec: c.int(), min: c.int(), hour: c.int(), mday: c.int(), mon: c.int(), year: c.int(), isdst: c.int() };
  // Header strings come before the ENCODING entry tells their encoding: they are ASCII in practice.
  const latin1 = (b: Buffer) => b.toString('latin1');
  const dbnameRaw = c.str((b) => b.toString('hex'));
  const remoteVersion = c.str(latin1);
  const dumpVersion = c.str(latin1);

  const count = c.int();
  // The ENCODING entry comes first: the strings after it are decoded with it.
  let codec: BufferEncoding = 'utf8';
  const entries = readEntries(c, kind, v, count, () => codec, (enc) => (codec = textCodec(enc)));
  const enc = entries.find((e) => e.desc === 'ENCODING');
  const encoding = enc ? (/'([^']*)'/.exec(enc.defn ?? '')?.[1] ?? 'UTF8') : 'SQL_ASCII';
  const std = entries.find((e) => e.desc === 'STDSTRINGS');
  const stdStrings = std ? /'on'/.test(std.defn ?? '') : false;
  const sp = entries.find((e) => e.desc === 'SEARCHPATH');
  const dbname = dbnameRaw === null ? null : Buffer.from(dbnameRaw, 'hex').toString(textCodec(encoding));
  return {
    kind,
    formatByte,
    version,
    intSize,
    offSize,
    level,
    compression,
    created,
    dbname,
    remoteVersion,
    dumpVersion,
    entries,
    encoding,
    stdStrings,
    searchPath: sp?.defn ?? null,
  };
}

function readEntries(c: FileCursor, kind: ArchiveKind, v: number, count: number, codec: () => BufferEncoding, onEncoding: (e: string) => void): TocItem[] {
  const entries: TocItem[] = [];
  for (let i = 0; i < count; i++) {
    const s = () => c.str((b) => b.toString(codec()));
    const dumpId = c.int();
    if (dumpId <= 0) throw corrupt(c.path, `entry ID ${dumpId} out of range -- perhaps a corrupt TOC`);
    const hadDumper = c.int() !== 0;
    const tableoid = Number(s() ?? 0) >>> 0;
    const oid = Number(s() ?? 0) >>> 0;
    const tag = s() ?? '';
    const desc = s() ?? '';
    const section = c.int();
    const defn = s();
    const dropStmt = s();
    const copyStmt = s();
    const namespace = s();
    const tablespace = s();
    const tableam = v >= 11400 ? s() : null;
    const relkind = v >= 11600 ? c.int() : 0;
    const owner = s();
    const withOids = s();
    if (withOids === 'true') throw new DumpError('unsupported', `entry ${dumpId} (${desc} ${tag}): restoring tables WITH OIDS is not supported`);
    const deps: number[] = [];
    for (let d = s(); d !== null; d = s()) deps.push(parseInt(d, 10));
    const e: TocItem = {
      dumpId, hadDumper, tableoid, oid, tag, desc, section, defn, dropStmt, copyStmt, namespace, tablespace, tableam, relkind, owner, deps,
      dataState: 3, dataPos: 0, filename: null,
    };
    if (kind === 'custom') {
      const o = c.offset();
      if (o.flag < 1 || o.flag > 3) throw corrupt(c.path, `unexpected data offset flag ${o.flag}`);
      e.dataState = o.flag;
      e.dataPos = o.pos;
    } else {
      e.filename = s();
    }
    if (desc === 'ENCODING') {
      const m = /'([^']*)'/.exec(defn ?? '');
      if (m) onEncoding(m[1]!);
    }
    entries.push(e);
  }
  return entries;
}
