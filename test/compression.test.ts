// -Z/--compress as pg_dump 15..18 read it: plain scripts gzip'ed as a whole (read back by the real
// gunzip), custom and directory archives with compressed data blocks or files (read back by the
// real pg_restore 15), tar refusing compression. Compression does not depend on the server, so
// the first server is enough.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseCompressSpec } from '../src/cli/compress-flag.js';
import { EXIT_CODES } from '../src/errors.js';
import { readArchive } from './util/archive-reader.js';
import { createDatabase, psqlString, run } from './util/pg.js';
import { cli as runCli, END_MARK, expectOneLineError } from './util/reliability.js';

const server = inject('servers')[0]!;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-z-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let db: string;
let plain: string;

beforeAll(async () => {
  db = await createDatabase(server.url, 'z_src');
  await psqlString(db, `CREATE TABLE t (id int PRIMARY KEY, v text);
    INSERT INTO t SELECT g, repeat('row ' || g, 20) FROM generate_series(1, 2000) g;`);
  const r = await cli([db]);
  expect(r.code, r.stderr).toBe(0);
  plain = r.stdout.toString();
});

let n = 0;
const out = (ext: string): string => path.join(tmp, `out${n++}${ext}`);
/** A fixed \\restrict key, so two plain scripts of the same database compare equal. */
const cli = (args: string[]) => runCli(['--restrict-key=k', ...args]);

/** gzip's XFL header byte: 2 for the slowest level (9), 4 for the fastest (1), 0 otherwise. */
const xfl = (gz: Buffer): number => gz[8]!;
const isGzip = (b: Buffer): boolean => b[0] === 0x1f && b[1] === 0x8b;

/** pg_dump 15 reads the same bare levels: accepted or refused alike. */
function realPgDumpAccepts(spec: string): boolean {
  const r = spawnSync('pg_dump', ['-Z', spec, '-s', '-f', '/dev/null', db], { encoding: 'utf8' });
  return r.status === 0;
}

describe('-Z specifications', () => {
  it('reads bare levels like the real pg_dump 15', () => {
    for (const spec of ['0', '1', '5', '9', '10', '-1', '12']) {
      let ours: boolean;
      try { parseCompressSpec(spec); ours = true; } catch { ours = false; }
      expect(ours, `-Z ${spec}`).toBe(realPgDumpAccepts(spec));
    }
  });

  it("reads pg_dump 16..18's METHOD[:DETAIL] forms (0 = none, -1 = gzip's default level)", () => {
    const cases: Array<[string, number]> = [
      ['0', 0], ['5', 5], ['none', 0], ['none:0', 0], ['gzip', -1], ['gzip:9', 9], ['gzip:level=3', 3], ['gzip:1', 1],
    ];
    for (const [spec, level] of cases) expect(parseCompressSpec(spec), spec).toBe(level);
    const bad: Array<[string, RegExp]> = [
      ['lz4', /does not support lz4/], ['zstd:3', /does not support zstd/], ['brotli', /unrecognized compression algorithm "brotli"/],
      ['gzip:0', /between 1 and 9/], ['gzip:10', /between 1 and 9/], ['none:5', /"none" does not accept a compression level/],
      ['gzip:workers=2', /worker count/], ['gzip:long', /long-distance/], ['gzip:x', /unrecognized compression option: "x"/],
      ['gzip:level=', /must be an integer/], ['gzip:', /empty string/],
    ];
    for (const [spec, msg] of bad) expect(() => parseCompressSpec(spec), spec).toThrow(msg);
  });
});

