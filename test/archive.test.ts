// pg_dump's archive formats (custom, directory, tar) as the real pg_restore reads them: listing,
// printing, restoring (whole, parallel, by section, selectively), on the kitchen-sink database.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { dumpToFile, dumpToStream } from '../src/index.js';
import { foldOwnedBy, inRestoreOrder, scriptBlocks, stableOracle } from './util/archive-compare.js';
import { readArchive } from './util/archive-reader.js';
import { loadCases } from './util/cases.js';
import { createDatabase, query, run } from './util/pg.js';

const servers = inject('servers');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-archive-'));
const FORMATS = ['custom', 'directory', 'tar'] as const;
type Format = (typeof FORMATS)[number];

async function installedMajor(): Promise<number> {
  const { stdout } = await run('pg_restore', ['--version']);
  return Number(/(\d+)(?:\.\d+)?/.exec(stdout)![1]);
}

function pgRestore(args: string[], input?: Buffer): Promise<{ stdout: string; stderr: string }> {
  return run('pg_restore', args, input);
}

/** pg_restore -l as `desc namespace tag owner` lines, in TOC order. */
async function listing(archive: string, extra: string[] = []): Promise<string[]> {
  const { stdout } = await pgRestore(['-l', ...extra, archive]);
  return stdout
    .split('\n')
    .filter((l) => /^\d+; /.test(l))
    .map((l) => l.replace(/^\d+; \d+ \d+ /, ''));
}

