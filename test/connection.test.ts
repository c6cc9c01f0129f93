import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DumpError } from '../src/errors.js';
import {
  connect, isConnectionString, lookupPgpass, matchPgpass, parseConninfo, parseServiceSection, parseUri,
  resolveConnection, translateConnectError, type ConnectionOptions, type ResolvedConnection,
} from '../src/connection/index.js';

const root = mkdtempSync(join(tmpdir(), 'pgdump-conn-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let home: string;
let n = 0;
beforeEach(() => {
  home = join(root, `home${n++}`);
  mkdirSync(home);
});

/** Resolves with an isolated environment: no PG* variables, an empty home. */
function resolve(opts: ConnectionOptions): Promise<ResolvedConnection> {
  return resolveConnection({ env: {}, homeDir: home, warn: () => undefined, ...opts });
}

async function passwordOf(r: ResolvedConnection, i = 0): Promise<string> {
  const pw = r.targets[i]!.config.password;
  if (typeof pw !== 'function') throw new Error('expected a password callback');
  return pw();
}

function tlsOf(r: ResolvedConnection): TlsOptions {
  const ssl = r.config.ssl;
  if (typeof ssl !== 'object') throw new Error(`expected TLS options, got ${String(ssl)}`);
  return ssl;
}

async function rejection(p: Promise<unknown>): Promise<DumpError> {
  const e: unknown = await p.then(() => new Error('expected a DumpError'), (x: unknown) => x);
  if (e instanceof DumpError) return e;
  throw e;
}

describe('connection strings', () => {
  it('recognises URIs and conninfo the way libpq does', () => {
    expect(['postgresql://h/db', 'postgres://h', 'host=h', 'my_db'].map(isConnectionString)).toEqual([true, true, true, false]);
  });

  it('decodes a URI with percent-encoded credentials and query parameters', async () => {
    const r = await resolve({
      dbname: 'postgresql://us%40er:p%40ss%3Aw%2Fo%20rd@db.example.com:6543/my%20db?sslmode=disable&application_name=nightly%20dump&connect_timeout=1&options=-c%20search_path%3Dx',
    });
    expect(r.host).toBe('db.example.com');
    expect(r.port).toBe(6543);
    expect(r.user).toBe('us@er');
    expect(r.database).toBe('my db');
    expect(await passwordOf(r)).toBe('p@ss:w/o rd');
    expect(r.config).toMatchObject({
      host: 'db.example.com', port: 6543, user: 'us@er', database: 'my db', ssl: false,
      application_name: 'nightly dump', connectionTimeoutMillis: 2000, options: '-c search_path=x',
    });
    expect(r.describe()).toBe('database "my db" on host "db.example.com" port 6543 as user "us@er"');
    expect(r.describe()).not.toContain('p@ss');
  });

  it('parses socket directories, IPv6 literals and ssl=true in URIs', () => {
    expect(parseUri('postgresql://%2Fvar%2Frun%2Fpostgresql:5433/db')).toEqual({ host: '/var/run/postgresql', port: '5433', dbname: 'db' });
    expect(parseUri('postgres://[::1]:5433/db?ssl=true')).toEqual({ host: '::1', port: '5433', dbname: 'db', sslmode: 'require' });
    expect(parseUri('postgresql:///db?host=/tmp')).toEqual({ dbname: 'db', host: '/tmp' });
    expect(parseUri('postgresql://')).toEqual({});
  });

  it('parses conninfo with quotes, escapes and spaces around "="', () => {
    expect(parseConninfo(`host=h password='a b\\'c' dbname = 'my db' user=u\\ v port= 5433 options=''`)).toEqual({
      host: 'h', password: "a b'c", dbname: 'my db', user: 'u v', port: '5433', options: '',
    });
  });

  it('rejects malformed strings with a usage error that names the problem', () => {
    expect(() => parseConninfo('host')).toThrow(/missing "=" after "host"/);
    expect(() => parseConninfo("password='abc")).toThrow(/unterminated quoted string/);
    expect(() => parseConninfo('hots=x')).toThrow(/invalid connection option "hots"/);
    expect(() => parseUri('postgresql://h/db?foo=1')).toThrow(/invalid URI query parameter: "foo"/);
    expect(() => parseUri('postgresql://u:p%zz@h/db')).toThrow(/invalid percent-encoded token/);
  });

  it('rejects bad ports and unsupported keywords', async () => {
    expect((await rejection(resolve({ dbname: 'port=99999' }))).message).toMatch(/invalid port number: "99999"/);
    expect((await rejection(resolve({ dbname: 'target_session_attrs=read-write' }))).code).toBe('usage');
    expect((await rejection(resolve({ noPassword: true, forcePassword: true }))).code).toBe('usage');
  });
});

describe('precedence', () => {
  const serviceFile = (): string => {
    const f = join(home, 'services.conf');
    writeFileSync(f, '[svc]\nhost=svc_host\nport=3333\nuser=svc_user\ndbname=svc_db\napplication_name=svc_app\n');
    return f;
  };
  const env = (): NodeJS.ProcessEnv => ({
    PGHOST: 'env_host', PGPORT: '4444', PGUSER: 'env_user', PGDATABASE: 'env_db', PGAPPNAME: 'env_app',
    PGSSLMODE: 'disable', PGSERVICE: 'svc', PGSERVICEFILE: serviceFile(),
  });

  it('connection string beats -h/-p/-U, which beat the service file, which beats PG* variables', async () => {
    const r = await resolve({ env: env(), dbname: 'host=ci_host', host: 'opt_host', port: 2222, username: 'opt_user' });
    expect([r.host, r.port, r.user, r.database, r.config.application_name]).toEqual(['ci_host', 2222, 'opt_user', 'svc_db', 'svc_app']);
  });

  it('falls through to the service file, then to the environment', async () => {
    const r = await resolve({ env: env() });
    expect([r.host, r.port, r.user, r.database]).toEqual(['svc_host', 3333, 'svc_user', 'svc_db']);
    const { PGSERVICE: _, ...e } = env();
    const r2 = await resolve({ env: e });
    expect([r2.host, r2.port, r2.user, r2.database, r2.config.application_name]).toEqual(['env_host', 4444, 'env_user', 'env_db', 'env_app']);
    const r3 = await resolve({ env: e, host: 'opt_host', username: 'opt_user', applicationName: 'opt_app' });
    expect([r3.host, r3.port, r3.user, r3.config.application_name]).toEqual(['opt_host', 4444, 'opt_user', 'opt_app']);
  });

  it('applies defaults last: dbname defaults to the user, application name to pgdump-ts', async () => {
    const r = await resolve({ env: { PGSSLMODE: 'disable' } });
    expect([r.port, r.user, r.database, r.config.application_name]).toEqual([5432, userInfo().username, userInfo().username, 'pgdump-ts']);
    expect(['/var/run/postgresql', '/tmp', 'localhost']).toContain(r.host);
    const named = await resolve({ dbname: 'plain_name', username: 'alice', env: { PGDATABASE: 'other' } });
    expect([named.database, named.user]).toEqual(['plain_name', 'alice']);
  });

  it('passes PGOPTIONS, PGCONNECT_TIMEOUT and the password from PGPASSWORD', async () => {
    const r = await resolve({ host: 'h', env: { PGOPTIONS: '-c work_mem=64MB', PGCONNECT_TIMEOUT: '7', PGPASSWORD: 'envpw' } });
    expect(r.config).toMatchObject({ options: '-c work_mem=64MB', connectionTimeoutMillis: 7000 });
    expect(await passwordOf(r)).toBe('envpw');
    expect(r.targets[0]!.passwordSource).toBe('PGPASSWORD');
  });
});

describe('service files', () => {
  it('reads ~/.pg_service.conf, then PGSYSCONFDIR/pg_service.conf', async () => {
    writeFileSync(join(home, '.pg_service.conf'), '# mine\n[a]\nhost=user_file_host\n\n[b]\nhost=ignored\n');
    const sys = join(home, 'etc');
    mkdirSync(sys);
    writeFileSync(join(sys, 'pg_service.conf'), '[b]\nhost=system_host\nport=6000\n');
    const a = await resolve({ env: { PGSERVICE: 'a', PGSYSCONFDIR: sys } });
    expect(a.host).toBe('user_file_host');
    const b = await resolve({ dbname: 'service=b', env: { PGSYSCONFDIR: sys } });
    expect(b.host).toBe('ignored'); // the user's file has [b], so the system file is not read
    const c = await resolve({ dbname: 'service=b', env: { PGSYSCONFDIR: sys, PGSERVICEFILE: join(home, 'none') } });
    expect([c.host, c.port]).toEqual(['system_host', 6000]);
  });

  it('reports a missing service or a bad line', async () => {
    const err = await rejection(resolve({ env: { PGSERVICE: 'nope', PGSYSCONFDIR: home } }));
    expect(err.message).toMatch(/definition of service "nope" not found/);
    expect(() => parseServiceSection('[s]\nhots=x\n', 's', 'f')).toThrow(/line 2/);
    expect(() => parseServiceSection('[s]\nservice=t\n', 's', 'f')).toThrow(/nested/);
    expect(parseServiceSection('[s2]\nhost=x\n[s]\n  port=1  \n', 's', 'f')).toEqual({ port: '1' });
  });
});

describe('.pgpass', () => {
  const q = { host: 'db.example.com', port: '5432', database: 'app', user: 'alice' };

  it('matches wildcards and escapes, first match wins', () => {
    const file = [
      '# comment',
      'other:5432:app:alice:nope',
      'db.example.com:5432:other:*:nope',
      'db.example.com:*:app:alice:first\\:pw\\\\x',
      '*:*:*:*:second',
    ].join('\n');
    expect(matchPgpass(file, q)).toBe('first:pw\\x');
    expect(matchPgpass(file, { ...q, user: 'bob' })).toBe('second');
    expect(matchPgpass('h\\:1:5432:app:alice:colon-host\n', { ...q, host: 'h:1' })).toBe('colon-host');
    expect(matchPgpass('\\*:5432:app:alice:star\n', q)).toBeUndefined();
    expect(matchPgpass('*:5432:app:alice:trailing:ignored\r\n', q)).toBe('trailing');
  });

  it("treats the default socket directory as 'localhost'", () => {
    const file = 'localhost:5432:app:alice:local\n/srv/sock:5432:app:alice:custom\n';
    expect(matchPgpass(file, { ...q, host: '/var/run/postgresql' })).toBe('local');
    expect(matchPgpass(file, { ...q, host: '/tmp' })).toBe('local');
    expect(matchPgpass(file, { ...q, host: '/srv/sock' })).toBe('custom');
  });

  it('ignores a group- or world-readable file with a warning', () => {
    const f = join(home, 'pgpass');
    writeFileSync(f, '*:*:*:*:secret\n');
    chmodSync(f, 0o644);
    const warnings: string[] = [];
    expect(lookupPgpass(f, q, (m) => warnings.push(m))).toBeUndefined();
    expect(warnings[0]).toMatch(/has group or world access/);
    chmodSync(f, 0o600);
    expect(lookupPgpass(f, q, (m) => warnings.push(m))).toBe('secret');
    expect(lookupPgpass(join(home, 'missing'), q, (m) => warnings.push(m))).toBeUndefined();
    expect(warnings).toHaveLength(1);
  });

  it('is consulted per host only when no password is given, from PGPASSFILE or ~/.pgpass', async () => {
    writeFileSync(join(home, '.pgpass'), 'h1:5432:db:u:pw1\nh2:5433:db:u:pw2\n', { mode: 0o600 });
    const r = await resolve({ dbname: 'postgresql://u@h1:5432,h2:5433/db' });
    expect([await passwordOf(r, 0), await passwordOf(r, 1)]).toEqual(['pw1', 'pw2']);
    expect(r.targets[0]!.passwordSource).toBe('password file');
    const given = await resolve({ dbname: 'postgresql://u:explicit@h1/db' });
    expect(await passwordOf(given)).toBe('explicit');
    const other = join(home, 'other.pgpass');
    writeFileSync(other, '*:*:*:*:fromenv\n', { mode: 0o600 });
    expect(await passwordOf(await resolve({ host: 'h1', env: { PGPASSFILE: other } }))).toBe('fromenv');
  });
});

describe('multiple hosts', () => {
  it('pairs hosts with ports like libpq', async () => {
    const r = await resolve({ dbname: 'postgresql://h1:5432,h2:5433,[::1]:5434/db?sslmode=disable' });
    expect(r.targets.map((t) => [t.host, t.port])).toEqual([['h1', 5432], ['h2', 5433], ['::1', 5434]]);
    const one = await resolve({ dbname: 'host=a,b port=6000 sslmode=disable' });
    expect(one.targets.map((t) => t.port)).toEqual([6000, 6000]);
    expect(one.describe()).toBe('database "' + one.database + '" on host "a" port 6000 or host "b" port 6000 as user "' + one.user + '"');
    expect((await rejection(resolve({ dbname: 'host=a,b,c port=1,2' }))).message).toMatch(/could not match 2 port numbers to 3 hosts/);
  });

  it('connects to each host in turn and reports every failure in one line', async () => {
    const [p1, p2] = [await closedPort(), await closedPort()];
    const r = await resolve({ dbname: `postgresql://127.0.0.1:${p1},127.0.0.1:${p2}/db?sslmode=disable`, username: 'u' });
    const err = await rejection(connect(r));
    expect(err.code).toBe('connection');
    expect(err.message).toMatch(new RegExp(`any of 2 hosts.*port ${p1}.*connection refused.*port ${p2}.*connection refused`));
  });
});

describe('sslmode', () => {
  const pem = (): string => {
    const f = join(home, 'root.crt');
    writeFileSync(f, '-----BEGIN CERTIFICATE-----\nnot a real one\n-----END CERTIFICATE-----\n');
    return f;
  };

  it('maps each mode onto pg ssl settings and fallbacks', async () => {
    const attempts = async (m: string) => (await resolve({ dbname: `host=db.example.com sslmode=${m}` })).targets[0]!.sslAttempts;
    const noVerify = { rejectUnauthorized: false, minVersion: 'TLSv1.2' };
    expect(await attempts('disable')).toEqual([false]);
    expect(await attempts('allow')).toEqual([false, noVerify]);
    expect(await attempts('prefer')).toEqual([noVerify, false]);
    expect(await attempts('require')).toEqual([noVerify]);
    expect((await resolve({ host: 'db.example.com' })).sslmode).toBe('prefer');
  });

  it('verifies the chain but not the name for verify-ca and require with a root certificate', async () => {
    const root = pem();
    for (const m of ['require', 'verify-ca']) {
      const tls = tlsOf(await resolve({ dbname: `host=db.example.com sslmode=${m} sslrootcert=${root}` }));
      expect(tls.rejectUnauthorized).toBe(true);
      expect(tls.ca).toContain('not a real one');
      expect(tls.checkServerIdentity?.('db.example.com', {} as never)).toBeUndefined();
    }
    const full = tlsOf(await resolve({ dbname: `host=db.example.com sslmode=verify-full sslrootcert=${root}` }));
    expect(full.rejectUnauthorized).toBe(true);
    expect(full.checkServerIdentity).toBeUndefined();
  });

  it('picks up ~/.postgresql/root.crt and requires a root certificate to verify', async () => {
    const err = await rejection(resolve({ host: 'db.example.com', env: { PGSSLMODE: 'verify-full' } }));
    expect(err.message).toMatch(/root certificate file ".*root\.crt" does not exist/);
    mkdirSync(join(home, '.postgresql'));
    writeFileSync(join(home, '.postgresql', 'root.crt'), 'CA');
    const tls = tlsOf(await resolve({ host: 'db.example.com', env: { PGSSLMODE: 'verify-full' } }));
    expect(tls.ca).toBe('CA');
  });

  it('checks names against host when connecting by hostaddr, and never uses SSL on sockets', async () => {
    const tls = tlsOf(await resolve({ dbname: `host=db.example.com hostaddr=10.0.0.5 sslmode=verify-full sslrootcert=${pem()}` }));
    expect(tls.servername).toBe('db.example.com');
    const sock = await resolve({ host: '/tmp', env: { PGSSLMODE: 'require' } });
    expect(sock.targets[0]!.sslAttempts).toEqual([false]);
    expect(sock.describe()).toBe(`database "${sock.database}" on socket "/tmp/.s.PGSQL.5432" as user "${sock.user}"`);
  });

  it('rejects unknown modes and weak modes with system roots', async () => {
    expect((await rejection(resolve({ dbname: 'sslmode=sometimes' }))).message).toMatch(/invalid sslmode value/);
    expect((await rejection(resolve({ dbname: 'sslmode=require sslrootcert=system' }))).message).toMatch(/weak sslmode/);
    expect((await resolve({ dbname: 'host=h sslrootcert=system' })).sslmode).toBe('verify-full');
  });
});

describe('passwords and connection errors (fake server)', () => {
  it('-W prompts before connecting; the answer beats PGPASSWORD', async () => {
    const prompts: string[] = [];
    const r = await resolve({ host: 'h', forcePassword: true, env: { PGPASSWORD: 'env' }, prompt: async (m) => { prompts.push(m); return 'typed'; } });
    expect(prompts).toEqual(['Password: ']);
    expect(await passwordOf(r)).toBe('typed');
  });

  it('says a password is needed when the server asks and -w forbids prompting', async () => {
    const { port, close } = await fakeServer((sock) => { sock.write(authCleartext()); });
    try {
      const r = await resolve({ dbname: `postgresql://u@127.0.0.1:${port}/db?sslmode=disable`, noPassword: true });
      const err = await rejection(connect(r));
      expect(err.message).toMatch(/requires a password for user "u" and none was supplied/);
    } finally { await close(); }
  });

  it('falls back to plain for sslmode=prefer and translates server errors', async () => {
    let sslRequests = 0;
    const { port, close } = await fakeServer((sock, first) => {
      if (first.readInt32BE(4) === 80877103) { sslRequests++; sock.write('N'); return 'again'; }
      sock.end(errorResponse('3D000', 'database "nodb" does not exist'));
    });
    try {
      const r = await resolve({ dbname: `postgresql://u:secret@127.0.0.1:${port}/nodb` });
      const err = await rejection(connect(r));
      expect(sslRequests).toBe(1);
      expect(err.message).toBe(`database "nodb" does not exist on the server at "127.0.0.1" port ${port}: check the database name given with -d or PGDATABASE`);
      expect(err.message).not.toContain('secret');
    } finally { await close(); }
  });

  it('names the password file when its password is refused, and fails sslmode=require without SSL', async () => {
    writeFileSync(join(home, '.pgpass'), '*:*:*:*:frompass\n', { mode: 0o600 });
    const received: string[] = [];
    const { port, close } = await fakeServer((sock, first) => {
      if (first.readInt32BE(4) === 80877103) { sock.write('N'); return 'again'; }
      sock.write(authCleartext());
      sock.once('data', (b: Buffer) => {
        received.push(b.subarray(5, b.length - 1).toString());
        sock.end(errorResponse('28P01', 'password authentication failed for user "u"'));
      });
    });
    try {
      const r = await resolve({ dbname: `postgresql://u@127.0.0.1:${port}/db?sslmode=disable` });
      const err = await rejection(connect(r));
      expect(received).toEqual(['frompass']);
      expect(err.message).toMatch(/password authentication failed .*password taken from ".*\.pgpass"/);
      expect(err.message).not.toContain('frompass');
      const req = await rejection(connect(await resolve({ dbname: `postgresql://u@127.0.0.1:${port}/db?sslmode=require` })));
      expect(req.message).toMatch(/does not support SSL, but sslmode=require requires it/);
    } finally { await close(); }
  });
});

describe('error translation', () => {
  const err = (code: string, message: string): Error => Object.assign(new Error(message), { code });

  it('gives one line naming server, database and user, and the remedy', async () => {
    const r = await resolve({ dbname: 'postgresql://u:hunter2@db.example.com/app?sslmode=verify-full&sslrootcert=system' });
    const t = r.targets[0]!;
    const cases: Array<[Error, RegExp]> = [
      [err('ENOTFOUND', 'getaddrinfo ENOTFOUND db.example.com'), /could not translate host name "db.example.com"/],
      [err('ECONNREFUSED', 'connect ECONNREFUSED'), /database "app" on host "db.example.com" port 5432 as user "u": connection refused/],
      [err('ETIMEDOUT', 'connect ETIMEDOUT'), /timed out; .*connect_timeout/],
      [new Error('timeout expired'), /timed out/],
      [err('28000', 'role "u" does not exist'), /role "u" does not exist on the server at "db.example.com" port 5432: .*-U/],
      [err('28000', 'no pg_hba.conf entry for host "1.2.3.4"'), /rejected the connection: no pg_hba\.conf entry/],
      [err('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'), /SSL certificate verification failed.*sslrootcert/],
      [err('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"), /does not name "db.example.com".*verify-ca/],
      [err('53300', 'sorry, too many clients already'), /max_connections/],
    ];
    for (const [e, expected] of cases) {
      const d = translateConnectError(e, t, r);
      expect(d.code).toBe('connection');
      expect(d.message).toMatch(expected);
      expect(d.message).not.toContain('hunter2');
    }
    const sock = await resolve({ host: '/nonexistent/dir', username: 'u', dbname: 'app' });
    expect(translateConnectError(err('ENOENT', 'connect ENOENT'), sock.targets[0]!, sock).message)
      .toMatch(/socket "\/nonexistent\/dir\/\.s\.PGSQL\.5432".*no server is listening/);
  });
});

// --- helpers: a closed port and a minimal fake of the server side of the protocol ---

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  return new Promise<number>((r) => s.close(() => r(port)));
}

/** AuthenticationCleartextPassword: 'R', length 8, method 3. */
const authCleartext = (): Buffer => Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 3]);

function errorResponse(code: string, message: string): Buffer {
  const body = Buffer.from(`SFATAL\0C${code}\0M${message}\0\0`);
  const head = Buffer.from([0x45, 0, 0, 0, 0]);
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}

/** Calls onPacket with each connection's first packet; returning 'again' waits for the next one. */
async function fakeServer(onPacket: (sock: Socket, first: Buffer) => void | 'again'): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((sock) => {
    sockets.add(sock);
    sock.on('error', () => undefined);
    const next = (): void => { sock.once('data', (b: Buffer) => { if (onPacket(sock, b) === 'again') next(); }); };
    next();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return { port, close: () => new Promise<void>((r) => { for (const s of sockets) s.destroy(); server.close(() => r()); }) };
}
