// Bad input, one case per row: exactly one line on stderr, no stack trace, the documented exit
// code (EXIT_CODES in src/errors.ts, the README's table).
//
// A server older than 13 is a real PostgreSQL 12 (npm alias pg12), refused with the supported range.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { EXIT_CODES } from '../src/errors.js';
import { startServer, type TestServer } from './servers/index.js';
import { createDatabase, psqlString, query, urlWithDatabase } from './util/pg.js';
import { cli, END_MARK, expectOneLineError } from './util/reliability.js';

const servers = inject('servers');
const work = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-bad-input-'));
let tried = 0;
afterAll(() => {
  console.log(`[bad input] ${tried} bad inputs tried`);
  rmSync(work, { recursive: true, force: true });
});

interface Case {
  name: string;
  args: string[];
  env?: Record<string, string>;
  code: number;
  mentions?: (string | RegExp)[];
  /** failing mid-data, the script already written to stdout stays (without its closing line) */
  partialOutput?: boolean;
}

async function expectCase(c: Case): Promise<void> {
  const r = await cli(c.args, { env: c.env });
  tried++;
  expect(r.code, `${c.name}: ${r.stderr}`).toBe(c.code);
  if (c.partialOutput) expect(r.stdout.toString()).not.toContain(END_MARK);
  else expect(r.stdout.length, c.name).toBe(0);
  expectOneLineError(r.stderr, ...(c.mentions ?? []));
}