describe('plain format', () => {
  it('-Z 0 and -Z none write the script uncompressed', async () => {
    for (const spec of ['0', 'none']) {
      const file = out('.sql');
      const r = await cli(['-Z', spec, '-f', file, db]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(plain);
      const toStdout = await cli(['-Z', spec, db]);
      expect(toStdout.stdout.toString()).toBe(plain);
    }
  });

  it('-Z 5, gzip, gzip:9, --compress=gzip:level=3 write a gzip file that gunzip reads; the level is honoured', async () => {
    const sizes: Record<string, number> = {};
    for (const args of [['-Z', '5'], ['-Z', 'gzip'], ['-Z', 'gzip:9'], ['--compress=gzip:level=3'], ['-Z', '1']]) {
      const file = out('.sql.gz');
      const r = await cli([...args, '-f', file, db]);
      expect(r.code, r.stderr).toBe(0);
      const gz = readFileSync(file);
      expect(isGzip(gz), args.join(' ')).toBe(true);
      expect((await run('gunzip', ['-c', file])).stdout).toBe(plain);
      sizes[args.join(' ')] = gz.length;
      if (args.includes('gzip:9')) expect(xfl(gz)).toBe(2);
      if (args.includes('1')) expect(xfl(gz)).toBe(4);
    }
    expect(sizes['-Z 1']).toBeGreaterThan(sizes['-Z gzip:9']!);
    // To standard output as well.
    const s = await cli(['-Z', 'gzip:9', db]);
    expect(s.code, s.stderr).toBe(0);
    expect(isGzip(s.stdout)).toBe(true);
    expect((await run('gunzip', ['-c'], s.stdout)).stdout).toBe(plain);
    expect(plain).toContain(END_MARK);
  });
});

describe('archive formats', () => {
  /** What the real pg_restore 15 makes of an archive: its script. */
  async function restored(archive: string): Promise<string> {
    return (await run('pg_restore', ['--restrict-key=k', '-f', '-', archive])).stdout;
  }
  let reference: string;
  beforeAll(async () => {
    const file = out('.dump');
    expect((await cli(['-Fc', '-Z', '0', '-f', file, db])).code).toBe(0);
    reference = await restored(file);
    expect(reference).toContain('COPY public.t (id, v) FROM stdin;');
  });

  it('custom: -Z sets the level of every data block; pg_restore reads each', async () => {
    const cases: Array<[string[], number]> = [
      [[], -1], [['-Z', '0'], 0], [['-Z', 'none'], 0], [['-Z', '5'], 5], [['-Z', 'gzip'], -1], [['-Z', 'gzip:9'], 9], [['--compress=gzip:level=3'], 3],
    ];
    for (const [args, level] of cases) {
      const file = out('.dump');
      const r = await cli(['-Fc', ...args, '-f', file, db]);
      expect(r.code, r.stderr).toBe(0);
      expect(readArchive(file).compression, args.join(' ')).toBe(level);
      expect(await restored(file), args.join(' ')).toBe(reference);
      const bytes = readFileSync(file);
      // Uncompressed data blocks carry the rows as text; compressed ones do not.
      expect(bytes.includes('row 1999row 1999'), args.join(' ')).toBe(level === 0);
    }
  });

  it('directory: -Z 0 writes .dat files, gzip levels write .dat.gz; pg_restore reads both', async () => {
    for (const [args, gz] of [[['-Z', '0'], false], [['-Z', 'none'], false], [['-Z', 'gzip:9'], true], [['-Z', '5'], true], [[], true]] as const) {
      const dir = out('.dir');
      const r = await cli(['-Fd', ...args, '-f', dir, db]);
      expect(r.code, r.stderr).toBe(0);
      const data = readdirSync(dir).filter((f) => /^\d+\.dat/.test(f));
      expect(data.length).toBeGreaterThan(0);
      expect(data.every((f) => f.endsWith(gz ? '.dat.gz' : '.dat')), `${args.join(' ')}: ${data.join(' ')}`).toBe(true);
      expect(await restored(dir)).toBe(reference);
    }
  });

  it('tar: -Z 0 and -Z none are accepted; any compression is refused like pg_dump does', async () => {
    for (const spec of ['0', 'none']) {
      const file = out('.tar');
      const r = await cli(['-Ft', '-Z', spec, '-f', file, db]);
      expect(r.code, r.stderr).toBe(0);
      expect(await restored(file)).toBe(reference);
    }
    for (const spec of ['5', 'gzip', 'gzip:1']) {
      const file = out('.tar');
      const r = await cli(['-Ft', '-Z', spec, '-f', file, db]);
      expect(r.code).toBe(EXIT_CODES.usage);
      expectOneLineError(r.stderr, 'compression is not supported by tar archive format');
      expect(existsSync(file)).toBe(false);
    }
  });

  it('lz4 and zstd are refused with one line, before connecting', async () => {
    for (const spec of ['lz4', 'zstd', 'zstd:level=3']) {
      const r = await cli(['-Fc', '-Z', spec, '-f', out('.dump'), 'postgresql://nobody@127.0.0.1:1/x']);
      expect(r.code).toBe(EXIT_CODES.usage);
      expectOneLineError(r.stderr, `does not support ${spec.split(':')[0]} compression`);
    }
  });
});
