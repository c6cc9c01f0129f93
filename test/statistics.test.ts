// pg_dump 18's --statistics / --statistics-only / --no-statistics: relation and column statistics
// of every source major, written as pg_restore_relation_stats / pg_restore_attribute_stats calls
// and restored into PostgreSQL 18 (the first release with those functions). The copy's pg_stats
// and pg_class numbers must equal the source's. The target runs without autovacuum, so nothing
// but the restore can set its statistics; the source's statistics are deliberately stale (rows
// added after ANALYZE), so the copy cannot get them by analyzing its own rows either.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXIT_CODES } from '../src/errors.js';
import { startServer, type TestServer } from './servers/index.js';
import { createDatabase, psqlFile, psqlString, query, run } from './util/pg.js';
import { cli, END_MARK, expectOneLineError } from './util/reliability.js';

const servers = inject('servers');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-stats-'));
let target: TestServer;

beforeAll(async () => {
  target = await startServer(18, { autovacuum: 'off' });
});
afterAll(async () => {
  await target?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const SOURCE = `
CREATE SCHEMA st;
CREATE TABLE st.people (id int PRIMARY KEY, name text, tags text[], age int, span int4range)
  WITH (autovacuum_enabled = false);
CREATE INDEX people_lower ON st.people (lower(name));
CREATE INDEX people_age ON st.people (age);
INSERT INTO st.people
  SELECT g, 'name ' || (g % 50), ARRAY['t' || (g % 7), 't' || (g % 3)], g % 90, int4range(g % 10, g % 10 + g % 5 + 1)
    FROM generate_series(1, 3000) g;
CREATE TABLE st.events (id int, at date, kind text) PARTITION BY RANGE (at);
CREATE TABLE st.events_a PARTITION OF st.events FOR VALUES FROM ('2024-01-01') TO ('2024-07-01') WITH (autovacuum_enabled = false);
CREATE TABLE st.events_b PARTITION OF st.events FOR VALUES FROM ('2024-07-01') TO ('2025-01-01') WITH (autovacuum_enabled = false);
INSERT INTO st.events SELECT g, date '2024-01-01' + (g % 360), CASE WHEN g % 3 = 0 THEN 'x' ELSE 'y' END FROM generate_series(1, 2000) g;
CREATE SCHEMA "St";
CREATE TABLE "St"."Odd 'name'" (v int) WITH (autovacuum_enabled = false);
CREATE MATERIALIZED VIEW st.kinds WITH (autovacuum_enabled = false) AS SELECT kind, count(*) AS n FROM st.events GROUP BY kind;
CREATE TABLE st.empty (id int) WITH (autovacuum_enabled = false);
VACUUM ANALYZE st.people, st.events, st.events_a, st.events_b, st.kinds, st.empty, "St"."Odd 'name'";
-- stale on purpose: the copy must get these numbers, not what its own ANALYZE would find
INSERT INTO st.people SELECT g, 'late', NULL, 200, NULL FROM generate_series(3001, 3500) g;
`;

const STATS = (major: number) => `SELECT schemaname, tablename, attname, inherited, null_frac::text, avg_width, n_distinct::text,
    most_common_vals::text, most_common_freqs::text, histogram_bounds::text, correlation::text,
    most_common_elems::text, most_common_elem_freqs::text, elem_count_histogram::text
    ${major >= 17 ? ', range_length_histogram::text, range_empty_frac::text, range_bounds_histogram::text' : ''}
  FROM pg_catalog.pg_stats WHERE schemaname IN ('st', 'St') ORDER BY 1, 2, 3, 4`;

const CLASS = `SELECT n.nspname, c.relname, c.relkind::text, c.relpages, c.reltuples::text AS reltuples, c.relallvisible
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname IN ('st', 'St') AND c.relkind IN ('r', 'p', 'm', 'i', 'I', 'f') ORDER BY 1, 2`;

describe.each(servers.map((s) => [s.major, s] as const))('PostgreSQL %i as the source', (major, server) => {
  let src: string;
  beforeAll(async () => {
    src = await createDatabase(server.url, 'stats_src');
    await psqlString(src, SOURCE);
  });

  it('--statistics restores into 18 with the same pg_stats and pg_class numbers', async () => {
    const file = path.join(tmp, `full${major}.sql`);
    const r = await cli(['--statistics', '-f', file, src]);
    expect(r.code, r.stderr).toBe(0);
    const dst = await createDatabase(target.url(), `stats_dst${major}`);
    await psqlFile(dst, file);

    // The copy's statistics are the source's, column by column, including the stale ones.
    const srcStats = await query(src, STATS(major));
    expect(srcStats.length).toBeGreaterThan(10);
    expect(await query(dst, STATS(major))).toEqual(srcStats);
    const srcClass = await query<{ reltuples: string }>(src, CLASS);
    // pg_dump 18 writes a pre-14 reltuples of 0 as -1 ("unknown"), which 14+ reserves for that.
    const expected = srcClass.map((c) => (major < 14 && c.reltuples === '0' ? { ...c, reltuples: '-1' } : c));
    expect(await query(dst, CLASS)).toEqual(expected);
    expect(srcClass.find((c) => (c as { relname?: string }).relname === 'people')?.reltuples).toBe('3000');
  });

  it('--statistics-only writes only STATISTICS DATA; no flag and --no-statistics write none', async () => {
    const only = await cli(['--statistics-only', '--restrict-key=k', src]);
    expect(only.code, only.stderr).toBe(0);
    const script = only.stdout.toString();
    const types = [...script.matchAll(/; Type: ([A-Z ]+); Schema:/g)].map((m) => m[1]);
    // people, empty, "Odd 'name'", the partitioned table and its 2 partitions, the matview, people's 3 indexes
    expect(new Set(types)).toEqual(new Set(['STATISTICS DATA']));
    expect(types.length).toBe(10);
    expect(script).toContain(`'relname', 'Odd ''name'''`);
    expect(script).toContain(`'version', '${server.versionNum}'::integer`);
    // Expression index columns go by number.
    expect(script).toMatch(/'relname', 'people_lower',\n\t'attnum', '1'::smallint/);
    expect(script).toContain(END_MARK);
    for (const args of [[], ['--no-statistics']]) {
      const none = await cli([...args, '-s', src]);
      expect(none.code, none.stderr).toBe(0);
      expect(none.stdout.toString()).not.toContain('STATISTICS DATA');
      expect(none.stdout.toString()).not.toContain('pg_restore_relation_stats');
    }
  });

  it('--statistics-only restores onto an existing copy; --section limits it', async () => {
    const dst = await createDatabase(target.url(), `stats_only${major}`);
    const schemaFile = path.join(tmp, `schema${major}.sql`);
    const statsFile = path.join(tmp, `only${major}.sql`);
    expect((await cli(['-f', schemaFile, src])).code).toBe(0);
    expect((await cli(['--statistics-only', '-f', statsFile, src])).code).toBe(0);
    await psqlFile(dst, schemaFile);
    await psqlFile(dst, statsFile);
    expect(await query(dst, STATS(major))).toEqual(await query(src, STATS(major)));
    const dataOnly = await cli(['--statistics-only', '--section=data', src]);
    expect(dataOnly.stdout.toString()).toContain(`'relname', 'people',`);
    expect(dataOnly.stdout.toString()).not.toContain(`'relname', 'people_age'`);
    expect(dataOnly.stdout.toString()).not.toContain(`'relname', 'kinds'`);
  });
});

describe('flags', () => {
  const server = servers[0]!;
  it('conflicting combinations are refused like pg_dump 18 refuses them', async () => {
    const cases: Array<[string[], string]> = [
      [['-s', '--statistics'], 'options -s/--schema-only and --statistics cannot be used together'],
      [['-a', '--statistics'], 'options -a/--data-only and --statistics cannot be used together'],
      [['-s', '--statistics-only'], 'options -s/--schema-only and --statistics-only cannot be used together'],
      [['--statistics-only', '--no-statistics'], 'options --statistics-only and --no-statistics cannot be used together'],
      [['--statistics', '--no-statistics'], 'options --statistics and --no-statistics cannot be used together'],
    ];
    for (const [args, msg] of cases) {
      const r = await cli([...args, server.url]);
      expect(r.code, args.join(' ')).toBe(EXIT_CODES.usage);
      expectOneLineError(r.stderr, msg);
    }
  });

  it('a custom archive carries the entries; pg_restore 15 turns them into the same script', async () => {
    const src = server.url.replace(/\/postgres$/, '/stats_src');
    const file = path.join(tmp, 'stats.dump');
    const r = await cli(['-Fc', '--statistics-only', '-f', file, src]);
    expect(r.code, r.stderr).toBe(0);
    const listing = (await run('pg_restore', ['-l', file])).stdout;
    expect(listing.match(/STATISTICS DATA/g)?.length).toBe(10);
    const restored = (await run('pg_restore', ['--restrict-key=k', '-f', '-', file])).stdout;
    const plain = (await cli(['--statistics-only', '--restrict-key=k', src])).stdout.toString();
    const calls = (s: string) => s.split('\n').filter((l) => !l.startsWith('--') && !/^\\(un)?restrict/.test(l) && l.trim() !== '').join('\n');
    expect(calls(restored)).toContain('pg_restore_attribute_stats');
    writeFileSync(path.join(tmp, 'restored.sql'), restored);
    expect(calls(restored).match(/pg_restore_relation_stats/g)?.length).toBe(calls(plain).match(/pg_restore_relation_stats/g)?.length);
  });

  it('pgdumpall-ts --statistics-only: statistics of every database, no roles or definitions', async () => {
    const others = (await query<{ datname: string }>(server.url, `SELECT datname FROM pg_database WHERE datname <> 'stats_src'`))
      .flatMap((r) => ['--exclude-database', `"${r.datname.replace(/"/g, '""')}"`]);
    const u = new URL(server.url);
    const { spawn } = await import('node:child_process');
    const { cleanEnv, finished } = await import('./util/reliability.js');
    const r = await finished(spawn(process.execPath, [path.resolve('dist/src/cli/pgdumpall.js'), '-h', u.hostname, '-p', u.port, '-U', 'postgres', '--statistics-only', ...others],
      { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] }));
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout.toString();
    expect(out).toContain('-- Database "stats_src" dump');
    expect(out.match(/pg_restore_relation_stats/g)?.length).toBe(10);
    expect(out).not.toMatch(/CREATE (ROLE|TABLE|DATABASE)|COPY /);
    const conflict = await finished(spawn(process.execPath, [path.resolve('dist/src/cli/pgdumpall.js'), '-s', '--statistics'], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] }));
    expect(conflict.code).toBe(EXIT_CODES.usage);
    expect(conflict.stderr).toContain('options -s/--schema-only and --statistics cannot be used together');
  });
});