describe.each(servers.map((s) => [s.major, s] as const))('PostgreSQL %i', (major, server) => {
  let src = '';
  let plain = '';
  const archives = {} as Record<Format, string>;
  let restoreMajor = 0;
  const dbName = (name: string) => `ar_${name}`;
  const fresh = (name: string) => createDatabase(server.url, dbName(name));

  /** What tells two databases apart: real pg_dump where it can read the server, else ours. */
  async function oracle(url: string, args: string[] = []): Promise<string> {
    if (major <= restoreMajor) return stableOracle((await run('pg_dump', ['--restrict-key=pgdumpts', ...args, '-d', url])).stdout);
    const file = path.join(workDir, `oracle-${major}-${Math.random().toString(36).slice(2)}.sql`);
    const schema = args.includes('-n') ? [args[args.indexOf('-n') + 1]!] : undefined;
    await dumpToFile({ dbname: url, file, restrictKey: 'pgdumpts', noComments: args.includes('--no-comments'), noPrivileges: args.includes('-x'), schema });
    return readFileSync(file, 'utf8');
  }

  beforeAll(async () => {
    restoreMajor = await installedMajor();
    src = await fresh('src');
    await loadCases(src, major);
    const plainFile = path.join(workDir, `pg${major}.sql`);
    await dumpToFile({ dbname: src, file: plainFile, restrictKey: 'pgdumpts' });
    plain = readFileSync(plainFile, 'utf8');
    for (const format of FORMATS) {
      archives[format] = path.join(workDir, `pg${major}.${format}`);
      const result = await dumpToFile({ dbname: src, file: archives[format], format });
      expect(result.warnings).toEqual([]);
    }
  });

  it('writes archive version 1.14 with pg_dump\'s header, TOC and data layout', async () => {
    const custom = readArchive(archives.custom);
    expect(custom.version).toEqual([1, 14, 0]);
    expect([custom.intSize, custom.offSize, custom.format, custom.compression]).toEqual([4, 8, 1, -1]);
    expect(custom.dbname).toBe(dbName('src'));
    expect(custom.entries.slice(0, 3).map((e) => e.desc)).toEqual(['ENCODING', 'STDSTRINGS', 'SEARCHPATH']);
    expect(custom.entries.every((e) => e.withOids === 'false')).toBe(true);
    const ids = new Set(custom.entries.map((e) => e.dumpId));
    expect(ids.size).toBe(custom.entries.length);
    // every dependency names an entry, and an earlier one
    const position = new Map(custom.entries.map((e, i) => [e.dumpId, i]));
    for (const [i, e] of custom.entries.entries()) for (const d of e.deps) expect(position.get(d)).toBeLessThan(i);
    // the rewritten TOC points at each data block: type byte, then the entry's id
    const file = readFileSync(archives.custom);
    const data = custom.entries.filter((e) => e.hadDumper);
    expect(data.length).toBeGreaterThan(50);
    for (const e of data) {
      const [flag, at] = e.extra as [number, number];
      expect(flag).toBe(2);
      expect(file[at]).toBe(e.desc === 'BLOBS' ? 3 : 1);
      expect(file.readUInt32LE(at + 2)).toBe(e.dumpId);
    }
    expect(custom.entries.filter((e) => !e.hadDumper).every((e) => (e.extra as number[])[0] === 3)).toBe(true);
    expect(custom.entries.find((e) => e.desc === 'TABLE')?.tableoid).toBe(1259);
    // comments and privileges depend on their object
    const byId = new Map(custom.entries.map((e) => [e.dumpId, e]));
    const decorations = custom.entries.filter((x) => x.desc === 'COMMENT' || x.desc === 'ACL');
    for (const e of decorations) {
      const objectDeps = e.deps.filter((d) => !['COMMENT', 'ACL'].includes(byId.get(d)!.desc ?? ''));
      expect(objectDeps.length, `${e.desc} ${e.tag}`).toBeLessThanOrEqual(1);
      // privileges also wait for the schema's privileges and their object's earlier ones (pg_restore -j)
      const aclDeps = e.deps.filter((d) => byId.get(d)!.desc === 'ACL');
      if (e.desc === 'COMMENT') expect(aclDeps).toEqual([]);
      for (const d of aclDeps) expect(d, `${e.desc} ${e.tag}`).toBeLessThan(e.dumpId);
      expect(e.deps.length - objectDeps.length - aclDeps.length, `${e.desc} ${e.tag}`).toBe(0);
    }
    // only privileges changed on built-in objects have no object entry to depend on
    expect(decorations.filter((e) => e.deps.length === 0 && !e.tag?.startsWith('DATABASE ')).length).toBeLessThan(5);

    // A directory's toc.dat is marked as tar, as pg_dump writes it; data files are gzip.
    const dir = readArchive(archives.directory);
    expect([dir.format, dir.compression]).toEqual([3, -1]);
    const files = readdirSync(archives.directory);
    for (const e of dir.entries.filter((x) => x.hadDumper)) {
      if (e.desc === 'BLOBS') expect(e.extra).toBe('blobs.toc');
      else {
        expect(e.extra).toBe(`${e.dumpId}.dat`);
        expect(files).toContain(`${e.dumpId}.dat.gz`);
      }
    }
    const blobs = readFileSync(path.join(archives.directory, 'blobs.toc'), 'latin1').trim().split('\n');
    for (const line of blobs) expect(files).toContain(`${line.split(' ')[1]}.gz`);

    const tar = readArchive(archives.tar);
    expect([tar.format, tar.compression]).toEqual([3, 0]);
    const members = (await run('tar', ['-tf', archives.tar])).stdout.trim().split('\n');
    expect(members[0]).toBe('toc.dat');
    expect(members[members.length - 1]).toBe('restore.sql');
    expect(members).toContain('blobs.toc');
    for (const e of tar.entries.filter((x) => x.hadDumper && x.desc !== 'BLOBS')) expect(members).toContain(e.extra);
    // restore.sql: our script, reading each table's rows from its extracted file
    const script = (await run('tar', ['-xOf', archives.tar, 'restore.sql'])).stdout;
    const copies = tar.entries.filter((x) => x.hadDumper && x.copyStmt);
    expect(copies.length).toBeGreaterThan(50);
    for (const e of copies) expect(script).toContain(`${e.copyStmt!.replace(/ FROM stdin;\n$/, '')} FROM '$$PATH$$/${e.dumpId}.dat';`);
    expect(script).toContain('-- PostgreSQL database dump complete');
  });

  it.each(FORMATS)('pg_restore -l lists every entry of the plain script (%s)', async (format) => {
    const expected = scriptBlocks(plain).map((b) => {
      const m = /^Name: (.*); Type: (.*); Schema: (.*); Owner: (.*)$/.exec(b.header)!;
      return `${m[2]} ${m[3]} ${m[1]} ${m[4] === '-' ? '' : m[4]}`.trimEnd();
    });
    const listed = (await listing(archives[format]))
      .filter((l) => !l.startsWith('SEQUENCE OWNED BY '))
      .map((l) => l.replace(/^RULE (.*) _RETURN( |$)/, 'VIEW $1$2').trimEnd());
    expect(listed).toEqual(expected);
    // the three sections partition the entries
    const sections = await Promise.all(['pre-data', 'data', 'post-data'].map((s) => listing(archives[format], [`--section=${s}`])));
    expect(sections.flat().sort()).toEqual((await listing(archives[format])).sort());
    expect(sections[1]!.every((l) => /^(TABLE DATA|SEQUENCE SET|BLOBS) /.test(l))).toBe(true);
    expect(sections[1]!.length).toBeGreaterThan(50);
    expect(sections[0]!.some((l) => l.startsWith('TABLE '))).toBe(true);
    expect(sections[2]!.some((l) => /^(INDEX|FK CONSTRAINT|TRIGGER|MATERIALIZED VIEW DATA) /.test(l))).toBe(true);
    expect(sections[2]!.some((l) => /^(TABLE|SCHEMA|FUNCTION) /.test(l))).toBe(false);
  });

  it.each(FORMATS)('pg_restore -f - prints our plain script, entry by entry (%s)', async (format) => {
    const { stdout, stderr } = await pgRestore(['-f', '-', archives[format]]);
    expect(stderr).toBe('');
    const restored = foldOwnedBy(scriptBlocks(stdout));
    const ours = inRestoreOrder(scriptBlocks(plain));
    expect(restored.map((b) => b.header)).toEqual(ours.map((b) => b.header));
    for (let i = 0; i < ours.length; i++) expect(restored[i]!.lines, ours[i]!.header).toEqual(ours[i]!.lines);
  });

  it('carries the database\'s own entries: pg_restore --create prints our plain --create script', async () => {
    const createFile = path.join(workDir, `pg${major}-create.sql`);
    await dumpToFile({ dbname: src, file: createFile, restrictKey: 'pgdumpts', create: true });
    const ours = inRestoreOrder(scriptBlocks(readFileSync(createFile, 'utf8')));
    const { stdout } = await pgRestore(['--create', '-f', '-', archives.custom]);
    const restored = foldOwnedBy(scriptBlocks(stdout));
    expect(restored.map((b) => b.header)).toEqual(ours.map((b) => b.header));
    for (let i = 0; i < ours.length; i++) expect(restored[i]!.lines, ours[i]!.header).toEqual(ours[i]!.lines);
    expect(stdout).toContain(`\\connect ${dbName('src')}`);
  });

  it.each(FORMATS)('pg_restore --exit-on-error restores a database pg_dump cannot tell from the original (%s)', async (format) => {
    const dst = await fresh(`full_${format}`);
    const { stderr } = await pgRestore(['--exit-on-error', '-d', dst, archives[format]]);
    expect(stderr).toBe('');
    expect(await oracle(dst)).toBe(await oracle(src));
  });

  it.each(['custom', 'directory'] as const)('pg_restore -j 2 restores it in parallel (%s)', async (format) => {
    const dst = await fresh(`par_${format}`);
    const { stderr } = await pgRestore(['-j', '2', '--exit-on-error', '-d', dst, archives[format]]);
    expect(stderr).toBe('');
    expect(await oracle(dst)).toBe(await oracle(src));
  });

  it('pg_restore refuses -j on a tar archive, as it does pg_dump\'s', async () => {
    const dst = await fresh('par_tar');
    await expect(pgRestore(['-j', '2', '-d', dst, archives.tar])).rejects.toThrow(/parallel restore is not supported with this archive file format/);
  });

  it.each(FORMATS)('pg_restore --section restores pre-data, data and post-data in three runs (%s)', async (format) => {
    const dst = await fresh(`sect_${format}`);
    for (const section of ['pre-data', 'data', 'post-data']) {
      const { stderr } = await pgRestore(['--exit-on-error', `--section=${section}`, '-d', dst, archives[format]]);
      expect(stderr).toBe('');
    }
    expect(await oracle(dst)).toBe(await oracle(src));
  });

  it.each(FORMATS)('pg_restore -L, -n and -t restore what they select, with their comments (%s)', async (format) => {
    const full = (await pgRestore(['-l', archives[format]])).stdout.split('\n');
    // -L: everything but comments, tables' data in reverse order where the format can seek
    const entries = full.filter((l) => /^\d+; /.test(l) && !/^\d+; \d+ \d+ COMMENT /.test(l));
    const data = entries.filter((l) => /^\d+; \d+ \d+ TABLE DATA /.test(l));
    const reversed = [...data].reverse();
    const ordered = format === 'tar' ? entries : entries.map((l) => (data.includes(l) ? reversed.shift()! : l));
    const listFile = path.join(workDir, `pg${major}-${format}.list`);
    writeFileSync(listFile, ordered.join('\n') + '\n');
    const noComments = await fresh(`list_${format}`);
    expect((await pgRestore(['--exit-on-error', '-L', listFile, '-d', noComments, archives[format]])).stderr).toBe('');
    expect(await oracle(noComments, ['--no-comments'])).toBe(await oracle(src, ['--no-comments']));
    const comments = `SELECT pg_catalog.obj_description('comments.t'::regclass, 'pg_class') AS t,
                             pg_catalog.col_description('comments.t'::regclass, 1) AS col,
                             pg_catalog.obj_description('comments.f(integer, text)'::regprocedure, 'pg_proc') AS f`;
    expect(await query(noComments, comments)).toEqual([{ t: null, col: null, f: null }]);

    // -n: one schema's objects, with their comments (the schema itself comes from a list)
    const schemaOnly = await fresh(`schema_${format}`);
    const schemaList = path.join(workDir, `pg${major}-${format}-schema.list`);
    writeFileSync(schemaList, full.filter((l) => /^\d+; \d+ \d+ (SCHEMA - comments |COMMENT - SCHEMA comments )/.test(l)).join('\n') + '\n');
    expect((await pgRestore(['--exit-on-error', '-L', schemaList, '-d', schemaOnly, archives[format]])).stderr).toBe('');
    expect((await pgRestore(['--exit-on-error', '-n', 'comments', '-d', schemaOnly, archives[format]])).stderr).toBe('');
    // (-x: pg_dump -n still dumps privileges changed on built-in objects, which are in no schema)
    expect(await oracle(schemaOnly, ['-n', 'comments', '-x'])).toBe(await oracle(src, ['-n', 'comments', '-x']));

    // -t: one table and its rows, with the comments on it and its columns
    const one = await fresh(`table_${format}`);
    await query(one, 'CREATE SCHEMA comments');
    expect((await pgRestore(['--exit-on-error', '-n', 'comments', '-t', 't', '-d', one, archives[format]])).stderr).toBe('');
    const tables = await query<{ relname: string }>(one, `SELECT relname FROM pg_catalog.pg_class WHERE relnamespace = 'comments'::regnamespace AND relkind = 'r'`);
    expect(tables.map((t) => t.relname)).toEqual(['t']);
    const probe = `SELECT (SELECT pg_catalog.json_agg(t ORDER BY id) FROM comments.t) AS rows,
                            pg_catalog.obj_description('comments.t'::regclass, 'pg_class') AS comment,
                            pg_catalog.col_description('comments.t'::regclass, 1) AS col`;
    expect(await query(one, probe)).toEqual(await query(src, probe));
  });

  it('writes a custom archive to a pipe without offsets, which pg_restore reads from standard input', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (b: Buffer) => chunks.push(b));
    await dumpToStream({ dbname: src, format: 'custom' }, out);
    const bytes = Buffer.concat(chunks);
    const file = path.join(workDir, `pg${major}-pipe.custom`);
    writeFileSync(file, bytes);
    const toc = readArchive(file);
    expect(toc.entries.filter((e) => e.hadDumper).every((e) => (e.extra as number[])[0] === 1)).toBe(true);
    const dst = await fresh('pipe');
    expect((await pgRestore(['--exit-on-error', '-d', dst], bytes)).stderr).toBe('');
    expect(await oracle(dst)).toBe(await oracle(src));
  });

  it.each(['custom', 'directory'] as const)('writes uncompressed data with -Z 0 (%s)', async (format) => {
    const file = path.join(workDir, `pg${major}-z0.${format}`);
    await dumpToFile({ dbname: src, file, format, compress: 0 });
    expect(readArchive(file).compression).toBe(0);
    if (format === 'directory') {
      const names = readdirSync(file);
      expect(names.some((n) => n.endsWith('.gz'))).toBe(false);
      expect(names.filter((n) => /^\d+\.dat$/.test(n)).length).toBeGreaterThan(50);
    }
    const dst = await fresh(`z0_${format}`);
    expect((await pgRestore(['--exit-on-error', '-d', dst, file])).stderr).toBe('');
    expect(await oracle(dst)).toBe(await oracle(src));
  });

  it('leaves nothing behind when the dump fails half-way', async () => {
    for (const format of FORMATS) {
      const target = path.join(workDir, `never-${major}.${format}`);
      const controller = new AbortController();
      const onProgress = (e: { type: string }) => {
        if (e.type === 'data') controller.abort();
      };
      await expect(dumpToFile({ dbname: src, file: target, format, signal: controller.signal, onProgress })).rejects.toThrow(/cancelled/);
      expect(existsSync(target)).toBe(false);
      expect(readdirSync(workDir).filter((f) => f.includes(`never-${major}`))).toEqual([]);
    }
  });
});
