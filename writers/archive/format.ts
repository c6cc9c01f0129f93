/**
 * pg_dump's archive encoding (the `PGDMP` header and the table of contents), as pg_restore
 * reads it. We write archive version 1.14: the newest one pg_restore 15 accepts, and one every
 * later pg_restore still reads (1.15 added a compression-algorithm byte, 1.16 a relkind per entry).
 */

export const ARCHIVE_VERSION = { major: 1, minor: 14, rev: 0 } as const;

/** bytes of an int (after its sign byte) and of a file offset, as a 64-bit pg_dump writes them */
export const INT_SIZE = 4;
export const OFF_SIZE = 8;

/** the format byte of the header */
export const FORMAT_CODE = { custom: 1, tar: 3, directory: 5 } as const;
export type ArchiveFormat = keyof typeof FORMAT_CODE;

/** teSection */
export const SECTION_CODE = { none: 1, 'pre-data': 2, data: 3, 'post-data': 4 } as const;

/** block types of the custom format's data area */
export const BLK_DATA = 1;
export const BLK_BLOBS = 3;

/** what a custom-format entry's data offset means */
export const OFFSET_POS_NOT_SET = 1;
export const OFFSET_POS_SET = 2;
export const OFFSET_NO_DATA = 3;

/** the header's compression field when no level is asked for: zlib's default */
export const DEFAULT_COMPRESSION = -1;

/** One entry as the archive records it. */
export interface ArchiveTocEntry {
  readonly dumpId: number;
  /** the entry has data written by a dumper (table rows, large objects) */
  readonly hadDumper: boolean;
  readonly tableoid: number;
  readonly oid: number;
  readonly tag: string;
  readonly desc: string;
  readonly section: number;
  readonly defn: string;
  readonly dropStmt: string;
  readonly copyStmt: string | null;
  readonly namespace: string | null;
  readonly tablespace: string | null;
  readonly tableam: string | null;
  readonly owner: string | null;
  readonly deps: readonly number[];
}

export interface ArchiveHeader {
  readonly format: ArchiveFormat;
  /** zlib level, 0 for none, -1 for zlib's default */
  readonly compression: number;
  readonly created: Date;
  readonly dbname: string;
  readonly serverVersion: string;
  readonly dumpVersion: string;
}

/**
 * Builds the bytes of the header and TOC. Strings are length-prefixed bytes (no terminator), a
 * null string has length -1; ints are a sign byte then the magnitude, least significant byte first.
 */
export class ArchiveEncoder {
  private readonly parts: Buffer[] = [];
  private size = 0;

  constructor(private readonly encodeText: (s: string) => Buffer = (s) => Buffer.from(s, 'utf8')) {}

  get length(): number {
    return this.size;
  }

  bytes(): Buffer {
    return Buffer.concat(this.parts, this.size);
  }

  raw(b: Buffer): this {
    this.parts.push(b);
    this.size += b.length;
    return this;
  }

  byte(v: number): this {
    return this.raw(Buffer.of(v & 0xff));
  }

  int(v: number): this {
    return this.raw(encodeInt(v));
  }

  str(s: string | null): this {
    if (s === null) return this.int(-1);
    const b = this.encodeText(s);
    this.int(b.length);
    return this.raw(b);
  }

  offset(flag: number, pos: number): this {
    return this.raw(encodeOffset(flag, pos));
  }
}

export function encodeInt(v: number): Buffer {
  if (!Number.isInteger(v) || Math.abs(v) > 0xffffffff) throw new RangeError(`archive int out of range: ${v}`);
  const b = Buffer.alloc(1 + INT_SIZE);
  b[0] = v < 0 ? 1 : 0;
  b.writeUInt32LE(Math.abs(v), 1);
  return b;
}

export function encodeOffset(flag: number, pos: number): Buffer {
  const b = Buffer.alloc(1 + OFF_SIZE);
  b[0] = flag;
  b.writeBigUInt64LE(BigInt(pos), 1);
  return b;
}

/**
 * An OID as pg_dump writes it with WriteInt: OIDs above 2^31 go through a signed int, so they
 * come out negative, and pg_restore turns them back into the same unsigned value.
 */
export function oidAsInt(oid: number): number {
  return oid > 0x7fffffff ? oid - 0x100000000 : oid;
}

/** pg_dump records the creation time as the local broken-down time (struct tm). */
function tmFields(d: Date): number[] {
  const jan = new Date(d.getFullYear(), 0, 1).getTimezoneOffset();
  const jul = new Date(d.getFullYear(), 6, 1).getTimezoneOffset();
  const isDst = jan !== jul && d.getTimezoneOffset() === Math.min(jan, jul) ? 1 : 0;
  return [d.getSeconds(), d.getMinutes(), d.getHours(), d.getDate(), d.getMonth(), d.getFullYear() - 1900, isDst];
}

export function writeHeader(enc: ArchiveEncoder, h: ArchiveHeader): void {
  enc.raw(Buffer.from('PGDMP', 'latin1'));
  enc.byte(ARCHIVE_VERSION.major).byte(ARCHIVE_VERSION.minor).byte(ARCHIVE_VERSION.rev);
  enc.byte(INT_SIZE).byte(OFF_SIZE).byte(FORMAT_CODE[h.format]);
  enc.int(h.compression);
  for (const v of tmFields(h.created)) enc.int(v);
  enc.str(h.dbname);
  enc.str(h.serverVersion);
  enc.str(h.dumpVersion);
}

/**
 * The TOC: a count, then each entry's fields in pg_dump's order, its dependencies as decimal
 * strings ended by a null string, then what the format adds (`extra`).
 */
export function writeToc<E extends ArchiveTocEntry>(enc: ArchiveEncoder, entries: readonly E[], extra: (e: E) => void): void {
  enc.int(entries.length);
  for (const e of entries) {
    enc.int(e.dumpId);
    enc.int(e.hadDumper ? 1 : 0);
    enc.str(String(e.tableoid));
    enc.str(String(e.oid));
    enc.str(e.tag);
    enc.str(e.desc);
    enc.int(e.section);
    enc.str(e.defn);
    enc.str(e.dropStmt);
    enc.str(e.copyStmt);
    enc.str(e.namespace);
    enc.str(e.tablespace);
    enc.str(e.tableam);
    enc.str(e.owner);
    // the old WITH OIDS flag: always false since PostgreSQL 12
    enc.str('false');
    for (const d of e.deps) enc.str(String(d));
    enc.str(null);
    extra(e);
  }
}
