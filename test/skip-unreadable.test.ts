// An ordinary role dumping a database where some things are not its to read: a platform-owned
// schema it has no USAGE on (like Supabase's auth), a table and a sequence it has no SELECT on.
// Without --skip-unreadable the dump fails naming the first of them and the flags that get past
// it; with it, the rest is dumped, each skipped thing listed on stderr and in the script, and
// the script restores with zero errors.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { EXIT_CODES } from '../src/errors.js';
import { createDatabase, psqlFile, psqlString, query, urlWithDatabase } from './util/pg.js';
import { cli, END_MARK, expectOneLineError } from './util/reliability.js';

const servers = inject('servers');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-unreadable-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const as = (url: string, role: string, db: string) => urlWithDatabase(url.replace(/^postgres:\/\/[^@]*@/, `postgres://${role}@`), db);

describe.each(servers.map((s) => [s.major, s] as const))('PostgreSQL %i: objects the role cannot read', (major, server) => {
  it('fails naming them without the flag; --skip-unreadable dumps the rest and lists what it left out', async () => {
    const db = await createDatabase(server.url, 'unreadable_src');
    await psqlString(server.url, `DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'unr_dumper') THEN CREATE ROLE unr_dumper LOGIN; END IF; END $$;`);
    await psqlString(db, `
      REVOKE CREATE ON SCHEMA public FROM PUBLIC;
      CREATE SCHEMA app AUTHORIZATION unr_dumper;
      CREATE SCHEMA auth;
      CREATE TABLE auth.users (id serial PRIMARY KEY, email text);
      INSERT INTO auth.users (email) VALUES ('a@example.com');
      CREATE FUNCTION auth.uid() RETURNS int LANGUAGE sql AS 'SELECT 1';
      CREATE TABLE public.secret (id int, v text);
      INSERT INTO public.secret VALUES (1, 'hidden');
      CREATE SEQUENCE public.secret_seq;
      SELECT nextval('public.secret_seq');
      CREATE TABLE public.shared (id int);
      INSERT INTO public.shared VALUES (7);
      GRANT SELECT ON public.shared TO unr_dumper;
      SET ROLE unr_dumper;
      CREATE TABLE app.mine (id int PRIMARY KEY, note text);
      INSERT INTO app.mine VALUES (1, 'one'), (2, 'two');
      CREATE SEQUENCE app.mine_seq;
      SELECT setval('app.mine_seq', 42);
    `);
    const url = as(server.url, 'unr_dumper', 'unreadable_src');
    const [{ rolsuper }] = await query<{ rolsuper: boolean }>(url, 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
    expect(rolsuper).toBe(false);

    // 1. The schema comes first, with the flag that leaves it out.
    const noFlag = await cli([url]);
    expect(noFlag.code).toBe(EXIT_CODES.permission);
    expectOneLineError(noFlag.stderr, 'permission denied for schema auth', 'role "unr_dumper" has no USAGE', '--exclude-schema="auth"', '--skip-unreadable');
    // 2. With the schema left out, the table is next.
    const noAuth = await cli(['-N', 'auth', url]);
    expect(noAuth.code).toBe(EXIT_CODES.permission);
    expectOneLineError(noAuth.stderr, 'permission denied to read table public.secret', '--exclude-table="public"."secret"', '--skip-unreadable');
    const noSecret = await cli(['-N', 'auth', '-T', 'public.secret', url]);
    expect(noSecret.code).toBe(EXIT_CODES.permission);
    expectOneLineError(noSecret.stderr, 'permission denied to read sequence public.secret_seq', '--exclude-table-data="public"."secret_seq"', '--skip-unreadable');
    // Following the advice works.
    const advised = await cli(['-N', 'auth', '--exclude-table="public"."secret"', '--exclude-table-data="public"."secret_seq"', url]);
    expect(advised.code, advised.stderr).toBe(0);
    // 3. With --skip-unreadable: the rest, and a list of what is missing.
    const r = await cli(['--skip-unreadable', '--restrict-key=k', url]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      'pgdump-ts: warning: --skip-unreadable: skipped schema auth and everything in it: no USAGE privilege',
      'pgdump-ts: warning: --skip-unreadable: skipped the rows of table public.secret: no SELECT privilege (its definition is dumped)',
      'pgdump-ts: warning: --skip-unreadable: skipped the value of sequence public.secret_seq: no SELECT privilege (its definition is dumped)',
    ]);
    const script = r.stdout.toString();
    expect(script).toContain('-- --skip-unreadable: role "unr_dumper" could not read these, so this dump lacks them:\n--   skipped schema auth and everything in it');
    expect(script).not.toMatch(/auth\.|SCHEMA auth/);
    expect(script).toContain('CREATE TABLE public.secret');
    expect(script).not.toContain('COPY public.secret');
    expect(script).not.toContain("setval('public.secret_seq'");
    expect(script).toContain("setval('app.mine_seq', 42, true)");
    expect(script).toContain('COPY app.mine (id, note) FROM stdin;\n1\tone\n2\ttwo\n\\.');
    expect(script).toContain('COPY public.shared (id) FROM stdin;\n7\n\\.');
    expect(script).toContain(END_MARK);

    // The script restores, and what it has equals the source.
    const dst = await createDatabase(server.url, 'unreadable_dst');
    const file = path.join(tmp, `pg${major}.sql`);
    writeFileSync(file, r.stdout);
    await psqlFile(dst, file);
    expect(await query(dst, 'SELECT * FROM app.mine ORDER BY id')).toEqual(await query(db, 'SELECT * FROM app.mine ORDER BY id'));
    expect(await query(dst, 'SELECT count(*)::int AS n FROM public.secret')).toEqual([{ n: 0 }]);
    expect(await query(dst, `SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = 'auth'`)).toEqual([{ n: 0 }]);
  });

  it('pgdumpall-ts passes --skip-unreadable to every database', async () => {
    const others = (await query<{ datname: string }>(server.url, `SELECT datname FROM pg_database WHERE datname <> 'unreadable_src'`))
      .flatMap((r) => ['--exclude-database', `"${r.datname.replace(/"/g, '""')}"`]);
    const u = new URL(server.url);
    const conn = ['-h', u.hostname, '-p', u.port, '-U', 'unr_dumper', '-l', 'unreadable_src'];
    const { spawn } = await import('node:child_process');
    const { cleanEnv, finished } = await import('./util/reliability.js');
    const run = (args: string[]) => finished(spawn(process.execPath, [path.resolve('dist/src/cli/pgdumpall.js'), ...conn, ...args, ...others], { env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] }));
    const failed = await run(['--no-role-passwords']);
    expect(failed.code).toBe(EXIT_CODES.permission);
    expect(failed.stderr).toMatch(/dumping database "unreadable_src" failed: permission denied for schema auth/);
    const ok = await run(['--no-role-passwords', '--skip-unreadable']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('pgdumpall-ts: warning: database "unreadable_src": --skip-unreadable: skipped schema auth and everything in it: no USAGE privilege');
    expect(ok.stdout.toString()).toContain('COPY app.mine (id, note) FROM stdin;');
  });
});
