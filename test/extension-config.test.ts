// Extension configuration tables (pg_extension_config_dump): the rows a user added are dumped
// and come back after CREATE EXTENSION recreates the table with the extension's own rows.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { dumpToFile } from '../src/index.js';
import { createDatabase, psqlFile, query, run } from './util/pg.js';

const servers = inject('servers');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-extcfg-'));

const CONTROL = `comment = 'pgdump-ts test extension with configuration tables'
default_version = '1.0'
relocatable = false
schema = pgdts_cfg
`;

const SCRIPT = `CREATE TABLE pgdts_cfg.settings (id integer PRIMARY KEY, name text, user_added boolean NOT NULL DEFAULT true);
SELECT pg_catalog.pg_extension_config_dump('pgdts_cfg.settings', 'WHERE user_added');
CREATE TABLE pgdts_cfg.everything (v text);
SELECT pg_catalog.pg_extension_config_dump('pgdts_cfg.everything', '');
INSERT INTO pgdts_cfg.settings VALUES (1, 'shipped with the extension', false);
`;

/** The extension directory of an embedded server (the test servers' binaries live in node_modules). */
function extensionDir(major: number): string {
  return path.resolve(`node_modules/pg${major}/native/share/postgresql/extension`);
}

async function installedPgDumpMajor(): Promise<number> {
  const { stdout } = await run('pg_dump', ['--version']);
  return Number(/(\d+)(?:\.\d+)?/.exec(stdout)![1]);
}

// Only embedded servers let the test install an extension's files.
const embedded = servers.filter((s) => existsSync(extensionDir(s.major)));

describe.each(embedded.map((s) => [s.major, s] as const))('extension configuration tables on PostgreSQL %i', (major, server) => {
  it('dumps the rows users added, and only those', async () => {
    writeFileSync(path.join(extensionDir(major), 'pgdts_cfg.control'), CONTROL);
    writeFileSync(path.join(extensionDir(major), 'pgdts_cfg--1.0.sql'), SCRIPT);
    const src = await createDatabase(server.url, 'extcfg_src');
    await query(src, 'CREATE SCHEMA pgdts_cfg');
    await query(src, 'CREATE EXTENSION pgdts_cfg');
    await query(src, `INSERT INTO pgdts_cfg.settings VALUES (2, 'added by a user', true), (3, 'another', true)`);
    await query(src, `INSERT INTO pgdts_cfg.everything VALUES ('kept'), (NULL)`);

    const file = path.join(tmp, `pg${major}.sql`);
    await dumpToFile({ dbname: src, file });
    const dst = await createDatabase(server.url, 'extcfg_dst');
    await psqlFile(dst, file);

    const rows = await query<{ id: number; name: string }>(dst, 'SELECT id, name FROM pgdts_cfg.settings ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    const all = await query<{ v: string | null }>(dst, 'SELECT v FROM pgdts_cfg.everything ORDER BY v NULLS LAST');
    expect(all.map((r) => r.v)).toEqual(['kept', null]);

    if (major === (await installedPgDumpMajor())) {
      const dump = async (url: string) => (await run('pg_dump', ['--restrict-key=x', '-d', url])).stdout;
      expect(await dump(dst)).toBe(await dump(src));
    }
  });
});
