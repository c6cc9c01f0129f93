// Rewrites one of our 1.14 archives (custom or directory) as another archive version, field by
// field the way pg_dump of that version writes its header and TOC: 1.12 and 1.13 have no table
// access method, 1.15 stores the compression algorithm instead of a level, 1.16 adds a relkind.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ArchiveEncoder } from '../../writers/archive/format.js';
import { readArchive } from './archive-reader.js';

export function rewriteArchive(src: string, dst: string, minor: 12 | 13 | 15 | 16, kind: 'custom' | 'directory'): void {
  const a = readArchive(src);
  const directory = kind === 'directory';
  const enc = new ArchiveEncoder();
  enc.raw(Buffer.from('PGDMP', 'latin1')).byte(1).byte(minor).byte(0);
  enc.byte(a.intSize).byte(a.offSize).byte(directory && minor >= 15 ? 5 : a.format);
  if (minor >= 15) enc.byte(a.compression === 0 ? 0 : 1);
  else enc.int(a.compression);
  for (const v of a.created) enc.int(v);
  enc.str(a.dbname).str(a.serverVersion).str(a.dumpVersion);
  enc.int(a.entries.length);
  for (const e of a.entries) {
    enc.int(e.dumpId).int(e.hadDumper ? 1 : 0).str(String(e.tableoid)).str(String(e.oid));
    enc.str(e.tag).str(e.desc).int(e.section).str(e.defn).str(e.dropStmt).str(e.copyStmt);
    enc.str(e.namespace).str(e.tablespace);
    if (minor >= 14) enc.str(e.tableam);
    if (minor >= 16) enc.int(e.desc === 'TABLE' ? 'r'.charCodeAt(0) : 0);
    enc.str(e.owner).str('false');
    for (const d of e.deps) enc.str(String(d));
    enc.str(null);
    // custom: offsets left unset, so the reader must find each block by walking them
    if (directory) enc.str(e.extra as string | null);
    else enc.offset(e.hadDumper ? 1 : 3, 0);
  }
  if (directory) {
    mkdirSync(dst, { recursive: true });
    for (const f of readdirSync(src)) if (f !== 'toc.dat') copyFileSync(path.join(src, f), path.join(dst, f));
    writeFileSync(path.join(dst, 'toc.dat'), enc.bytes());
  } else {
    writeFileSync(dst, Buffer.concat([enc.bytes(), readFileSync(src).subarray(a.tocEnd)]));
  }
}
