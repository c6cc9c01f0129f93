// Real PostgreSQL servers for the tests: PGDUMP_TEST_URL, else Docker (testcontainers), else embedded binaries.
import { majorOf, serverVersionNum, urlWithDatabase, type TestServer } from './common.js';

export * from './common.js';

export const ALL_MAJORS = [13, 14, 15, 16, 17, 18] as const;

/** Majors from env PG_VERSIONS ("13,18"), default all of 13..18. */
export function requestedMajors(): number[] {
  const raw = process.env.PG_VERSIONS?.trim();
  if (!raw) return [...ALL_MAJORS];
  const majors = raw.split(',').map((s) => s.trim()).filter(Boolean).map(Number);
  for (const m of majors) {
    if (!Number.isInteger(m) || !(ALL_MAJORS as readonly number[]).includes(m)) {
      throw new Error(`PG_VERSIONS: unsupported major "${m}" (supported: ${ALL_MAJORS.join(',')})`);
    }
  }
  return [...new Set(majors)].sort((a, b) => a - b);
}

async function fromUrl(url: string): Promise<TestServer> {
  const versionNum = await serverVersionNum(url).catch((e: unknown) => {
    throw new Error(`PGDUMP_TEST_URL: cannot connect to ${url}: ${(e as Error).message}`);
  });
  const u = new URL(url);
  return {
    major: majorOf(versionNum),
    versionNum,
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username) || 'postgres',
    url: (db = 'postgres') => urlWithDatabase(url, db),
    stop: async () => {},
  };
}

let urlServers: Promise<TestServer[]> | undefined;
function externalServers(): Promise<TestServer[]> | undefined {
  const env = process.env.PGDUMP_TEST_URL?.trim();
  if (!env) return undefined;
  urlServers ??= Promise.all(env.split(',').map((s) => s.trim()).filter(Boolean).map(fromUrl));
  return urlServers;
}

let dockerAnswer: Promise<boolean> | undefined;
function dockerAvailable(): Promise<boolean> {
  if (process.env.PGDUMP_TEST_DOCKER === '0') return Promise.resolve(false);
  dockerAnswer ??= import('./docker.js').then((m) => m.dockerAvailable());
  return dockerAnswer;
}

/**
 * Start (or, with PGDUMP_TEST_URL, look up) one server of the given major. `settings` are extra
 * server settings (`max_connections: '5'`); a server given by PGDUMP_TEST_URL cannot have them.
 */
export async function startServer(major: number, settings?: Readonly<Record<string, string>>): Promise<TestServer> {
  const external = externalServers();
  if (external && settings) throw new Error('PGDUMP_TEST_URL is set: no server with custom settings can be started');
  if (external) {
    const found = (await external).find((s) => s.major === major);
    if (!found) throw new Error(`PGDUMP_TEST_URL has no server of major ${major}`);
    return found;
  }
  if (await dockerAvailable()) return (await import('./docker.js')).startDockerServer(major, settings);
  return (await import('./embedded.js')).startEmbeddedServer(major, settings);
}

/** All requested servers, started in parallel. With PGDUMP_TEST_URL: all of its servers (filtered by PG_VERSIONS if set). */
export async function startServers(): Promise<TestServer[]> {
  const external = externalServers();
  if (external) {
    const all = await external;
    if (!process.env.PG_VERSIONS?.trim()) return all;
    const wanted = requestedMajors();
    const missing = wanted.filter((m) => !all.some((s) => s.major === m));
    if (missing.length) throw new Error(`PGDUMP_TEST_URL has no server of major ${missing.join(', ')}`);
    return all.filter((s) => wanted.includes(s.major));
  }
  const results = await Promise.allSettled(requestedMajors().map((m) => startServer(m)));
  const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed.length) {
    const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    await Promise.allSettled(started.map((s) => s.stop()));
    throw new Error(failed.map((f) => (f.reason as Error).message).join('\n\n'));
  }
  return results.map((r) => (r as PromiseFulfilledResult<TestServer>).value);
}
