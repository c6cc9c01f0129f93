// pgrestore-ts as a command and as a library on a small database: input detection, errors
// (counted, --exit-on-error, --single-transaction) against pg_restore's and psql's, the data-only
// path with --disable-triggers, and the usage errors.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { dumpToFile, restore } from '../src/index.js';
import { createDatabase, query, run } from './util/pg.js';
import { pgRestoreIgnored, pgrestoreTs, reportedErrors, runTool } from './util/pgrestore.js';
import { rewriteArchive } from './util/archive-versions.js';

const servers = inject('servers');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-pgrestore-'));

const FIXTURE = `
CREATE TABLE a (i int PRIMARY KEY, t text);
INSERT INTO a SELECT g, 'row ' || g FROM generate_series(1, 2000) g;
CREATE TABLE b (j int REFERENCES a, note text);
INSERT INTO b VALUES (1, 'x'), (2, E'tab\\there'), (3, '\\.');
CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RAISE EXCEPTION 'trigger fired'; END$$;
CREATE TRIGGER b_trg BEFORE INSERT ON b FOR EACH ROW EXECUTE FUNCTION trg();
COMMENT ON TABLE a IS 'the a table';
SELECT lo_from_bytea(0, decode(repeat('00ff', 20000), 'hex'));
`;
/** An object in the way: the archive's CREATE FUNCTION trg() fails, everything else works. */
const CONFLICT = `CREATE FUNCTION trg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;`;

