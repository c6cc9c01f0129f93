// The archive writers' building blocks: pg_dump's int, string and offset encodings, the owner
// statements pg_restore derives from an entry, catalog ids, tar headers.
import { describe, expect, it } from 'vitest';
import { catalogIdOf } from '../writers/archive/catalog-ids.js';
import { archiveEntries } from '../writers/archive/entries.js';
import { ArchiveEncoder, encodeInt, encodeOffset, oidAsInt } from '../writers/archive/format.js';
import { ownerUnknownToRestore, restoreOwnerStatement } from '../writers/archive/owner.js';
import { tarHeader } from '../writers/archive/tar.js';
import type { TocEntry } from '../src/toc/toc.js';
import { ArchiveCursor } from './util/archive-reader.js';

describe('archive encoding', () => {
  it('writes ints as a sign byte and four little-endian bytes', () => {
    expect([...encodeInt(0)]).toEqual([0, 0, 0, 0, 0]);
    expect([...encodeInt(258)]).toEqual([0, 2, 1, 0, 0]);
    expect([...encodeInt(-1)]).toEqual([1, 1, 0, 0, 0]);
    expect(() => encodeInt(1.5)).toThrow();
  });

  it('writes OIDs above 2^31 the way pg_dump does, through a signed int', () => {
    const v = oidAsInt(4294967295);
    expect(v).toBe(-1);
    // pg_restore reads -1 back and casts it to Oid: 4294967295 again
    expect(new Uint32Array([v])[0]).toBe(4294967295);
    expect(oidAsInt(16384)).toBe(16384);
  });

  it('writes strings length-prefixed, null as length -1, and offsets as flag + 8 bytes', () => {
    const enc = new ArchiveEncoder().str('héllo').str(null).str('');
    const c = new ArchiveCursor(enc.bytes());
    expect([c.str(), c.str(), c.str()]).toEqual(['héllo', null, '']);
    expect(enc.length).toBe(5 + 6 + 5 + 5);
    expect([...encodeOffset(2, 0x0102030405)]).toEqual([2, 5, 4, 3, 2, 1, 0, 0, 0]);
  });
});

describe('owner statements pg_restore writes', () => {
  const entry = (desc: string, tag: string, namespace: string | null, dropStmt = 'DROP x;\n', owner: string | null = 'Bob') => ({ desc, tag, namespace, owner, dropStmt });

  it('names relations through ALTER TABLE, signatures through the DROP statement', () => {
    expect(restoreOwnerStatement(entry('VIEW', 'v', 's'))).toBe('ALTER TABLE s.v OWNER TO "Bob";');
    expect(restoreOwnerStatement(entry('SEQUENCE', 'Seq', 'My S'))).toBe('ALTER TABLE "My S"."Seq" OWNER TO "Bob";');
    expect(restoreOwnerStatement(entry('FUNCTION', 'f(integer)', 's', 'DROP FUNCTION s.f(integer);\n'))).toBe('ALTER FUNCTION s.f(integer) OWNER TO "Bob";');
    expect(restoreOwnerStatement(entry('BLOB', '16401', null))).toBe('ALTER LARGE OBJECT 16401 OWNER TO "Bob";');
    expect(restoreOwnerStatement(entry('SCHEMA', 'sch', null))).toBe('ALTER SCHEMA sch OWNER TO "Bob";');
  });

  it('writes none without a drop statement or an owner, or for parts of other objects', () => {
    expect(restoreOwnerStatement(entry('TABLE', 't', 's', ''))).toBe('');
    expect(restoreOwnerStatement(entry('TABLE', 't', 's', 'DROP TABLE s.t;\n', null))).toBe('');
    expect(restoreOwnerStatement(entry('INDEX', 'i', 's'))).toBe('');
    expect(ownerUnknownToRestore('INDEX', 'Bob', 'DROP INDEX s.i;')).toBe(false);
    expect(ownerUnknownToRestore('PUBLICATION TABLE', 'Bob', 'ALTER PUBLICATION p DROP TABLE t;')).toBe(true);
  });
});

describe('archive entries', () => {
  const base: TocEntry = {
    dumpId: 1, tag: 's', desc: 'SEQUENCE', namespace: 'x', owner: 'o', section: 'pre-data',
    defn: 'CREATE SEQUENCE x.s;\nALTER SEQUENCE x.s OWNER TO o;\nALTER SEQUENCE x.s OWNED BY x.t.id;',
    dropStmt: 'DROP SEQUENCE x.s;', copyStmt: null, data: null, deps: [], objectId: 'pg_class:16400', planKey: 'pg_class:16400',
    defnParts: { create: 'CREATE SEQUENCE x.s;', owner: 'ALTER SEQUENCE x.s OWNER TO o;', afterOwner: 'ALTER SEQUENCE x.s OWNED BY x.t.id;' },
  };

  it('leads with the session settings pg_restore reads, and leaves the owner to pg_restore', () => {
    const out = archiveEntries([base], { encoding: 'UTF8' });
    expect(out.map((e) => e.desc)).toEqual(['ENCODING', 'STDSTRINGS', 'SEARCHPATH', 'SEQUENCE', 'SEQUENCE OWNED BY']);
    expect(out[0]!.defn).toBe("SET client_encoding = 'UTF8';\n");
    const seq = out[3]!;
    expect([seq.defn, seq.dropStmt, seq.tableoid, seq.oid]).toEqual(['CREATE SEQUENCE x.s;\n', 'DROP SEQUENCE x.s;\n', 1259, 16400]);
    // OWNED BY needs the owner set first, which pg_restore does after the definition
    expect([out[4]!.defn, out[4]!.deps]).toEqual(['ALTER SEQUENCE x.s OWNED BY x.t.id;\n', [1]]);
    expect(new Set(out.map((e) => e.dumpId)).size).toBe(5);
  });

  it('knows the catalogs our object ids name', () => {
    expect(catalogIdOf('pg_proc:16500')).toEqual({ tableoid: 1255, oid: 16500 });
    expect(catalogIdOf('pg_largeobject_metadata:16501')).toEqual({ tableoid: 2613, oid: 16501 });
    expect(catalogIdOf('pg_class:1/attach')).toEqual({ tableoid: 0, oid: 0 });
    expect(catalogIdOf(undefined)).toEqual({ tableoid: 0, oid: 0 });
  });
});

describe('tar headers', () => {
  it('lays out a ustar header with a valid checksum', () => {
    const h = tarHeader('1234.dat', 1000, new Date(0));
    expect(h.length).toBe(512);
    expect(h.subarray(0, 8).toString('latin1')).toBe('1234.dat');
    expect(h.subarray(124, 136).toString('latin1')).toBe('00000001750 ');
    expect(h.subarray(257, 262).toString('latin1')).toBe('ustar');
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    expect(parseInt(h.subarray(148, 156).toString('latin1'), 8)).toBe(sum);
  });

  it('writes sizes beyond the octal field in base 256', () => {
    const h = tarHeader('big.dat', 2 ** 36, new Date(0));
    expect(h[124]).toBe(0x80);
    expect(h.readUIntBE(130, 6)).toBe(2 ** 36);
  });
});
