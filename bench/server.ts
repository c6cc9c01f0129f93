// A persistent benchmark cluster in bench/.cache/pgdata-<major>: initdb once, then start/stop with pg_ctl,
// so generated databases survive between runs. PGDUMP_BENCH_URL replaces it with an external server.
import { spawn, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const require = createRequire(import.meta.url);

export interface BenchServer {
  major: number;
  versionNum: number;
  /** connection URL for `database` */
  url(database?: string): string;
  /** where the server binaries live (undefined for PGDUMP_BENCH_URL) */
  binDir?: string;
  /** the server's log file (undefined for PGDUMP_BENCH_URL) */
  logFile?: string;
  stop(): Promise<void>;
}

interface Owner { uid: number; gid: number }

/** bench/ in the source tree, whether we run from bench/*.ts, dist/bench/*.js or a snapshot of dist/. */
export function benchDir(): string {
  // The project root is the nearest folder with a package.json (this file may run from a copy of dist/).
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'bench');
    if (dir === path.dirname(dir)) throw new Error('bench: cannot find the project root');
  }
}

export function cacheDir(): string {
  return path.join(benchDir(), '.cache');
}

/** The `postgres` OS user when we are root (initdb refuses root), else ourselves. */
function serverOwner(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const [uid, gid] = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).split(':').slice(2, 4).map(Number);
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('running as root: need OS user "postgres" to run the server');
  return { uid: uid!, gid: gid! };
}

/** Embedded binaries (npm alias pg<major>) when installed with their symlinks, else a system install. */
function binDirFor(major: number): string {
  try {
    const native = path.resolve(path.dirname(require.resolve(`pg${major}`)), '..', 'native');
    const links = path.join(native, 'pg-symlinks.json');
    const ok = !fs.existsSync(links) || (JSON.parse(fs.readFileSync(links, 'utf8')) as { target: string }[])
      .every((l) => fs.existsSync(path.join(path.dirname(native), l.target)));
    if (ok && fs.existsSync(path.join(native, 'bin', 'postgres'))) return path.join(native, 'bin');
  } catch { /* not installed */ }
  const system = `/usr/lib/postgresql/${major}/bin`;
  if (fs.existsSync(path.join(system, 'postgres'))) return system;
  throw new Error(`no PostgreSQL ${major} server binaries: install npm alias pg${major} or /usr/lib/postgresql/${major}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG')) env[k] = v;
  return { ...env, LC_ALL: 'C', LANG: 'C' };
}

function run(bin: string, args: string[], owner: Owner | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: childEnv(), cwd: '/', stdio: ['ignore', 'pipe', 'pipe'], ...owner });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => out.push(b));
    child.on('error', (e) => reject(new Error(`${path.basename(bin)}: ${e.message}`)));
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${path.basename(bin)} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${Buffer.concat(out).toString().trim()}`));
    });
  });
}

async function versionNum(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await c.connect();
  try {
    return Number((await c.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`)).rows[0]!.v);
  } finally {
    await c.end();
  }
}

function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = '/' + encodeURIComponent(db);
  return u.toString();
}

// Bulk-load settings: no fsync, minimal WAL (CREATE + INSERT in one transaction skips WAL), enough lock
// slots for one transaction touching 10,000 tables, and a buffer cache that holds most of the data.
const SETTINGS = [
  'listen_addresses=127.0.0.1', 'fsync=off', 'full_page_writes=off', 'synchronous_commit=off',
  'wal_level=minimal', 'max_wal_senders=0', 'max_wal_size=4GB', 'checkpoint_timeout=30min',
  'max_locks_per_transaction=2048', 'max_connections=20', 'shared_buffers=512MB',
  'maintenance_work_mem=256MB', 'autovacuum=off',
];

/** Starts (initdb'ing on first use) the cached cluster for `major`, or connects to PGDUMP_BENCH_URL. */
export async function startBenchServer(major: number, log: (s: string) => void = () => {}): Promise<BenchServer> {
  const external = process.env.PGDUMP_BENCH_URL?.trim();
  if (external) {
    const v = await versionNum(external);
    return { major: Math.floor(v / 10000), versionNum: v, url: (db = 'postgres') => withDatabase(external, db), stop: async () => {} };
  }
  const owner = serverOwner();
  const bin = binDirFor(major);
  const root = cacheDir();
  const data = path.join(root, `pgdata-${major}`);
  const sock = path.join(root, `sock-${major}`);
  const logFile = path.join(root, `server-${major}.log`);
  fs.mkdirSync(sock, { recursive: true });
  if (owner) {
    fs.chownSync(root, owner.uid, owner.gid);
    fs.chownSync(sock, owner.uid, owner.gid);
  }
  if (!fs.existsSync(path.join(data, 'PG_VERSION'))) {
    log(`initdb ${data} (${bin})`);
    fs.rmSync(data, { recursive: true, force: true });
    await run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C'], owner);
  }
  // A server left running by an interrupted run: stop it so it restarts with our settings and port.
  if (fs.existsSync(path.join(data, 'postmaster.pid'))) {
    await run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], owner).catch(() => undefined);
  }
  const port = await freePort();
  const opts = [`-p ${port}`, `-k ${sock}`, ...SETTINGS.map((s) => `-c ${s}`)].join(' ');
  try {
    await run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', logFile, '-t', '300', '-o', opts, '-w', 'start'], owner);
  } catch (e) {
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
    throw new Error(`${(e as Error).message}\n--- server log ---\n${tail}`);
  }
  const base = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const v = await versionNum(base);
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], owner));
  process.once('exit', () => {
    if (!stopped) {
      try { execFileSync(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop'], { stdio: 'ignore', env: childEnv(), cwd: '/', ...owner }); } catch { /* gone */ }
    }
  });
  return { major: Math.floor(v / 10000), versionNum: v, binDir: bin, logFile, url: (db = 'postgres') => withDatabase(base, db), stop };
}
