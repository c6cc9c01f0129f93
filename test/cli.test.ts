// The CLI as users run it: the built binary, real servers, exit codes and one-line errors.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { createDatabase, psqlString, query } from './util/pg.js';

const BIN = path.resolve('dist/src/cli/pgdump.js');
const server = inject('servers')[0]!;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-cli-'));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, PGCONNECT_TIMEOUT: '3' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

function expectOneLineError(stderr: string): void {
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/\n\s+at /);
}

describe(`pgdump-ts CLI against PostgreSQL ${server.major}`, () => {
  it('dumps schema only, data only, and gzip to a file', async () => {
    const db = await createDatabase(server.url, 'cli_basic');
    await psqlString(db, `CREATE TABLE t (id int PRIMARY KEY, v text); INSERT INTO t VALUES (1, 'one'), (2, 'two');
      COMMENT ON TABLE t IS 'c';`);
    const schema = await cli(['-s', db]);
    expect(schema.code).toBe(0);
    expect(schema.stdout).toContain('CREATE TABLE public.t');
    expect(schema.stdout).not.toContain('COPY public.t');
    const data = await cli(['--data-only', '-d', db]);
    expect(data.code).toBe(0);
    expect(data.stdout).not.toContain('CREATE TABLE');
    expect(data.stdout).toContain('COPY public.t (id, v) FROM stdin;\n1\tone\n2\ttwo\n\\.');
    const noComments = await cli(['--no-comments', '-O', '-x', db]);
    expect(noComments.stdout).not.toMatch(/COMMENT ON|OWNER TO|GRANT/);
    const file = path.join(tmp, 'out.sql.gz');
    const gz = await cli(['-Z', 'gzip:9', '-f', file, db]);
    expect(gz.code).toBe(0);
    expect(gunzipSync(readFileSync(file)).toString()).toContain('-- PostgreSQL database dump complete');
  });

  it('fails with one clear line and a documented exit code on bad input', async () => {
    const unknownDb = await cli([server.url.replace(/\/postgres$/, '/no_such_db')]);
    expect(unknownDb.code).toBe(3);
    expect(unknownDb.stderr).toContain('no_such_db');
    expectOneLineError(unknownDb.stderr);

    const conflicting = await cli(['-s', '-a', server.url]);
    expect(conflicting.code).toBe(2);
    expectOneLineError(conflicting.stderr);

    const refused = await cli(['-h', '127.0.0.1', '-p', '1', '-d', 'postgres', '-U', 'postgres', '-w']);
    expect(refused.code).toBe(3);
    expectOneLineError(refused.stderr);

    const badFlag = await cli(['--no-such-flag']);
    expect(badFlag.code).toBe(2);
    expectOneLineError(badFlag.stderr);

    const badCompress = await cli(['-Z', 'zstd:99', server.url]);
    expect(badCompress.code).toBe(2);

    const badFormat = await cli(['-F', 'x', server.url]);
    expect(badFormat.code).toBe(2);
    expectOneLineError(badFormat.stderr);
  });

  it('leaves no file behind when the dump fails', async () => {
    const target = path.join(tmp, 'never.sql');
    const r = await cli(['-f', target, server.url.replace(/\/postgres$/, '/no_such_db')]);
    expect(r.code).not.toBe(0);
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(tmp).filter((f) => f.includes('never'))).toEqual([]);
  });

  it('reads everything inside one REPEATABLE READ, READ ONLY transaction and holds ACCESS SHARE locks', async () => {
    const db = await createDatabase(server.url, 'cli_locks');
    await psqlString(db, `CREATE TABLE big AS SELECT g AS id, repeat('x', 200) AS pad FROM generate_series(1, 200000) g;`);
    const child = spawn(process.execPath, [BIN, db]);
    // Slow reader: the dump stays open while we look at its locks.
    child.stdout.pause();
    let locks: Record<string, unknown>[] = [];
    for (let i = 0; i < 100 && locks.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      locks = await query(db, `SELECT l.mode, a.backend_xid, a.state FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.relation = 'public.big'::regclass AND a.application_name = 'pgdump-ts'`);
    }
    child.stdout.resume();
    child.stdout.on('data', () => undefined);
    await new Promise((r) => child.on('close', r));
    expect(locks.map((l) => l.mode)).toContain('AccessShareLock');
  });
});
