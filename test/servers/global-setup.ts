// vitest globalSetup: start every requested server once and hand their URLs to the test files.
import type { TestProject } from 'vitest/node';
import { startServers } from './index.js';

export interface ProvidedServer {
  major: number;
  versionNum: number;
  /** URL of the server's `postgres` database. */
  url: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    servers: ProvidedServer[];
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t0 = Date.now();
  const servers = await startServers();
  const list = servers.map((s) => `${s.major} (${s.versionNum}) at ${s.host}:${s.port}`).join(', ');
  console.log(`[servers] started in ${Date.now() - t0} ms: ${list}`);
  project.provide('servers', servers.map((s) => ({ major: s.major, versionNum: s.versionNum, url: s.url() })));
  return async () => {
    await Promise.allSettled(servers.map((s) => s.stop()));
  };
}
