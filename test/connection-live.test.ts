// Connection settings against a real server: .pgpass, service files, URIs, libpq variables,
// Unix sockets, multiple hosts and TLS (a server started with ssl=on and a certificate made by
// openssl here). Connection behaviour does not depend on the server version, so one server of
// the newest requested major is enough.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, resolveConnection, type ConnectionOptions } from '../src/connection/index.js';
import { DumpError, EXIT_CODES } from '../src/errors.js';
import { requestedMajors, startServer, type TestServer } from './servers/index.js';
import { query } from './util/pg.js';
import { cli, END_MARK, expectOneLineError, waitFor } from './util/reliability.js';

const MAJOR = Math.max(...requestedMajors());
const PW = 'pa:ss\\word'; // a ':' and a '\' to exercise .pgpass escapes
const PCT_USER = 'pct user@x';
const PCT_PW = 'p@ss:w/rd %?#';
const COLON_USER = 'odd:user';

let server: TestServer;
let dir: string;
let socketDir: string;
let admin: string;
let deadPort: number;
let silent: Server;
let silentPort: number;

function owner(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).split(':').slice(2, 4).map(Number);
  return { uid: uid!, gid: gid! };
}

function openssl(...args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'ignore' });
}

/** A CA, a second unrelated CA, and a server certificate signed by the first that names only "localhost". */
function makeCertificates(): void {
  const days = ['-days', '2'];
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-subj', '/CN=pgdump-ts test CA', ...days);
  openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'other.key', '-out', 'other.crt', '-subj', '/CN=some other CA', ...days);
  openssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost');
  writeFileSync(join(dir, 'san.ext'), 'subjectAltName=DNS:localhost\n');
  openssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-extfile', 'san.ext', ...days);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pgdump-live-'));
  chmodSync(dir, 0o755);
  makeCertificates();
  // The postgres superuser is trusted (the harness and the test set-up use it); everyone else
  // authenticates with SCRAM; "live_ssl" may only come in over TLS.
  writeFileSync(join(dir, 'pg_hba.conf'), [
    'local all postgres trust',
    'local all all scram-sha-256',
    'host all postgres 127.0.0.1/32 trust',
    'hostnossl all live_ssl 127.0.0.1/32 reject',
    'host all all 127.0.0.1/32 scram-sha-256',
    '',
  ].join('\n'));
  const o = owner();
  for (const f of ['pg_hba.conf', 'server.crt', 'server.key']) if (o) chownSync(join(dir, f), o.uid, o.gid);
  chmodSync(join(dir, 'server.key'), 0o600);
  server = await startServer(MAJOR, {
    ssl: 'on', ssl_cert_file: join(dir, 'server.crt'), ssl_key_file: join(dir, 'server.key'),
    hba_file: join(dir, 'pg_hba.conf'), password_encryption: 'scram-sha-256',
  });
  admin = server.url();
  const [{ d }] = await query<{ d: string }>(admin, `SELECT split_part(current_setting('unix_socket_directories'), ',', 1) AS d`);
  socketDir = d;
  await query(admin, 'DROP DATABASE IF EXISTS live_db');
  await query(admin, 'CREATE DATABASE live_db');
  for (const [role, pw] of [['live_user', PW], ['live_other', 'other-pw'], ['live_ssl', 'ssl-pw'], [PCT_USER, PCT_PW], [COLON_USER, 'colon-pw']]) {
    const [{ sql }] = await query<{ sql: string }>(admin,
      `SELECT format('DROP ROLE IF EXISTS %I; CREATE ROLE %I LOGIN PASSWORD %L', $1::text, $1::text, $2::text) AS sql`, [role, pw]);
    await query(admin, sql);
  }
  await query(server.url('live_db'), 'CREATE SCHEMA live_schema; CREATE TABLE live_schema.t (id int); GRANT ALL ON SCHEMA live_schema, public TO PUBLIC; GRANT SELECT ON live_schema.t TO PUBLIC');
  deadPort = await freePort();
  // Accepts TCP connections and never answers: what a black-holed host looks like to connect_timeout.
  silent = createServer(() => undefined);
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
  silentPort = (silent.address() as AddressInfo).port;
});

