// Shared by the reliability tests: the CLI as a child process, polling, and the one-line error rule.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { query } from './pg.js';

export const BIN = path.resolve('dist/src/cli/pgdump.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: Buffer;
  stderr: string;
}

/** The environment without the runner's PG* variables, so only what a test passes counts. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith('PG')) env[k] = v;
  return { ...env, PGCONNECT_TIMEOUT: '5', ...extra };
}

/** Starts the built CLI; stdout is piped unless `stdio` says otherwise. */
export function spawnCli(args: string[], opts: { env?: Record<string, string>; stdio?: SpawnOptions['stdio'] } = {}): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], { env: cleanEnv(opts.env), stdio: opts.stdio ?? ['ignore', 'pipe', 'pipe'] });
}

/** Collects a started CLI's output and waits for it to exit. */
export function finished(child: ChildProcess): Promise<CliResult> {
  const out: Buffer[] = [];
  let stderr = '';
  child.stdout?.on('data', (b: Buffer) => out.push(b));
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout: Buffer.concat(out), stderr }));
  });
}

export function cli(args: string[], opts: { env?: Record<string, string>; stdio?: SpawnOptions['stdio'] } = {}): Promise<CliResult> {
  return finished(spawnCli(args, opts));
}

/** pgdump-ts's error contract: exactly one line on stderr, no stack trace. */
export function expectOneLineError(stderr: string, ...mentions: (string | RegExp)[]): void {
  const lines = stderr.replace(/\n$/, '').split('\n');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^pgdump-ts: /);
  expect(stderr).not.toMatch(/\n\s+at |node:internal|Error: .*\n.*\^/);
  for (const m of mentions) {
    if (typeof m === 'string') expect(stderr).toContain(m);
    else expect(stderr).toMatch(m);
  }
}

/** Polls `probe` until it returns something truthy. */
export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 30_000, everyMs = 10): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export interface DumpBackend { pid: number; state: string; query: string; wait_event_type: string | null; wait_event: string | null; backend_xmin: string | null }

/** The dump's server sessions (the CLI's fallback application_name is pgdump-ts). */
export function dumpBackends(url: string, appName = 'pgdump-ts'): Promise<DumpBackend[]> {
  return query<DumpBackend & Record<string, unknown>>(url,
    `SELECT pid, state, query, wait_event_type, wait_event, backend_xmin::text FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()`, [appName]);
}

/** Files in `dir` whose name contains `part` (temporary files are `.<name>.<pid>.tmp`). */
export function leftovers(dir: string, part: string): string[] {
  return readdirSync(dir).filter((f) => f.includes(part));
}

/** A deterministic PRNG (mulberry32), so a failing random case can be replayed from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const END_MARK = '-- PostgreSQL database dump complete';
