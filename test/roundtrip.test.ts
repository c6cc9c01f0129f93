// The contract: dump with pgdump-ts, restore with the real psql (ON_ERROR_STOP), dump again:
// both dumps are identical; on the major of the installed pg_dump, real pg_dump cannot tell
// the original from the copy either.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { dumpToFile } from '../src/index.js';
import { loadCases } from './util/cases.js';
import { catalogSnapshot } from './util/catalog-snapshot.js';
import { createDatabase, pgDump, psqlFile, run } from './util/pg.js';

const servers = inject('servers');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-rt-'));

async function installedPgDumpMajor(): Promise<number> {
  const { stdout } = await run('pg_dump', ['--version']);
  return Number(/(\d+)(?:\.\d+)?/.exec(stdout)![1]);
}

/** pg_dump 15.14+ prints a random \restrict key per run unless one is given. */
async function oracleDump(url: string): Promise<string> {
  const { stdout } = await run('pg_dump', ['--help']);
  const args = stdout.includes('--restrict-key') ? ['--restrict-key=pgdumpts'] : [];
  return sortFamilyMembers(await pgDump(url, args));
}

/**
 * pg_dump lists an operator family's operators ORDER BY strategy only, so operators sharing a
 * strategy (every cross-type operator of a hash family is strategy 1) come in whatever order
 * its join plan yields, which changes between runs. Sort those member lists before comparing.
 */
function sortFamilyMembers(script: string): string {
  return script.replace(/^(ALTER OPERATOR FAMILY .* ADD\n)((?:    .*\n)+)/gm, (_m, head: string, body: string) => {
    const lines = body.replace(/ ,\n/g, '\n').replace(/;\n$/, '\n').split('\n').filter((l) => l);
    return head + lines.sort().join(' ,\n') + ';\n';
  });
}

describe.each(servers.map((s) => [s.major, s] as const))('PostgreSQL %i', (major, server) => {
  it('round-trips the kitchen-sink database through psql to an identical dump', async () => {
    const src = await createDatabase(server.url, `rt_src`);
    const loaded = await loadCases(src, major);
    expect(loaded.length).toBeGreaterThan(process.env.PGDUMP_CASES ? 2 : 20);

    const first = path.join(workDir, `pg${major}-first.sql`);
    // A fixed \restrict key: by default every dump gets a fresh random one.
    const result = await dumpToFile({ dbname: src, file: first, restrictKey: 'pgdumpts' });
    expect(result.warnings).toEqual([]);
    const firstText = readFileSync(first, 'utf8');
    expect(firstText).toMatch(/-- PostgreSQL database dump complete\n/);

    const dst = await createDatabase(server.url, `rt_dst`);
    await psqlFile(dst, first);

    // Independently of any dumper: the restored catalog holds the same user objects with the
    // same definitions, privileges, comments and large objects as the original.
    const [before, after] = [await catalogSnapshot(src, server.versionNum), await catalogSnapshot(dst, server.versionNum)];
    expect(before.get('relations')!.length).toBeGreaterThan(process.env.PGDUMP_CASES ? 1 : 100);
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before));

    const second = path.join(workDir, `pg${major}-second.sql`);
    await dumpToFile({ dbname: dst, file: second, restrictKey: 'pgdumpts' });
    const secondText = readFileSync(second, 'utf8');
    expect(secondText).toBe(firstText);

    if (major === (await installedPgDumpMajor())) {
      const [a, b] = [await oracleDump(src), await oracleDump(dst)];
      expect(a.length).toBeGreaterThan(process.env.PGDUMP_CASES ? 1_000 : 10_000);
      expect(b).toBe(a);
    }
  });
});
