// postgres:NN containers through testcontainers, used when a container runtime answers.
import { majorOf, serverVersionNum, urlWithDatabase, type TestServer } from './common.js';

const PROBE_TIMEOUT_MS = 5_000;

/** Whether a Docker (or compatible) engine answers, within a few seconds. */
export async function dockerAvailable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS); });
  const probe = import('testcontainers')
    .then(async (tc) => { await tc.getContainerRuntimeClient(); return true; })
    .catch(() => false);
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function startDockerServer(major: number, extra: Readonly<Record<string, string>> = {}): Promise<TestServer> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const settings = ['fsync=off', 'full_page_writes=off', 'synchronous_commit=off', 'wal_level=logical',
    'max_locks_per_transaction=256', 'max_connections=100', ...Object.entries(extra).map(([k, v]) => `${k}=${v}`)];
  const container = await new GenericContainer(`postgres:${major}`)
    .withEnvironment({ POSTGRES_HOST_AUTH_METHOD: 'trust', POSTGRES_INITDB_ARGS: '-E UTF8 --locale=C' })
    .withCommand(['postgres', ...settings.flatMap((s) => ['-c', s])])
    .withExposedPorts(5432)
    .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
    .withStartupTimeout(180_000)
    .start()
    .catch((e: unknown) => { throw new Error(`docker postgres:${major} failed to start: ${(e as Error).message}`); });
  const host = container.getHost();
  const port = container.getMappedPort(5432);
  const base = `postgres://postgres@${host.includes(':') ? `[${host}]` : host}:${port}/postgres`;
  const versionNum = await serverVersionNum(base);
  if (majorOf(versionNum) !== major) throw new Error(`postgres:${major} reports server_version_num ${versionNum}`);
  let stopped: Promise<void> | undefined;
  return {
    major, versionNum, host, port, user: 'postgres',
    url: (db = 'postgres') => urlWithDatabase(base, db),
    stop: () => (stopped ??= container.stop().then(() => undefined)),
  };
}