/** A local port: nobody listening, or a listener that never answers, or one that answers HTTP. */
function listener(kind: 'silent' | 'http'): Promise<{ port: number; close: () => void }> {
  const sockets: net.Socket[] = [];
  const srv = net.createServer((s) => {
    sockets.push(s);
    s.on('error', () => undefined);
    if (kind === 'http') s.once('data', () => s.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n'));
  });
  return new Promise((resolve) => srv.listen(0, '127.0.0.1', () => resolve({
    port: (srv.address() as net.AddressInfo).port,
    close: () => {
      for (const s of sockets) s.destroy();
      srv.close();
    },
  })));
}

async function closedPort(): Promise<number> {
  const l = await listener('silent');
  l.close();
  return l.port;
}

describe('bad input that needs no server', () => {
  it('usage errors, unreachable and wrong servers', async () => {
    const silent = await listener('silent');
    const http = await listener('http');
    const refused = await closedPort();
    const U = 'postgres://postgres@127.0.0.1:1/postgres';
    const cases: Case[] = [
      { name: 'unknown flag', args: ['--no-such-flag'], code: EXIT_CODES.usage, mentions: ['--no-such-flag'] },
      { name: '-s with -a', args: ['-s', '-a', U], code: EXIT_CODES.usage, mentions: ['-s/--schema-only', '-a/--data-only'] },
      { name: 'invalid --section', args: ['--section', 'middle', U], code: EXIT_CODES.usage, mentions: ['middle'] },
      { name: 'invalid compression method', args: ['-Z', 'zstd:99', U], code: EXIT_CODES.usage, mentions: ['zstd:99'] },
      { name: 'compression level out of range', args: ['-Z', '12', U], code: EXIT_CODES.usage, mentions: ['0..9'] },
      { name: 'compression spec garbage', args: ['-Z', 'gzip:x', U], code: EXIT_CODES.usage, mentions: ['gzip:x'] },
      { name: 'invalid format', args: ['-F', 'x', U], code: EXIT_CODES.usage, mentions: ['"x"'] },
      { name: 'directory format without -f', args: ['-F', 'd', U], code: EXIT_CODES.usage, mentions: ['-f'] },
      { name: 'compressed tar', args: ['-F', 't', '-Z', '5', '-f', path.join(work, 'x.tar'), U], code: EXIT_CODES.usage, mentions: ['tar'] },
      { name: '--rows-per-insert 0', args: ['--rows-per-insert', '0', U], code: EXIT_CODES.usage, mentions: ['--rows-per-insert'] },
      { name: 'two database arguments', args: ['db1', 'db2'], code: EXIT_CODES.usage },
      { name: 'missing option argument', args: ['-f'], code: EXIT_CODES.usage, mentions: ['-f'] },
      { name: 'unknown conninfo keyword', args: ['-d', 'host=127.0.0.1 bogus=1'], code: EXIT_CODES.usage, mentions: ['bogus'] },
      { name: 'invalid sslmode', args: [`${U}?sslmode=bogus`], code: EXIT_CODES.usage, mentions: ['sslmode'] },
      { name: 'missing --filter file', args: ['--filter', path.join(work, 'nope.txt'), U], code: EXIT_CODES.usage, mentions: ['nope.txt'] },
      { name: 'connection refused', args: ['-h', '127.0.0.1', '-p', String(refused), '-U', 'postgres', '-d', 'postgres', '-w'], code: EXIT_CODES.connection, mentions: [String(refused), 'connection refused'] },
      { name: 'unreachable host (no answer within connect_timeout)', args: ['-h', '127.0.0.1', '-p', String(silent.port), '-U', 'u', '-d', 'd'], env: { PGCONNECT_TIMEOUT: '2' }, code: EXIT_CODES.connection, mentions: ['timed out', 'connect_timeout'] },
      { name: 'unknown host name', args: ['-h', 'no-such-host.invalid', '-U', 'u', '-d', 'd'], code: EXIT_CODES.connection, mentions: ['no-such-host.invalid'] },
      { name: 'not a PostgreSQL server (SSL request)', args: ['-h', '127.0.0.1', '-p', String(http.port), '-U', 'u', '-d', 'd'], code: EXIT_CODES.connection, mentions: ['PostgreSQL'] },
      { name: 'not a PostgreSQL server (no SSL)', args: [`postgres://u@127.0.0.1:${http.port}/d?sslmode=disable`], code: EXIT_CODES.connection, mentions: ['PostgreSQL'] },
    ];
    try {
      for (const c of cases) await expectCase(c);
    } finally {
      silent.close();
      http.close();
    }
  });
});

describe.each(servers.map((s) => [s.major, s] as const))('PostgreSQL %i: bad input', (major, server) => {
  let db = '';
  beforeAll(async () => {
    db = await createDatabase(server.url, 'rel_bad_input');
    await psqlString(db, `CREATE TABLE public.visible (id int); CREATE SCHEMA "Other"; CREATE TABLE "Other".secret (id int);
      REVOKE ALL ON "Other".secret FROM PUBLIC; INSERT INTO "Other".secret VALUES (1);
      DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rel_limited') THEN CREATE ROLE rel_limited LOGIN; END IF; END $$;
      GRANT USAGE ON SCHEMA "Other" TO rel_limited; GRANT SELECT ON public.visible TO rel_limited;`);
  });

  it('unknown database and role, TLS not offered, --strict-names, bad option values', async () => {
    const other = server.url.replace(/^postgres:\/\/[^@]*@/, 'postgres://rel_limited@');
    const cases: Case[] = [
      { name: 'unknown database', args: [urlWithDatabase(server.url, 'no_such_db')], code: EXIT_CODES.connection, mentions: ['"no_such_db" does not exist'] },
      { name: 'unknown user', args: [server.url.replace(/^postgres:\/\/[^@]*@/, 'postgres://no_such_user@')], code: EXIT_CODES.connection, mentions: ['"no_such_user"'] },
      { name: 'TLS required, server without SSL', args: [`${db}?sslmode=require`], code: EXIT_CODES.connection, mentions: ['does not support SSL', 'sslmode=require'] },
      { name: '--strict-names table pattern', args: ['--strict-names', '-t', 'nomatch*', db], code: EXIT_CODES['not-found'], mentions: ['"nomatch*"'] },
      { name: '--strict-names schema pattern', args: ['--strict-names', '-n', 'nomatch', db], code: EXIT_CODES['not-found'], mentions: ['"nomatch"'] },
      { name: '--strict-names extension pattern', args: ['--strict-names', '-e', 'nomatch', db], code: EXIT_CODES['not-found'], mentions: ['"nomatch"'] },
      { name: '-t matching nothing', args: ['-t', 'nomatch', db], code: EXIT_CODES['not-found'], mentions: ['no matching tables'] },
      { name: 'invalid --lock-wait-timeout', args: ['--lock-wait-timeout', 'soon', db], code: EXIT_CODES.usage, mentions: ['--lock-wait-timeout'] },
      { name: 'invalid --extra-float-digits', args: ['--extra-float-digits', '99', db], code: EXIT_CODES.usage, mentions: ['--extra-float-digits'] },
      { name: 'unknown --role', args: ['--role', 'no_such_role', db], code: EXIT_CODES['not-found'], mentions: ['"no_such_role"', '--role'] },
      { name: '--role the user is not a member of', args: ['--role', 'postgres', urlWithDatabase(other, 'rel_bad_input')], code: EXIT_CODES.permission, mentions: ['--role'] },
      { name: 'invalid --encoding', args: ['--encoding', 'NO_SUCH_ENCODING', db], code: EXIT_CODES.usage, mentions: ['NO_SUCH_ENCODING'] },
      { name: 'invalid --snapshot', args: ['--snapshot', '00000003-0000001B-1', db], code: EXIT_CODES.query, mentions: ['snapshot'] },
    ];
    for (const c of cases) await expectCase(c);
  });

  it('a table the role cannot read: names it, suggests --exclude-table, and excluding it works', async () => {
    const asLimited = urlWithDatabase(server.url.replace(/^postgres:\/\/[^@]*@/, 'postgres://rel_limited@'), 'rel_bad_input');
    await expectCase({ name: 'no permission (locking)', args: [asLimited], code: EXIT_CODES.permission, mentions: ['"Other".secret', '--exclude-table'] });
    await expectCase({ name: 'no permission (reading)', args: ['--no-table-locks', asLimited], code: EXIT_CODES.permission, mentions: ['"Other".secret', '--exclude-table'], partialOutput: true });
    const r = await cli(['--exclude-table', '"Other".secret', asLimited]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.toString()).toContain('CREATE TABLE public.visible');
  });

  it('an object pgdump-ts cannot dump: a database name with a newline under -C', async () => {
    const name = `rel_bad\nname ${major}`;
    const url = await createDatabase(server.url, name);
    await expectCase({ name: 'newline in database name', args: ['-C', url], code: EXIT_CODES.unsupported, mentions: ['newline'] });
    await query(server.url, `DROP DATABASE "${name}"`);
  });
});

// Password authentication needs a server that asks for one: a dedicated server of one major.
const pwMajor = servers[servers.length - 1]!.major;
describe(`PostgreSQL ${pwMajor}: password authentication`, () => {
  let server: TestServer | undefined;
  afterAll(async () => {
    await server?.stop();
  });

  it('wrong password, no password, right password', async (ctx) => {
    try {
      server = await startServer(pwMajor, {});
    } catch (e) {
      if (process.env.PGDUMP_TEST_URL) ctx.skip(); // cannot change pg_hba.conf of a given server
      throw e;
    }
    const [{ hba }] = await query<{ hba: string }>(server.url(), `SELECT current_setting('hba_file') AS hba`);
    // Trust stays for the superuser (the harness); everyone else must give a password.
    const lines = ['local all all trust', 'host all postgres all trust', 'host all all all scram-sha-256'];
    await psqlString(server.url(), `SET password_encryption = 'scram-sha-256';
      CREATE ROLE rel_pw LOGIN PASSWORD 'right horse battery';
      COPY (SELECT unnest(ARRAY['${lines.join("','")}'])) TO '${hba!.replace(/'/g, "''")}';
      SELECT pg_reload_conf();`);
    const url = server.url().replace(/^postgres:\/\/[^@]*@/, 'postgres://rel_pw@');
    const passfile = path.join(work, 'pgpass');
    writeFileSync(passfile, `*:*:*:rel_pw:wrong from file\n`, { mode: 0o600 });
    const cases: Case[] = [
      { name: 'wrong password (PGPASSWORD)', args: [url], env: { PGPASSWORD: 'wrong' }, code: EXIT_CODES.connection, mentions: ['password authentication failed', '"rel_pw"', 'PGPASSWORD'] },
      { name: 'wrong password (password file)', args: [url], env: { PGPASSFILE: passfile }, code: EXIT_CODES.connection, mentions: ['password authentication failed', passfile] },
      { name: 'no password, -w', args: ['-w', url], env: { HOME: work }, code: EXIT_CODES.connection, mentions: ['requires a password', '"rel_pw"'] },
    ];
    for (const c of cases) await expectCase(c);
    const ok = await cli([url], { env: { PGPASSWORD: 'right horse battery' } });
    expect(ok.code, ok.stderr).toBe(0);
  });
});

describe('PostgreSQL 12: older than the supported range', () => {
  let old: TestServer | undefined;
  afterAll(async () => {
    await old?.stop();
  });

  it('is refused with one line naming the server version and the supported range', async () => {
    old = await startServer(12);
    expect(old.major).toBe(12);
    await expectCase({
      name: 'server older than 13',
      args: [old.url('postgres')],
      code: EXIT_CODES['server-version'],
      mentions: [/server version 12\.\d+/, 'PostgreSQL 13 to'],
    });
  }, 120_000);
});
