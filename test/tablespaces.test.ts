// Tablespaces of tables, partitions, indexes, constraint indexes and materialized views: each
// relation comes back in the tablespace it was in (pg_dump's `SET default_tablespace` form),
// and --no-tablespaces puts everything in the database's default.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { dumpToFile } from '../src/index.js';
import { createDatabase, pgDump, query } from './util/pg.js';

const servers = inject('servers');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-tblspc-'));

/** In-place tablespaces (a directory under pg_tblspc) need no OS directory of their own. */
const PGOPTIONS = '-c allow_in_place_tablespaces=on';

async function psqlWithTablespaces(url: string, args: string[]): Promise<void> {
  const env = { ...process.env, PGOPTIONS };
  const r = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, ...args], { env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`psql failed: ${r.stderr}`);
}

const OBJECTS = (ts: string) => `
CREATE SCHEMA sp;
CREATE TABLE sp.plain (id int PRIMARY KEY USING INDEX TABLESPACE ${ts}, v text UNIQUE, w int) TABLESPACE ${ts};
CREATE INDEX plain_w ON sp.plain (w) TABLESPACE ${ts};
CREATE INDEX plain_v_default ON sp.plain (v, w);
CREATE TABLE sp.home (id int PRIMARY KEY, x int);
CREATE INDEX home_x ON sp.home (x) TABLESPACE ${ts};
CREATE TABLE sp.parted (k int, v text, PRIMARY KEY (k)) PARTITION BY RANGE (k) TABLESPACE ${ts};
CREATE TABLE sp.parted_1 PARTITION OF sp.parted FOR VALUES FROM (0) TO (10);
CREATE TABLE sp.parted_2 PARTITION OF sp.parted FOR VALUES FROM (10) TO (20) TABLESPACE pg_default;
CREATE INDEX parted_v ON sp.parted (v);
CREATE MATERIALIZED VIEW sp.mv TABLESPACE ${ts} AS SELECT id FROM sp.plain;
CREATE INDEX mv_id ON sp.mv (id) TABLESPACE ${ts};
INSERT INTO sp.plain VALUES (1, 'a', 2);
INSERT INTO sp.parted VALUES (1, 'x'), (12, 'y');
REFRESH MATERIALIZED VIEW sp.mv;
`;

const PLACEMENT = `SELECT c.relname, c.relkind::text, coalesce(t.spcname, '(default)') AS tablespace
  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_catalog.pg_tablespace t ON t.oid = c.reltablespace
 WHERE n.nspname = 'sp' ORDER BY c.relname`;

describe.each(servers.map((s) => [s.major, s] as const))('tablespaces on PostgreSQL %i', (major, server) => {
  it('relations come back in their tablespaces; --no-tablespaces puts them in the default', async () => {
    const ts = `tblspc_${major}`;
    const admin = server.url;
    await query(admin, `DROP TABLESPACE IF EXISTS ${ts}`).catch(() => undefined);
    await psqlWithTablespaces(admin, ['-c', `CREATE TABLESPACE ${ts} LOCATION ''`]);
    const src = await createDatabase(server.url, 'tblspc_src');
    await psqlWithTablespaces(src, ['-c', OBJECTS(ts)]);
    const placed = await query<{ relname: string; tablespace: string }>(src, PLACEMENT);
    // The fixture really spreads relations over both tablespaces.
    expect(placed.filter((r) => r.tablespace === ts).length).toBeGreaterThanOrEqual(6);
    expect(placed.filter((r) => r.tablespace === '(default)').length).toBeGreaterThanOrEqual(4);

    const file = path.join(tmp, `pg${major}.sql`);
    await dumpToFile({ dbname: src, file });
    const dst = await createDatabase(server.url, 'tblspc_dst');
    await psqlWithTablespaces(dst, ['-f', file]);
    expect(await query(dst, PLACEMENT)).toEqual(placed);
    if (major === 15) {
      const norm = (s: string) => s.replace(/^\\(un)?restrict .*$/gm, '');
      expect(norm(await pgDump(dst))).toEqual(norm(await pgDump(src)));
    }

    const flat = path.join(tmp, `pg${major}-flat.sql`);
    await dumpToFile({ dbname: src, file: flat, noTablespaces: true });
    expect(readFileSync(flat, 'utf8')).not.toContain(ts);
    const dst2 = await createDatabase(server.url, 'tblspc_flat');
    await psqlWithTablespaces(dst2, ['-f', flat]);
    const flatPlaced = await query<{ relname: string; tablespace: string }>(dst2, PLACEMENT);
    expect(flatPlaced.map((r) => r.relname)).toEqual(placed.map((r) => r.relname));
    expect(flatPlaced.every((r) => r.tablespace === '(default)')).toBe(true);

    for (const db of ['tblspc_src', 'tblspc_dst', 'tblspc_flat']) await query(admin, `DROP DATABASE ${db}`);
    await query(admin, `DROP TABLESPACE ${ts}`);
  });
});