afterAll(async () => {
  silent?.close();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

let homeN = 0;
/** An empty home directory, so no ~/.pgpass or ~/.postgresql/ of the machine counts. */
function freshHome(): string {
  const h = join(dir, `home${homeN++}`);
  mkdirSync(h, { recursive: true });
  return h;
}

interface Session { user: string; db: string; app: string; ssl: boolean; search_path: string; statement_timeout: string; addr: string | null }

/** Resolves and connects like the CLI does (libpq rules, injected env and home), and reports the session. */
async function session(opts: ConnectionOptions, warnings: string[] = []): Promise<Session> {
  const resolved = await resolveConnection({ homeDir: freshHome(), noPassword: true, warn: (m) => warnings.push(m), ...opts, env: opts.env ?? {} });
  const client = await connect(resolved);
  try {
    const { rows } = await client.query<Session>(`SELECT current_user AS user, current_database() AS db,
        a.application_name AS app, coalesce(s.ssl, false) AS ssl, current_setting('search_path') AS search_path,
        current_setting('statement_timeout') AS statement_timeout, host(a.client_addr) AS addr
      FROM pg_stat_activity a LEFT JOIN pg_stat_ssl s USING (pid) WHERE a.pid = pg_backend_pid()`);
    return rows[0]!;
  } finally {
    await client.end();
  }
}

async function failure(opts: ConnectionOptions, warnings: string[] = []): Promise<DumpError> {
  const e: unknown = await session(opts, warnings).then(() => new Error('expected the connection to fail'), (x: unknown) => x);
  if (e instanceof DumpError) return e;
  throw e;
}

function passfile(lines: string[], mode = 0o600): string {
  const f = join(dir, `pgpass${homeN++}`);
  writeFileSync(f, lines.join('\n') + '\n', { mode });
  chmodSync(f, mode);
  return f;
}

describe(`live connections (PostgreSQL ${MAJOR})`, () => {
  describe('.pgpass', () => {
    it('matches host, port, database and user with wildcards and escapes; the first match wins', async () => {
      const port = String(server.port);
      const file = passfile([
        '# comment line',
        `127.0.0.1:${port}:other_db:live_user:not-this-one`,
        `*:${port}:live_db:live_other:other-pw`,
        `127.0.0.1:*:live_db:live_user:${PW.replace(/\\/g, '\\\\').replace(/:/g, '\\:')}`,
        '*:*:*:live_user:wrong-but-later',
        `*:*:*:${COLON_USER.replace(/:/g, '\\:')}:colon-pw`,
      ]);
      const base = { host: '127.0.0.1', port: server.port, dbname: 'live_db', env: { PGPASSFILE: file } };
      expect(await session({ ...base, username: 'live_user' })).toMatchObject({ user: 'live_user', db: 'live_db' });
      expect(await session({ ...base, username: 'live_other' })).toMatchObject({ user: 'live_other' });
      expect(await session({ ...base, username: COLON_USER })).toMatchObject({ user: COLON_USER });
      // Same user, another database: the first line that matches is the wrong password, and the message says where it came from.
      const e = await failure({ ...base, username: 'live_user', dbname: 'postgres', env: { PGPASSFILE: file } });
      expect(e.code).toBe('connection');
      expect(e.message).toContain('password authentication failed');
      expect(e.message).toContain(file);
      expect(e.message).not.toContain('wrong-but-later');
    });

    it('reads ~/.pgpass when PGPASSFILE is unset, and matches a socket directory by its path', async () => {
      const home = freshHome();
      writeFileSync(join(home, '.pgpass'), `${socketDir}:${server.port}:live_db:live_user:${PW.replace(/\\/g, '\\\\').replace(/:/g, '\\:')}\n`, { mode: 0o600 });
      const s = await session({ host: socketDir, port: server.port, dbname: 'live_db', username: 'live_user', homeDir: home });
      expect(s).toMatchObject({ user: 'live_user', ssl: false, addr: null }); // no client address: a Unix socket
    });

    it('ignores a group- or world-readable file with a warning', async () => {
      const file = passfile([`*:*:*:live_user:${PW.replace(/\\/g, '\\\\').replace(/:/g, '\\:')}`], 0o644);
      const warnings: string[] = [];
      const e = await failure({ host: '127.0.0.1', port: server.port, dbname: 'live_db', username: 'live_user', env: { PGPASSFILE: file } }, warnings);
      expect(warnings.join('\n')).toContain(`password file "${file}" has group or world access`);
      expect(e.message).toContain('requires a password for user "live_user"');
      chmodSync(file, 0o600);
      expect(await session({ host: '127.0.0.1', port: server.port, dbname: 'live_db', username: 'live_user', env: { PGPASSFILE: file } })).toMatchObject({ user: 'live_user' });
    });

    it('the CLI prints the permission warning and still fails cleanly with the connection exit code', async () => {
      const file = passfile([`*:*:*:live_user:${PW.replace(/\\/g, '\\\\').replace(/:/g, '\\:')}`], 0o640);
      const r = await cli(['-w', '-h', '127.0.0.1', '-p', String(server.port), '-U', 'live_user', '-s', 'live_db'], { env: { PGPASSFILE: file } });
      expect(r.code).toBe(EXIT_CODES.connection);
      expect(r.stderr).toContain('has group or world access');
      expectOneLineError(r.stderr.split('\n').filter((l) => !l.startsWith('WARNING:')).join('\n'), 'requires a password');
    });
  });

  describe('service files', () => {
    function serviceFile(): string {
      const f = join(dir, `service${homeN++}.conf`);
      writeFileSync(f, [
        '# services for the test',
        '[other]', 'host=192.0.2.1',
        '[live]', 'host=127.0.0.1', `port=${server.port}`, 'dbname=live_db', 'user=live_user', `password=${PW}`, 'application_name=from-service',
        '',
      ].join('\n'));
      return f;
    }

    it('PGSERVICEFILE with PGSERVICE, and service= in a conninfo string', async () => {
      const f = serviceFile();
      expect(await session({ env: { PGSERVICEFILE: f, PGSERVICE: 'live' } })).toMatchObject({ user: 'live_user', db: 'live_db', app: 'from-service' });
      expect(await session({ dbname: `service=live application_name=overrides`, env: { PGSERVICEFILE: f } })).toMatchObject({ user: 'live_user', app: 'overrides' });
      expect(await session({ dbname: `service=live servicefile='${f}'` })).toMatchObject({ db: 'live_db' });
    });

    it('the CLI dumps through a service', async () => {
      const r = await cli(['-s', '-d', 'service=live'], { env: { PGSERVICEFILE: serviceFile() } });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.toString()).toContain('CREATE TABLE live_schema.t');
      expect(r.stdout.toString()).toContain(END_MARK);
    });
  });

  it('a URI with a percent-encoded user and password', async () => {
    const uri = `postgresql://${encodeURIComponent(PCT_USER)}:${encodeURIComponent(PCT_PW)}@127.0.0.1:${server.port}/live_db?application_name=uri%20app`;
    expect(await session({ dbname: uri })).toMatchObject({ user: PCT_USER, db: 'live_db', app: 'uri app' });
    const r = await cli(['-s', uri]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.toString()).toContain(END_MARK);
  });

  describe('libpq environment', () => {
    it('PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD, PGAPPNAME and PGOPTIONS', async () => {
      const env = {
        PGHOST: '127.0.0.1', PGPORT: String(server.port), PGUSER: 'live_user', PGDATABASE: 'live_db', PGPASSWORD: PW,
        PGAPPNAME: 'env app', PGOPTIONS: '-c search_path=live_schema -c statement_timeout=1234',
      };
      expect(await session({ env })).toMatchObject({
        user: 'live_user', db: 'live_db', app: 'env app', search_path: 'live_schema', statement_timeout: '1234ms', addr: '127.0.0.1',
      });
    });

    it('PGAPPNAME names the CLI session in pg_stat_activity', async () => {
      // Hold a lock so the dump waits where we can see it.
      const pg = (await import('pg')).default;
      const holder = new pg.Client({ connectionString: server.url('live_db') });
      await holder.connect();
      try {
        await holder.query('BEGIN; LOCK TABLE live_schema.t IN ACCESS EXCLUSIVE MODE');
        const env = { PGHOST: '127.0.0.1', PGPORT: String(server.port), PGUSER: 'live_user', PGDATABASE: 'live_db', PGPASSWORD: PW, PGAPPNAME: 'nightly backup' };
        const run = cli([], { env });
        const seen = await waitFor('the dump session', async () => (await query<{ usename: string }>(admin,
          `SELECT usename FROM pg_stat_activity WHERE application_name = 'nightly backup' AND datname = 'live_db'`))[0]);
        expect(seen.usename).toBe('live_user');
        await holder.query('COMMIT');
        const r = await run;
        expect(r.code, r.stderr).toBe(0);
        expect(r.stdout.toString()).toContain(END_MARK);
      } finally {
        await holder.end();
      }
    });

    it('PGCONNECT_TIMEOUT gives up on a host that never answers, with the connection exit code', async () => {
      const t0 = Date.now();
      const e = await failure({ env: { PGHOST: '127.0.0.1', PGPORT: String(silentPort), PGUSER: 'live_user', PGCONNECT_TIMEOUT: '2' } });
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(e.code).toBe('connection');
      expect(e.message).toContain('timed out');
      const r = await cli(['-h', '127.0.0.1', '-p', String(silentPort), '-U', 'live_user', 'live_db'], { env: { PGCONNECT_TIMEOUT: '2' } });
      expect(r.code).toBe(EXIT_CODES.connection);
      expectOneLineError(r.stderr, 'timed out', `port ${silentPort}`);
    });
  });

  it('a Unix-socket host (a path) from -h, PGHOST and the URI host parameter', async () => {
    const env = { PGPASSWORD: PW };
    expect(await session({ host: socketDir, port: server.port, username: 'live_user', dbname: 'live_db', env })).toMatchObject({ addr: null, ssl: false });
    expect(await session({ env: { ...env, PGHOST: socketDir, PGPORT: String(server.port), PGUSER: 'live_user', PGDATABASE: 'live_db' } })).toMatchObject({ addr: null });
    expect(await session({ dbname: `postgresql:///live_db?host=${encodeURIComponent(socketDir)}&port=${server.port}&user=live_user`, env })).toMatchObject({ addr: null, db: 'live_db' });
    const r = await cli(['-s', '-h', socketDir, '-p', String(server.port), '-U', 'live_user', 'live_db'], { env });
    expect(r.code, r.stderr).toBe(0);
  });

  it('several hosts in a URI: the first is down, the second answers', async () => {
    const uri = `postgresql://live_other:other-pw@127.0.0.1:${deadPort},127.0.0.1:${server.port}/live_db`;
    expect(await session({ dbname: uri })).toMatchObject({ user: 'live_other' });
    const r = await cli(['-s', uri]);
    expect(r.code, r.stderr).toBe(0);
    // All hosts down: one line naming each.
    const down = await cli(['-s', `postgresql://live_other:other-pw@127.0.0.1:${deadPort},127.0.0.1:${silentPort}/live_db?connect_timeout=2`]);
    expect(down.code).toBe(EXIT_CODES.connection);
    expectOneLineError(down.stderr, 'could not connect to any of 2 hosts', `port ${deadPort}`, `port ${silentPort}`);
  });

  describe('TLS (server with ssl=on and a self-signed CA)', () => {
    const tcp = (extra: string): ConnectionOptions => ({ dbname: `host=127.0.0.1 port=${server.port} dbname=live_db user=live_ssl ${extra}`, env: { PGPASSWORD: 'ssl-pw' } });

    it('prefer (the default) and require use TLS; disable is refused by pg_hba.conf hostnossl', async () => {
      expect(await session(tcp(''))).toMatchObject({ ssl: true, user: 'live_ssl' });
      expect(await session(tcp('sslmode=require'))).toMatchObject({ ssl: true });
      const e = await failure(tcp('sslmode=disable'));
      expect(e.code).toBe('connection');
      expect(e.message).toMatch(/rejected the connection: .*no encryption/);
      // A socket never uses TLS, whatever sslmode says.
      expect(await session({ host: socketDir, port: server.port, username: 'live_user', dbname: 'live_db', env: { PGPASSWORD: PW, PGSSLMODE: 'require' } })).toMatchObject({ ssl: false });
    });

    it('verify-ca: the right root certificate works, a wrong one fails', async () => {
      expect(await session(tcp(`sslmode=verify-ca sslrootcert=${join(dir, 'ca.crt')}`))).toMatchObject({ ssl: true });
      // verify-ca does not check the name: connecting by IP to a certificate for "localhost" is fine.
      const e = await failure(tcp(`sslmode=verify-ca sslrootcert=${join(dir, 'other.crt')}`));
      expect(e.code).toBe('connection');
      expect(e.message).toContain('SSL certificate verification failed');
    });

    it('verify-full: the right name works; a certificate for another name fails with one line and exit code 3', async () => {
      const root = `sslrootcert=${join(dir, 'ca.crt')}`;
      expect(await session({ ...tcp(`sslmode=verify-full ${root}`), dbname: `host=localhost hostaddr=127.0.0.1 port=${server.port} dbname=live_db user=live_ssl sslmode=verify-full ${root}` })).toMatchObject({ ssl: true });
      const e = await failure(tcp(`sslmode=verify-full ${root}`));
      expect(e.message).toContain('does not name "127.0.0.1"');
      const r = await cli(['-s', '-d', `host=127.0.0.1 port=${server.port} dbname=live_db user=live_ssl sslmode=verify-full ${root}`], { env: { PGPASSWORD: 'ssl-pw' } });
      expect(r.code).toBe(EXIT_CODES.connection);
      expectOneLineError(r.stderr, 'does not name "127.0.0.1"', 'sslmode=verify-ca');
    });

    it('PGSSLMODE and PGSSLROOTCERT from the environment', async () => {
      const env = { PGHOST: 'localhost', PGHOSTADDR: '127.0.0.1', PGPORT: String(server.port), PGUSER: 'live_ssl', PGDATABASE: 'live_db', PGPASSWORD: 'ssl-pw' };
      expect(await session({ env: { ...env, PGSSLMODE: 'verify-full', PGSSLROOTCERT: join(dir, 'ca.crt') } })).toMatchObject({ ssl: true });
      const wrong = await failure({ env: { ...env, PGSSLMODE: 'verify-full', PGSSLROOTCERT: join(dir, 'other.crt') } });
      expect(wrong.message).toContain('SSL certificate verification failed');
      const r = await cli(['-s'], { env: { ...env, PGSSLMODE: 'verify-ca', PGSSLROOTCERT: join(dir, 'other.crt') } });
      expect(r.code).toBe(EXIT_CODES.connection);
      expectOneLineError(r.stderr, 'SSL certificate verification failed');
      const ok = await cli(['-s'], { env: { ...env, PGSSLMODE: 'verify-full', PGSSLROOTCERT: join(dir, 'ca.crt') } });
      expect(ok.code, ok.stderr).toBe(0);
    });
  });

  describe('passwords stay out of messages and process arguments', () => {
    const SECRET = 'Wr0ng-S3cret-pw';
    it('a wrong password or a refused host: no message carries the password, even with --verbose', async () => {
      const runs: Array<{ args: string[]; env?: Record<string, string> }> = [
        { args: [`postgresql://live_user:${SECRET}@127.0.0.1:${server.port}/live_db`] },
        { args: [`postgresql://live_user:${SECRET}@127.0.0.1:${deadPort}/live_db`] },
        { args: [`host=127.0.0.1 port=${server.port} dbname=live_db user=live_user password=${SECRET}`] },
        { args: ['-h', '127.0.0.1', '-p', String(server.port), '-U', 'live_user', 'live_db'], env: { PGPASSWORD: SECRET } },
        { args: ['-h', '127.0.0.1', '-p', String(server.port), '-U', 'live_user', 'live_db'], env: { PGPASSFILE: passfile([`*:*:*:live_user:${SECRET}`]) } },
      ];
      for (const { args, env } of runs) {
        for (const verbose of [[], ['--verbose']]) {
          const r = await cli([...verbose, ...args], env ? { env } : {});
          expect(r.code, r.stderr).toBe(EXIT_CODES.connection);
          expect(r.stderr).not.toContain(SECRET);
          if (verbose.length === 0) expectOneLineError(r.stderr);
        }
      }
      const wrong = await cli([`postgresql://live_user:${SECRET}@127.0.0.1:${server.port}/live_db`]);
      expect(wrong.stderr).toContain('password authentication failed');
      expect(wrong.stderr).toContain('(password taken from connection string)');
    });

    it('pgdump-ts and pgdumpall-ts start no process and no process shows the password in its arguments', async () => {
      const pg = (await import('pg')).default;
      const holder = new pg.Client({ connectionString: server.url('live_db') });
      await holder.connect();
      try {
        await holder.query('BEGIN; LOCK TABLE live_schema.t IN ACCESS EXCLUSIVE MODE');
        const env = { PGHOST: '127.0.0.1', PGPORT: String(server.port), PGUSER: 'live_user', PGPASSWORD: PW };
        const { spawnCli, finished } = await import('./util/reliability.js');
        const { spawn } = await import('node:child_process');
        const allBin = join(process.cwd(), 'dist/src/cli/pgdumpall.js');
        const children = [
          spawnCli(['live_db'], { env: { ...env, PGAPPNAME: 'ps-check-dump' } }),
          spawn(process.execPath, [allBin, '--exclude-database', 'postgres', '--exclude-database', 'template1'],
            { env: { ...process.env, ...env, PGAPPNAME: 'ps-check-all' }, stdio: ['ignore', 'pipe', 'pipe'] }),
        ];
        const done = children.map((c) => finished(c));
        // Both are waiting for the lock: they are connected and busy.
        await waitFor('both dumps waiting', async () => (await query<{ n: number }>(admin,
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name IN ('ps-check-dump', 'ps-check-all') AND wait_event_type = 'Lock'`))[0]!.n === 2);
        const ps = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n').filter((l) => l.trim() !== '');
        const pids = children.map((c) => String(c.pid));
        expect(ps.filter((l) => pids.includes(l.trim().split(/\s+/)[1]!)), 'processes started by the dumps').toEqual([]);
        expect(ps.filter((l) => l.includes(PW) || l.includes(encodeURIComponent(PW))), 'processes showing the password').toEqual([]);
        expect(ps.some((l) => pids.includes(l.trim().split(/\s+/)[0]!))).toBe(true);
        await holder.query('COMMIT');
        const results = await Promise.all(done);
        for (const r of results) expect(r.code, r.stderr).toBe(0);
      } finally {
        await holder.end();
      }
    });
  });
});