describe.each(servers.map((s) => [s.major, s] as const))('PostgreSQL %i', (major, server) => {
  let src = '';
  let custom = '';
  let plain = '';
  let seq = 0;
  const fresh = async (setup?: string) => {
    const url = await createDatabase(server.url, `rc_${++seq}`);
    if (setup) await query(url, setup);
    return url;
  };
  const rows = async (url: string) => (await query<{ n: string }>(url, 'SELECT (SELECT count(*) FROM a) + (SELECT count(*) FROM b) AS n'))[0]!.n;
  const tables = async (url: string) => (await query<{ n: string }>(url, `SELECT count(*) AS n FROM pg_class WHERE relname IN ('a', 'b') AND relkind = 'r'`))[0]!.n;

  beforeAll(async () => {
    src = await createDatabase(server.url, 'rc_src');
    await query(src, FIXTURE);
    custom = path.join(workDir, `pg${major}.custom`);
    plain = path.join(workDir, `pg${major}.sql`);
    await dumpToFile({ dbname: src, file: custom, format: 'custom' });
    await dumpToFile({ dbname: src, file: plain, restrictKey: 'k' });
  });

  it('restores an archive and a plain script, from a file or standard input, with their data and large objects', async () => {
    for (const [args, input] of [[[custom], undefined], [[plain], undefined], [[], readFileSync(custom)], [[], readFileSync(plain)]] as const) {
      const dst = await fresh();
      const r = await pgrestoreTs(['-d', dst, ...args], input);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(await rows(dst)).toBe('2003');
      expect(await query(dst, `SELECT note FROM b ORDER BY j`)).toEqual([{ note: 'x' }, { note: 'tab\there' }, { note: '\\.' }]);
      expect(await query(dst, `SELECT length(lo_get(oid)) AS n FROM pg_largeobject_metadata`)).toEqual([{ n: 40000 }]);
      expect(await query(dst, `SELECT obj_description('a'::regclass, 'pg_class') AS c`)).toEqual([{ c: 'the a table' }]);
    }
  });

  it('counts errors and goes on, naming the TOC entry, as pg_restore does', async () => {
    const [a, b] = [await fresh(CONFLICT), await fresh(CONFLICT)];
    const oracle = await runTool('pg_restore', ['-d', a, custom]);
    const r = await pgrestoreTs(['-d', b, custom]);
    expect(r.code).toBe(1);
    expect(oracle.code).toBe(1);
    const errs = reportedErrors(r.stderr);
    expect(errs.ignored).toBe(pgRestoreIgnored(oracle.stderr));
    expect(errs.lines).toHaveLength(errs.ignored);
    expect(errs.lines[0]).toMatch(/^pgrestore-ts: error: TOC entry \d+; FUNCTION public\.trg\(\) \(owner [^)]+\): ERROR: {2}function "trg" already exists with same argument types \(in: CREATE FUNCTION public\.trg\(\)/);
    expect(await rows(b)).toBe('2003');
  });

  it('counts errors of a plain script with their line numbers, as psql does', async () => {
    const [a, b] = [await fresh(CONFLICT), await fresh(CONFLICT)];
    const psql = await runTool('psql', ['-X', '-q', '-d', a, '-f', plain]);
    const psqlErrors = psql.stderr.split('\n').filter((l) => /ERROR: /.test(l));
    const r = await pgrestoreTs(['-d', b, plain]);
    expect(r.code).toBe(1);
    const errs = reportedErrors(r.stderr);
    expect(errs.ignored).toBe(psqlErrors.length);
    const line = Number(/^pgrestore-ts: error: line (\d+): /.exec(errs.lines[0]!)![1]);
    expect(readFileSync(plain, 'utf8').split('\n')[line - 1]).toMatch(/^CREATE FUNCTION public\.trg\(\)/);
    expect(await rows(b)).toBe(await rows(a));
  });

  it('--exit-on-error stops at the first error; --single-transaction also leaves nothing behind', async () => {
    for (const input of [custom, plain]) {
      const stopped = await fresh(CONFLICT);
      const e = await pgrestoreTs(['-e', '-d', stopped, input]);
      expect(e.code, input).toBe(6);
      expect(e.stderr).toMatch(/^pgrestore-ts: error: (TOC entry \d+; FUNCTION public\.trg\(\) \(owner [^)]+\)|line \d+): .*function "trg" already exists[^\n]*\n$/);
      const one = await fresh(CONFLICT);
      const t = await pgrestoreTs(['-1', '-d', one, input]);
      expect(t.code, input).toBe(6);
      expect(t.stderr.trim().split('\n')).toHaveLength(1);
      expect(await tables(one)).toBe('0');
    }
    // pg_restore agrees: -1 with the same conflict fails and creates nothing
    const byPgRestore = await fresh(CONFLICT);
    await expect(run('pg_restore', ['-1', '-d', byPgRestore, custom])).rejects.toThrow(/already exists/);
    expect(await tables(byPgRestore)).toBe('0');
  });

  it('a data-only restore fires triggers unless --disable-triggers, as with pg_restore', async () => {
    for (const disable of [false, true]) {
      const [a, b] = [await fresh(), await fresh()];
      for (const dst of [a, b]) expect((await pgrestoreTs(['-s', '-d', dst, custom])).code).toBe(0);
      const args = ['-a', ...(disable ? ['--disable-triggers'] : [])];
      const oracle = await runTool('pg_restore', [...args, '-d', a, custom]);
      const r = await pgrestoreTs([...args, '-d', b, custom]);
      expect(reportedErrors(r.stderr).ignored).toBe(pgRestoreIgnored(oracle.stderr));
      expect(r.code).toBe(disable ? 0 : 1);
      expect(await rows(b)).toBe(await rows(a));
      expect(await rows(b)).toBe(disable ? '2003' : '2000');
    }
  });

  it('reads archive versions 1.12 to 1.16, custom without data offsets', async () => {
    const directory = path.join(workDir, `pg${major}.dir`);
    await dumpToFile({ dbname: src, file: directory, format: 'directory' });
    const script = async (tool: 'pg_restore' | 'ours', file: string) => {
      const args = ['--restrict-key=k', '-f', '-', file];
      const r = tool === 'ours' ? await pgrestoreTs(args) : await runTool('pg_restore', args);
      expect(r.stderr, `${tool} ${file}`).toBe('');
      return r.stdout.toString('utf8');
    };
    const current = await script('pg_restore', custom);
    for (const minor of [12, 13, 15, 16] as const) {
      for (const [kind, from] of [['custom', custom], ['directory', directory]] as const) {
        const file = path.join(workDir, `pg${major}-v${minor}.${kind}`);
        rewriteArchive(from, file, minor, kind);
        const ours = await script('ours', file);
        // pg_restore 15 reads up to 1.14; a newer version must print what the 1.14 archive prints
        if (minor <= 14) expect(ours, `1.${minor} ${kind}`).toBe(await script('pg_restore', file));
        else expect(ours, `1.${minor} ${kind}`).toBe(current);
        if (minor < 14) expect(ours).not.toContain('default_table_access_method');
        const listing = (await pgrestoreTs(['-l', file])).stdout.toString('utf8');
        expect(listing).toContain(`;     Dump Version: 1.${minor}-0\n`);
      }
      const dst = await fresh();
      const r = await pgrestoreTs(['-d', dst, '-j', '2', path.join(workDir, `pg${major}-v${minor}.custom`)]);
      expect(r.stderr).toBe('');
      expect(await rows(dst)).toBe('2003');
      expect(await query(dst, `SELECT length(lo_get(oid)) AS n FROM pg_largeobject_metadata`)).toEqual([{ n: 40000 }]);
    }
  });

  it('-C creates the archive\'s database and restores into it; -c -C --if-exists drops and recreates it', async () => {
    const name = `rc_created_${major}`;
    const made = await createDatabase(server.url, name);
    await query(made, `CREATE TABLE c (k int); INSERT INTO c VALUES (1), (2); ALTER DATABASE ${name} SET work_mem = '8MB';`);
    const archive = path.join(workDir, `pg${major}-create.custom`);
    await dumpToFile({ dbname: made, file: archive, format: 'custom' });
    await query(server.url, `DROP DATABASE ${name}`);
    const r = await pgrestoreTs(['-C', '-d', server.url, archive]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(await query(made, 'SELECT count(*)::int AS n FROM c')).toEqual([{ n: 2 }]);
    expect(await query(made, `SELECT current_setting('work_mem') AS w`)).toEqual([{ w: '8MB' }]);
    await query(made, 'INSERT INTO c VALUES (3)');
    const again = await pgrestoreTs(['-c', '-C', '--if-exists', '-d', server.url, archive]);
    expect(again.stderr).toBe('');
    expect(await query(made, 'SELECT count(*)::int AS n FROM c')).toEqual([{ n: 2 }]);
  });

  // pg_dump 15 dumps servers 13 to 15 only
  if (major <= 15) {
    it('prints a LATIN1 archive of pg_dump byte for byte, and will not restore it into a database', async () => {
      const name = `rc_latin1_${major}`;
      await query(server.url, `DROP DATABASE IF EXISTS ${name}`);
      await query(server.url, `CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'`);
      const latin = src.replace(/\/rc_src$/, `/${name}`);
      await query(latin, `CREATE TABLE "té" ("cé" text); INSERT INTO "té" VALUES ('café'); COMMENT ON TABLE "té" IS 'ñ'`);
      const archive = path.join(workDir, `pg${major}-latin1.custom`);
      await run('pg_dump', ['-Fc', '-E', 'LATIN1', '-f', archive, '-d', latin]);
      for (const args of [['-l'], ['--restrict-key=k', '-f', '-']]) {
        const ours = await pgrestoreTs([...args, archive]);
        const oracle = await runTool('pg_restore', [...args, archive]);
        expect(ours.stdout.equals(oracle.stdout), args.join(' ')).toBe(true);
        expect(ours.stdout.includes(Buffer.from('t\xe9', 'latin1'))).toBe(true);
      }
      const r = await pgrestoreTs(['-d', await fresh(), archive]);
      expect(r.code).toBe(8);
      expect(r.stderr).toMatch(/^pgrestore-ts: error: the archive's encoding is LATIN1; only UTF8 archives can be restored into a database[^\n]*\n$/);
    });
  }

  it('works as a library: restore() with a connection string, errors through onError', async () => {
    const dst = await fresh(CONFLICT);
    const seen: string[] = [];
    const r = await restore({ input: custom, dbname: dst, onError: (e) => seen.push(`${e.entry?.desc} ${e.entry?.tag}`) });
    expect(r).toEqual({ kind: 'custom', errors: 1 });
    expect(seen).toEqual(['FUNCTION trg()']);
    const script = path.join(workDir, `pg${major}-lib.sql`);
    await restore({ input: custom, file: script, restrictKey: 'abc' });
    expect(readFileSync(script, 'utf8')).toBe((await run('pg_restore', ['--restrict-key=abc', '-f', '-', custom])).stdout);
  });

  it('usage errors: one line, exit 2; connection errors exit 3', async () => {
    const cases: [string[], RegExp][] = [
      [['--bogus', custom], /unknown option '--bogus'/],
      [[custom], /one of -d\/--dbname and -f\/--file must be specified/],
      [['-d', src, '-f', '-', custom], /cannot be used together/],
      [['-c', '-a', '-f', '-', custom], /-c\/--clean and -a\/--data-only cannot be used together/],
      [['--if-exists', '-f', '-', custom], /--if-exists requires option -c\/--clean/],
      [['-C', '-1', '-d', src, custom], /-C\/--create and -1\/--single-transaction/],
      [['-j', '0', '-d', src, custom], /-j\/--jobs must be in range/],
      [['--section=middle', '-f', '-', custom], /unrecognized section name/],
      [['-f', '-', plain], /plain SQL script: -l and -f apply to archives only/],
      [['-t', 'a', '-d', src, plain], /plain SQL script; -t apply to archives only/],
      [['-f', '-', path.join(workDir, 'missing.dump')], /could not open input file/],
    ];
    for (const [args, message] of cases) {
      const r = await pgrestoreTs(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^pgrestore-ts: error: [^\n]*\n$/);
      expect(r.stderr).toMatch(message);
      expect(r.stdout.length).toBe(0);
    }
    const garbage = path.join(workDir, 'garbage.bin');
    writeFileSync(garbage, Buffer.from([0, 1, 2, 3, 0, 0, 7]));
    expect((await pgrestoreTs(['-f', '-', garbage])).code).toBe(2);
    const down = await pgrestoreTs(['-d', 'postgresql://postgres@127.0.0.1:1/x', custom]);
    expect(down.code).toBe(3);
    expect(down.stderr).toMatch(/^pgrestore-ts: error: could not connect[^\n]*\n$/);
    const help = await pgrestoreTs(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.toString()).toMatch(/Usage: pgrestore-ts/);
    for (const flag of ['-l', '-L', '-j', '--section', '--if-exists', '--disable-triggers', '--exit-on-error', '--single-transaction']) {
      expect(help.stdout.toString()).toContain(flag);
    }
    const version = await pgrestoreTs(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.toString()).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
