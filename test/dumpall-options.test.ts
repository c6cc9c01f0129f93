// pgdumpall-ts's database selection checked against the real pg_dumpall 15 (--exclude-database
// patterns: quoting, case folding, wildcards), -l, --filter, and a run as an ordinary role that
// cannot read pg_authid (passwords left out with a notice, as --no-role-passwords does).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXIT_CODES } from '../src/errors.js';
import { createDatabase, psqlString, query, run } from './util/pg.js';
import { cleanEnv } from './util/reliability.js';

// pg_dumpall 15 dumps servers up to 15; selection does not depend on the major, so one is enough.
const servers = inject('servers').filter((s) => s.major <= 15).slice(-1);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-dumpall-opts-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const OURS = ['xdb_one', 'xdb_two', 'XDB_Upper', 'xdb other', 'keep_me'];
const BIN = path.resolve('dist/src/cli/pgdumpall.js');

function ours(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: cleanEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const dumped = (script: string): string[] => [...script.matchAll(/^-- Database "(.*)" dump$/gm)].map((m) => m[1]!).sort();

describe.each(servers.map((s) => [s.major, s] as const))('pgdumpall-ts database selection on PostgreSQL %i', (_major, server) => {
  const u = new URL(server.url);
  const conn = ['-h', u.hostname, '-p', u.port, '-U', 'postgres'];
  /** Every database of the shared server that is not this test's, as exact (quoted) patterns. */
  let others: string[];
  beforeAll(async () => {
    for (const db of OURS) await createDatabase(server.url, db);
    await psqlString(server.url, `DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dao_plain') THEN CREATE ROLE dao_plain LOGIN; END IF; END $$;
      ALTER DATABASE keep_me OWNER TO dao_plain;`);
    const rows = await query<{ datname: string }>(server.url, `SELECT datname FROM pg_database WHERE datname <> ALL($1) AND datname NOT IN ('template0', 'template1', 'postgres')`, [OURS]);
    others = rows.flatMap((r) => ['--exclude-database', `"${r.datname.replace(/"/g, '""')}"`]);
  });

  it('--exclude-database selects the same databases as the real pg_dumpall 15', async () => {
    const patterns = [['xdb_*'], ['XDB*'], ['"XDB_Upper"'], ['xdb?one'], ['*other', 'keep_*'], ['"xdb other"'], ['x*', 'X*']];
    for (const p of patterns) {
      const args = [...p.flatMap((x) => ['--exclude-database', x]), ...others];
      const real = (await run('pg_dumpall', [...conn, '-s', ...args])).stdout;
      const mine = await ours([...conn, '-s', ...args]);
      expect(mine.code, mine.stderr).toBe(0);
      expect(dumped(mine.stdout), p.join(' ')).toEqual(dumped(real));
      expect(dumped(real).length).toBeGreaterThan(2);
    }
  });

  it('--filter "exclude database" matches like --exclude-database; -l picks the first database', async () => {
    const filter = path.join(tmp, 'filter.txt');
    writeFileSync(filter, '# comment\nexclude database xdb_*\nexclude database "XDB_Upper"\n');
    const viaFilter = await ours([...conn, '-s', '--filter', filter, ...others]);
    const viaFlag = await ours([...conn, '-s', '--exclude-database', 'xdb_*', '--exclude-database', '"XDB_Upper"', ...others]);
    expect(viaFilter.code, viaFilter.stderr).toBe(0);
    expect(dumped(viaFilter.stdout)).toEqual(dumped(viaFlag.stdout));
    expect(dumped(viaFilter.stdout)).toEqual(['keep_me', 'postgres', 'template1', 'xdb other'].sort());
    const viaL = await ours([...conn, '-g', '-l', 'keep_me']);
    expect(viaL.code, viaL.stderr).toBe(0);
    const missing = await ours([...conn, '-g', '-l', 'no_such_db_here']);
    expect(missing.code).toBe(EXIT_CODES.connection);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toContain('no_such_db_here');
  });

  it('as a role that cannot read pg_authid: passwords are left out with a notice, the rest is dumped', async () => {
    const [{ rolsuper }] = await query<{ rolsuper: boolean }>(server.url, `SELECT rolsuper FROM pg_roles WHERE rolname = 'dao_plain'`);
    expect(rolsuper).toBe(false);
    // The real pg_dumpall 15 stops at pg_authid.
    await expect(run('pg_dumpall', ['-h', u.hostname, '-p', u.port, '-U', 'dao_plain', '-g'])).rejects.toThrow(/pg_authid/);
    const only = OURS.filter((d) => d !== 'keep_me').flatMap((d) => ['--exclude-database', `"${d}"`]);
    const r = await ours(['-h', u.hostname, '-p', u.port, '-U', 'dao_plain', '-l', 'keep_me', '-s', ...only, ...others, '--exclude-database', 'postgres', '--exclude-database', 'template1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^pgdumpall-ts: warning: pg_authid is not readable by this role: dumping roles without their passwords/);
    expect(r.stdout).toContain('CREATE ROLE dao_plain;');
    expect(r.stdout).not.toMatch(/PASSWORD '/);
    expect(dumped(r.stdout)).toEqual(['keep_me']);
    // Asked for explicitly, there is nothing to warn about.
    const quiet = await ours(['-h', u.hostname, '-p', u.port, '-U', 'dao_plain', '-r', '--no-role-passwords']);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe('');
  });
});
