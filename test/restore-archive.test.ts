// pgrestore-ts on the kitchen-sink database, judged by the real pg_restore 15 and psql: the
// script it prints (-f -) and the listing (-l) are pg_restore's byte for byte, and what it
// restores into a database has the catalog of the original, or of pg_restore's restore.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { dumpToFile } from '../src/index.js';
import { loadCases } from './util/cases.js';
import { catalogSnapshot } from './util/catalog-snapshot.js';
import { createDatabase, run } from './util/pg.js';
import { pgRestoreIgnored, pgrestoreTs, reportedErrors, runTool } from './util/pgrestore.js';

const servers = inject('servers');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-restore-'));
const KEY = 'pgdumpts';
/** The major where the heavy matrix (real pg_dump archives, every option) runs. */
const HEAVY = 15;
const FORMATS = ['custom', 'directory', 'tar'] as const;

async function installedMajor(): Promise<number> {
  const { stdout } = await run('pg_restore', ['--version']);
  return Number(/(\d+)(?:\.\d+)?/.exec(stdout)![1]);
}

describe.each(servers.map((s) => [s.major, s] as const))('PostgreSQL %i', (major, server) => {
  let src = '';
  let snapshot: Record<string, string[]> = {};
  let toolMajor = 0;
  /** archives and scripts: ours.<format>, pg.<format> (real pg_dump), pgpipe.custom, ours.sql, pg.sql */
  const files: Record<string, string> = {};
  let seq = 0;
  const fresh = () => createDatabase(server.url, `rs_${++seq}`);
  const snap = async (url: string) => Object.fromEntries(await catalogSnapshot(url, server.versionNum));

  beforeAll(async () => {
    toolMajor = await installedMajor();
    src = await createDatabase(server.url, 'rs_src');
    await loadCases(src, major);
    snapshot = await snap(src);
    for (const format of FORMATS) {
      files[`ours.${format}`] = path.join(workDir, `pg${major}-ours.${format}`);
      await dumpToFile({ dbname: src, file: files[`ours.${format}`]!, format });
    }
    if (major === HEAVY && major <= toolMajor) {
      for (const [format, flag] of [['custom', 'c'], ['directory', 'd'], ['tar', 't']] as const) {
        files[`pg.${format}`] = path.join(workDir, `pg${major}-pg.${format}`);
        await run('pg_dump', [`-F${flag}`, '-f', files[`pg.${format}`]!, '-d', src]);
      }
      // written to a pipe: no data offsets in the TOC
      const piped = await runTool('pg_dump', ['-Fc', '-d', src]);
      expect(piped.code).toBe(0);
      files['pgpipe.custom'] = path.join(workDir, `pg${major}-pgpipe.custom`);
      writeFileSync(files['pgpipe.custom'], piped.stdout);
      files['pg.sql'] = path.join(workDir, `pg${major}-pg.sql`);
      await run('pg_dump', [`--restrict-key=${KEY}`, '-f', files['pg.sql'], '-d', src]);
      files['ours.sql'] = path.join(workDir, `pg${major}-ours.sql`);
      await dumpToFile({ dbname: src, file: files['ours.sql'], restrictKey: KEY });
    }
  });

  /** The same run of pg_restore and pgrestore-ts writing a script: identical bytes. */
  async function sameScript(file: string, args: string[] = [], viaStdin = false): Promise<number> {
    const input = viaStdin ? readFileSync(file) : undefined;
    const target = viaStdin ? [] : [file];
    const oracle = await runTool('pg_restore', [`--restrict-key=${KEY}`, ...args, '-f', '-', ...target], input);
    expect(oracle.code, oracle.stderr).toBe(0);
    const ours = await pgrestoreTs([`--restrict-key=${KEY}`, ...args, '-f', '-', ...target], input);
    expect(ours.stderr).toBe('');
    expect(ours.code).toBe(0);
    expect(ours.stdout.length).toBeGreaterThan(0);
    if (!ours.stdout.equals(oracle.stdout)) {
      // show the first differing line
      const a = oracle.stdout.toString('utf8').split('\n');
      const b = ours.stdout.toString('utf8').split('\n');
      const i = a.findIndex((l, k) => l !== b[k]);
      expect(b.slice(i, i + 5).join('\n'), `line ${i + 1} of -f - ${args.join(' ')}`).toBe(a.slice(i, i + 5).join('\n'));
    }
    expect(ours.stdout.equals(oracle.stdout)).toBe(true);
    return ours.stdout.length;
  }

  it.each(FORMATS)('-f - prints what pg_restore -f - prints, byte for byte (our %s archive)', async (format) => {
    expect(await sameScript(files[`ours.${format}`]!)).toBeGreaterThan(100_000);
  });

  it('-l lists what pg_restore -l lists, and pg_restore -L reads the list back', async () => {
    const file = files['ours.custom']!;
    const oracle = (await runTool('pg_restore', ['-l', file])).stdout.toString('utf8');
    const ours = await pgrestoreTs(['-l', file]);
    expect(ours.code).toBe(0);
    expect(ours.stdout.toString('utf8')).toBe(oracle);
    // an edited list: no comments, tables' data last and reversed; both tools follow it alike
    const lines = ours.stdout.toString('utf8').split('\n');
    const edited = [...lines.filter((l) => !/ (COMMENT|TABLE DATA) /.test(l)), ...lines.filter((l) => / TABLE DATA /.test(l)).reverse()];
    const list = path.join(workDir, `pg${major}-edited.list`);
    writeFileSync(list, edited.join('\n'));
    await sameScript(file, ['-L', list]);
    const listed = await pgrestoreTs(['-l', '-L', list, file]);
    expect(listed.stdout.toString('utf8')).toBe((await runTool('pg_restore', ['-l', '-L', list, file])).stdout.toString('utf8'));
  });

  it('restores our custom archive serially and our directory archive with -j 2 to the original catalog', async () => {
    for (const [format, args] of [['custom', []], ['directory', ['-j', '2']]] as const) {
      const dst = await fresh();
      const r = await pgrestoreTs(['-d', dst, ...args, files[`ours.${format}`]!]);
      expect(r.stderr, format).toBe('');
      expect(r.code).toBe(0);
      expect(await snap(dst), format).toEqual(snapshot);
    }
  });

  if (major !== HEAVY) return;

  it('restores our tar archive, and one read from standard input, like pg_restore does', async () => {
    const byPgRestore = await fresh();
    const oracle = await runTool('pg_restore', ['--exit-on-error', '-d', byPgRestore, files['ours.tar']!]);
    expect(oracle.code, oracle.stderr).toBe(0);
    expect(await snap(byPgRestore)).toEqual(snapshot);
    const dst = await fresh();
    expect((await pgrestoreTs(['-d', dst, files['ours.tar']!])).code).toBe(0);
    expect(await snap(dst)).toEqual(snapshot);
    const piped = await fresh();
    const r = await pgrestoreTs(['-d', piped], readFileSync(files['ours.custom']!));
    expect(r.stderr).toBe('');
    expect(await snap(piped)).toEqual(snapshot);
  });

  it('prints and restores real pg_dump 15 archives (custom, directory, tar, custom written to a pipe) as pg_restore does', async () => {
    expect(major).toBeLessThanOrEqual(toolMajor);
    for (const name of ['pg.custom', 'pg.directory', 'pg.tar', 'pgpipe.custom']) await sameScript(files[name]!);
    await sameScript(files['pgpipe.custom']!, [], true);
    // pg_dump 15 cannot dump every object of the corpus (it fails on some languages): both
    // tools then report the same errors, and leave the same catalog
    const byPgRestore = await fresh();
    const oracle = await runTool('pg_restore', ['-d', byPgRestore, files['pg.custom']!]);
    const expected = await snap(byPgRestore);
    for (const [name, args] of [['pg.custom', []], ['pg.directory', ['-j', '2']], ['pg.tar', []], ['pgpipe.custom', []]] as const) {
      const dst = await fresh();
      const r = await pgrestoreTs(['-d', dst, ...args, files[name]!]);
      expect(r.code, name).toBe(oracle.code);
      const errs = reportedErrors(r.stderr);
      expect(errs.ignored, name).toBe(pgRestoreIgnored(oracle.stderr));
      expect(errs.lines.length).toBe(errs.ignored);
      expect(await snap(dst), name).toEqual(expected);
    }
    // the table pg_dump 15 could not create: with --no-data-for-failed-tables its COPY is not tried
    const [a, b] = [await fresh(), await fresh()];
    const without = await runTool('pg_restore', ['--no-data-for-failed-tables', '-d', a, files['pg.custom']!]);
    const r = await pgrestoreTs(['--no-data-for-failed-tables', '-d', b, files['pg.custom']!]);
    expect(reportedErrors(r.stderr).ignored).toBe(pgRestoreIgnored(without.stderr));
    expect(pgRestoreIgnored(without.stderr)).toBe(pgRestoreIgnored(oracle.stderr) - 1);
    expect(r.stderr).toMatch(/warning: table "t" could not be created, will not restore its data/);
  });

  it('replays plain dumps by pg_dump 15 and pgdump-ts to the catalog psql gives, with the same errors', async () => {
    for (const name of ['pg.sql', 'ours.sql']) {
      const byPsql = await fresh();
      const psql = await runTool('psql', ['-X', '-q', '-d', byPsql, '-f', files[name]!]);
      // psql runs the rows of a COPY that failed as SQL (syntax errors); pgrestore-ts skips them
      const psqlErrors = psql.stderr.split('\n').filter((l) => /ERROR: /.test(l) && !/ERROR:  syntax error at or near/.test(l)).length;
      const dst = await fresh();
      const r = await pgrestoreTs(['-d', dst, files[name]!]);
      expect(reportedErrors(r.stderr).ignored, name).toBe(psqlErrors);
      expect(r.code, name).toBe(psqlErrors ? 1 : 0);
      expect(await snap(dst), name).toEqual(await snap(byPsql));
    }
  });

  it('prints what pg_restore prints with each option', async () => {
    const list = (await runTool('pg_restore', ['-l', files['ours.custom']!])).stdout.toString('utf8');
    const [, schema, table] = / TABLE DATA ([a-z_]+) ([a-z_]+) /.exec(list)!;
    const index = / INDEX [a-z_]+ ([a-z_]+) /.exec(list)![1]!;
    const fn = / FUNCTION [a-z_]+ ([a-z_]+\([a-z, ]*\)) /.exec(list)![1]!;
    const variants: string[][] = [
      ['-c', '--if-exists'], ['-c'], ['-C'], ['-c', '-C', '--if-exists'], ['-O', '-x'], ['-s'], ['-a'], ['-a', '--disable-triggers', '-S', 'postgres'],
      ['--section=pre-data'], ['--section=data', '--section=post-data'], ['-t', table!], ['-n', schema!], ['-n', schema!, '-N', schema!],
      ['-N', schema!], ['-n', schema!, '-t', table!], ['-I', index], ['-P', fn], ['-1'], ['--no-comments', '--no-tablespaces', '--no-publications', '--no-subscriptions'],
      ['--role=postgres', '--enable-row-security'], ['--no-table-access-method', '--no-security-labels'],
      ['--use-set-session-authorization'], ['--use-set-session-authorization', '-c', '--if-exists', '-C'],
    ];
    for (const args of variants) await sameScript(files['ours.custom']!, args);
    // -v: each header names the TOC entry, its dependencies and where its data is; only the
    // "Completed on" time may differ
    const completed = (b: Buffer) => b.toString('utf8').replace(/^-- Completed on .*$/m, '-- Completed on');
    for (const file of [files['ours.custom']!, files['pg.directory']!, files['pgpipe.custom']!]) {
      for (const args of [['-v', '-f', '-'], ['-v', '-l']]) {
        const oracle = await runTool('pg_restore', [`--restrict-key=${KEY}`, ...args, file]);
        const ours = await pgrestoreTs([`--restrict-key=${KEY}`, ...args, file]);
        expect(ours.code).toBe(0);
        expect(completed(ours.stdout), `${args.join(' ')} ${file}`).toBe(completed(oracle.stdout));
        expect(ours.stdout.toString('utf8')).toMatch(args[1] === '-l' ? /;\tdepends on: \d+/ : /-- TOC entry \d+ \(class \d+ OID \d+\)\n-- Dependencies: \d+/);
      }
    }
    for (const args of [['-c', '--if-exists'], ['-a', '--disable-triggers'], ['-C', '-O', '-x']]) {
      await sameScript(files['ours.tar']!, args);
      await sameScript(files['pg.directory']!, args);
    }
  });

  it('restores selectively (-t, -n, -L, --section in three runs) as pg_restore does', async () => {
    const file = files['ours.custom']!;
    const list = (await runTool('pg_restore', ['-l', file])).stdout.toString('utf8');
    const [, schema, table] = / TABLE ([a-z_]+) ([a-z_]+) /.exec(list)!;
    const subset = path.join(workDir, `pg${major}-subset.list`);
    writeFileSync(subset, list.split('\n').filter((l) => l.includes(` ${schema} `) && !/ (ACL|COMMENT) /.test(l)).join('\n'));
    for (const args of [['-t', table!], ['-n', schema!], ['-L', subset], ['-s', '-n', schema!, '-x', '-O']]) {
      const [a, b] = [await fresh(), await fresh()];
      const oracle = await runTool('pg_restore', ['-d', a, ...args, file]);
      const ours = await pgrestoreTs(['-d', b, ...args, file]);
      expect(ours.code, args.join(' ')).toBe(oracle.code);
      expect(reportedErrors(ours.stderr).ignored).toBe(pgRestoreIgnored(oracle.stderr));
      expect(await snap(b), args.join(' ')).toEqual(await snap(a));
    }
    const dst = await fresh();
    for (const section of ['pre-data', 'data', 'post-data']) {
      const r = await pgrestoreTs(['-d', dst, `--section=${section}`, '-e', file]);
      expect(r.stderr, section).toBe('');
    }
    expect(await snap(dst)).toEqual(snapshot);
  });

  it('--clean --if-exists over a restored database fails where pg_restore fails, and leaves the original catalog', async () => {
    const file = files['ours.custom']!;
    const [a, b] = [await fresh(), await fresh()];
    expect((await pgrestoreTs(['-d', a, file])).code).toBe(0);
    expect((await pgrestoreTs(['-d', b, file])).code).toBe(0);
    const oracle = await runTool('pg_restore', ['-c', '--if-exists', '-d', a, file]);
    const ours = await pgrestoreTs(['-c', '--if-exists', '-d', b, file]);
    // objects that only CASCADE could drop, and subscriptions whose slot cannot be dropped
    expect(pgRestoreIgnored(oracle.stderr)).toBeGreaterThan(0);
    expect(reportedErrors(ours.stderr).ignored).toBe(pgRestoreIgnored(oracle.stderr));
    expect(ours.code).toBe(1);
    expect(await snap(b)).toEqual(await snap(a));
    expect(await snap(b)).toEqual(snapshot);
  });

  it('refuses -j on a tar archive, as pg_restore does', async () => {
    const r = await pgrestoreTs(['-j', '2', '-d', await fresh(), files['ours.tar']!]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^pgrestore-ts: error: parallel restore is not supported with the tar archive format.*\n$/);
  });
});
