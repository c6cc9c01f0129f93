// A reader for the header and TOC of pg_dump archives (custom, directory, tar), to check what
// our writers produce field by field and to compare with real pg_dump's archives.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface ReadEntry {
  dumpId: number;
  hadDumper: boolean;
  tableoid: number;
  oid: number;
  tag: string | null;
  desc: string | null;
  section: number;
  defn: string | null;
  dropStmt: string | null;
  copyStmt: string | null;
  namespace: string | null;
  tablespace: string | null;
  tableam: string | null;
  owner: string | null;
  withOids: string | null;
  deps: number[];
  /** custom: [flag, offset]; directory and tar: the data file name */
  extra: [number, number] | string | null;
}

export interface ReadArchive {
  version: [number, number, number];
  intSize: number;
  offSize: number;
  format: number;
  compression: number;
  created: number[];
  dbname: string | null;
  serverVersion: string | null;
  dumpVersion: string | null;
  entries: ReadEntry[];
  /** offset just after the TOC (custom format) */
  tocEnd: number;
}

export class ArchiveCursor {
  pos = 0;
  constructor(readonly buf: Buffer) {}
  byte(): number {
    if (this.pos >= this.buf.length) throw new Error('archive ends early');
    return this.buf[this.pos++]!;
  }
  int(): number {
    const sign = this.byte();
    let v = 0;
    for (let i = 0; i < 4; i++) v += this.byte() * 2 ** (8 * i);
    return sign ? -v : v;
  }
  str(): string | null {
    const len = this.int();
    if (len < 0) return null;
    const s = this.buf.subarray(this.pos, this.pos + len).toString('utf8');
    this.pos += len;
    return s;
  }
  offset(): [number, number] {
    const flag = this.byte();
    let v = 0;
    for (let i = 0; i < 8; i++) v += this.byte() * 2 ** (8 * i);
    return [flag, v];
  }
}

/** The bytes of toc.dat, or of the custom-format file. */
function tocBytes(file: string): { bytes: Buffer; kind: 'custom' | 'directory' | 'tar' } {
  if (statSync(file).isDirectory()) return { bytes: readFileSync(path.join(file, 'toc.dat')), kind: 'directory' };
  const buf = readFileSync(file);
  if (buf.subarray(0, 5).toString('latin1') === 'PGDMP') return { bytes: buf, kind: 'custom' };
  // tar: toc.dat is the first member
  const name = buf.subarray(0, 100).toString('latin1').replace(/\0.*$/s, '');
  if (name !== 'toc.dat') throw new Error(`first tar member is ${name}, not toc.dat`);
  const size = parseInt(buf.subarray(124, 136).toString('latin1').trim(), 8);
  return { bytes: buf.subarray(512, 512 + size), kind: 'tar' };
}

export function readArchive(file: string): ReadArchive {
  const { bytes, kind } = tocBytes(file);
  const c = new ArchiveCursor(bytes);
  if (bytes.subarray(0, 5).toString('latin1') !== 'PGDMP') throw new Error('no PGDMP magic');
  c.pos = 5;
  const version: [number, number, number] = [c.byte(), c.byte(), c.byte()];
  const intSize = c.byte();
  const offSize = c.byte();
  const format = c.byte();
  const compression = c.int();
  const created = [c.int(), c.int(), c.int(), c.int(), c.int(), c.int(), c.int()];
  const dbname = c.str();
  const serverVersion = c.str();
  const dumpVersion = c.str();
  const count = c.int();
  const entries: ReadEntry[] = [];
  for (let i = 0; i < count; i++) {
    const e: ReadEntry = {
      dumpId: c.int(),
      hadDumper: c.int() !== 0,
      tableoid: Number(c.str()),
      oid: Number(c.str()),
      tag: c.str(),
      desc: c.str(),
      section: c.int(),
      defn: c.str(),
      dropStmt: c.str(),
      copyStmt: c.str(),
      namespace: c.str(),
      tablespace: c.str(),
      tableam: c.str(),
      owner: c.str(),
      withOids: c.str(),
      deps: [],
      extra: null,
    };
    for (;;) {
      const d = c.str();
      if (d === null) break;
      e.deps.push(Number(d));
    }
    e.extra = kind === 'custom' ? c.offset() : c.str();
    entries.push(e);
  }
  return { version, intSize, offSize, format, compression, created, dbname, serverVersion, dumpVersion, entries, tocEnd: c.pos };
}
