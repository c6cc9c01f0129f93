// pgdump-ts against the real pg_dump, statement by statement, for statement kinds where the
// two must agree exactly (not just restore to the same catalog): a redundant statement is
// invisible to the round trip, so it is checked here. Runs on the servers the installed
// pg_dump can dump (its major and older); the kitchen-sink fixtures are the input.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { dumpToFile } from '../src/index.js';
import { loadCases } from './util/cases.js';
import { createDatabase, pgDump, run } from './util/pg.js';

const servers = inject('servers');
const workDir = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-parity-'));
const pgDumpMajor = Number(/(\d+)(?:\.\d+)?/.exec((await run('pg_dump', ['--version'])).stdout)![1]);
const targets = servers.filter((s) => s.major <= pgDumpMajor);

/**
 * Lines of a plain script outside COPY data. The statements compared here are one line each
 * in both dumpers' output, so no SQL splitting (and no dollar-quote parsing) is needed.
 */
export function scriptLines(script: string): string[] {
  const out: string[] = [];
  let inCopy = false;
  for (const line of script.split('\n')) {
    if (inCopy) {
      if (line === '\\.') inCopy = false;
      continue;
    }
    if (/^COPY .* FROM stdin;$/.test(line)) inCopy = true;
    out.push(line);
  }
  return out;
}

/** Statement kinds compared exactly: pattern, what it is. */
const EXACT: readonly (readonly [RegExp, string])[] = [
  [/^ALTER TABLE ONLY \S+ ALTER COLUMN \S+ SET NOT NULL;$/, 'NOT NULL added to an inherited column'],
  [/^ALTER FOREIGN TABLE ONLY \S+ ALTER COLUMN \S+ SET NOT NULL;$/, 'the same on a foreign table'],
  [/^ALTER TABLE ONLY \S+ ALTER COLUMN \S+ SET (STATISTICS|STORAGE) /, 'column statistics targets and storage'],
  [/^ALTER TABLE ONLY \S+ REPLICA IDENTITY /, 'replica identity'],
  [/^ALTER TABLE \S+ CLUSTER ON /, 'CLUSTER ON'],
  [/^CREATE (UNIQUE )?INDEX /, 'indexes'],
  [/^ALTER INDEX \S+ ATTACH PARTITION /, 'index attachments'],
  [/^CREATE (CONSTRAINT )?TRIGGER /, 'triggers'],
  [/^SELECT pg_catalog\.setval\(/, 'sequence values'],
  [/^REVOKE /, 'revokes'],
  [/^COMMENT ON COLUMN /, 'column comments'],
  [/^(CREATE|ALTER) STATISTICS /, 'extended statistics'],
  [/^(CREATE|ALTER) PUBLICATION /, 'publications'],
  [/^CREATE (EXTENSION|SCHEMA) /, 'extensions and schemas'],
];

describe.each(targets.map((s) => [s.major, s] as const))('PostgreSQL %i', (major, server) => {
  it(`writes the same one-line statements as pg_dump ${pgDumpMajor} for ${EXACT.length} kinds`, async () => {
    const src = await createDatabase(server.url, 'parity_src');
    await loadCases(src, major);
    const file = path.join(workDir, `pg${major}.sql`);
    await dumpToFile({ dbname: src, file, restrictKey: 'pgdumpts' });
    const ours = scriptLines(readFileSync(file, 'utf8'));
    const theirs = scriptLines(await pgDump(src, ['--restrict-key=pgdumpts']));
    for (const [re, what] of EXACT) {
      const pick = (list: string[]) => list.filter((s) => re.test(s)).sort();
      expect(pick(ours), what).toEqual(pick(theirs));
    }
    // the whole script was read (not cut at a COPY block)
    expect(theirs.filter((s) => s.startsWith('CREATE TABLE ')).length).toBeGreaterThan(100);
  });
});

// Newer servers have no oracle here: check that premise instead of skipping silently.
describe.each(servers.filter((s) => s.major > pgDumpMajor).map((s) => [s.major, s] as const))('PostgreSQL %i', (major, server) => {
  it(`is refused by pg_dump ${pgDumpMajor}, so it has no statement oracle`, async () => {
    await expect(pgDump(server.url, ['--schema-only'])).rejects.toThrow(/server version mismatch/);
  });
});
