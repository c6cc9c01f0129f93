// Through PgBouncer in transaction-pooling mode: the dump works, and the server connection it
// used goes back to the pool with nothing of the dump left on it (settings are SET LOCAL in
// the dump's transaction, and no server-side prepared statements are made).
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, psqlString } from './util/pg.js';
import { cli, waitFor } from './util/reliability.js';

const servers = inject('servers');
const server = servers[servers.length - 1]!;

function pgbouncerBinary(): string | null {
  for (const p of ['/usr/sbin/pgbouncer', '/usr/bin/pgbouncer', '/usr/local/bin/pgbouncer']) {
    try {
      execFileSync(p, ['--version'], { stdio: 'ignore' });
      return p;
    } catch {
      // next
    }
  }
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** PgBouncer refuses to run as root: run it as the `postgres` OS user then, like the test servers. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).split(':').slice(2, 4).map(Number);
  return { uid: uid!, gid: gid! };
}

/** Everything a dump sets for itself, and session state a pooled connection must not inherit. */
const STATE = `SELECT pg_backend_pid() AS pid, current_setting('search_path') AS search_path,
  current_setting('DateStyle') AS datestyle, current_setting('IntervalStyle') AS intervalstyle,
  current_setting('extra_float_digits') AS extra_float_digits, current_setting('synchronize_seqscans') AS synchronize_seqscans,
  current_setting('statement_timeout') AS statement_timeout, current_setting('lock_timeout') AS lock_timeout,
  current_setting('idle_in_transaction_session_timeout') AS idle_timeout, current_setting('row_security') AS row_security,
  current_setting('quote_all_identifiers') AS quote_all_identifiers, current_setting('default_transaction_isolation') AS isolation,
  current_setting('default_transaction_read_only') AS read_only, current_user::text AS current_user, session_user::text AS session_user,
  (SELECT count(*) FROM pg_prepared_statements) AS prepared, (SELECT count(*) FROM pg_cursors) AS cursors,
  (SELECT count(*) FROM pg_locks WHERE pid = pg_backend_pid() AND locktype = 'relation' AND relation >= 16384) AS user_locks,
  pg_current_xact_id_if_assigned() IS NULL AS no_open_xid`;

describe(`PostgreSQL ${server.major} behind PgBouncer (transaction pooling)`, () => {
  const bin = pgbouncerBinary();
  let bouncer: ChildProcess | undefined;
  let dir = '';
  afterAll(() => {
    if (bouncer?.pid) bouncer.kill('SIGTERM');
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Outside CI a machine without PgBouncer skips this test; in CI (.ci/run installs it) a missing binary fails.
  it.skipIf(!bin && !process.env.CI)('dumps through the pooler and leaves its server connection as it found it', async () => {
    expect(bin, 'pgbouncer is not installed (apt-get install pgbouncer)').toBeTruthy();
    const db = await createDatabase(server.url, 'rel_pooler');
    await psqlString(db, `CREATE SCHEMA s; CREATE TABLE s."T" (id int PRIMARY KEY, f float8, ts timestamptz, iv interval);
      INSERT INTO s."T" VALUES (1, 0.1, '2024-01-02 03:04:05+00', '1 day 2 hours'), (2, 1e-300, 'infinity', '-3 mons');
      CREATE SEQUENCE s.seq; SELECT nextval('s.seq');
      CREATE VIEW s.v AS SELECT * FROM s."T";`);
    const target = new URL(server.url);
    dir = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-pgbouncer-'));
    const port = await freePort();
    writeFileSync(path.join(dir, 'userlist.txt'), `"${target.username || 'postgres'}" ""\n`);
    writeFileSync(path.join(dir, 'pgbouncer.ini'), [
      '[databases]',
      `* = host=${target.hostname} port=${target.port || 5432}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = trust',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      'pool_mode = transaction',
      // One server connection: every client after the dump gets the connection the dump used.
      'default_pool_size = 1',
      'max_client_conn = 20',
      `logfile = ${path.join(dir, 'pgbouncer.log')}`,
      '',
    ].join('\n'));
    const owner = runAs();
    if (owner) for (const f of ['', 'userlist.txt', 'pgbouncer.ini']) chownSync(path.join(dir, f), owner.uid, owner.gid);
    bouncer = spawn(bin!, [path.join(dir, 'pgbouncer.ini')], { stdio: 'ignore', ...owner });
    const pooled = `postgres://${target.username || 'postgres'}@127.0.0.1:${port}/rel_pooler`;
    await waitFor('PgBouncer to listen', () => new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.on('connect', () => { s.destroy(); resolve(true); });
      s.on('error', () => resolve(false));
    }), 15_000, 100);

    const state = async () => {
      const c = new pg.Client({ connectionString: pooled, application_name: 'pooler-check' });
      await c.connect();
      try {
        return (await c.query<Record<string, unknown>>(STATE)).rows[0]!;
      } finally {
        await c.end();
      }
    };
    const before = await state();

    const args = ['--restrict-key', 'pooled', '--lock-wait-timeout', '7s', '--extra-float-digits', '2', '--quote-all-identifiers'];
    const viaPooler = await cli([...args, pooled]);
    expect(viaPooler.code, `${viaPooler.stderr}\n${readFileSync(path.join(dir, 'pgbouncer.log'), 'utf8').slice(-2000)}`).toBe(0);
    const direct = await cli([...args, db]);
    expect(viaPooler.stdout.toString()).toBe(direct.stdout.toString());
    expect(viaPooler.stdout.toString()).toContain('"s"."T"');
    const serializable = await cli(['--serializable-deferrable', '--role', target.username || 'postgres', '-Fc', '-f', path.join(dir, 'd.dump'), pooled]);
    expect(serializable.code, serializable.stderr).toBe(0);

    const after = await state();
    expect(after.pid).toBe(before.pid); // the very server connection the dumps used
    expect(after).toEqual(before);
    expect(after).toMatchObject({ search_path: '"$user", public', prepared: '0', cursors: '0', user_locks: '0', no_open_xid: true });
  });
});
