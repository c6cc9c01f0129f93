// Test helpers: SQL through the `pg` client, and the real psql / pg_dump client binaries.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { urlWithDatabase } from '../servers/common.js';

export { urlWithDatabase };

export interface RunResult { stdout: string; stderr: string }

/** Run a program without a shell, feeding `input` to stdin; reject with its stderr on nonzero exit. */
export function run(cmd: string, args: string[], input?: string | Buffer): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => { /* EPIPE if the program exits early; its exit status tells */ });
    child.stdin.end(input);
    child.on('error', (e) => reject(new Error(`${cmd}: ${e.message}`)));
    child.on('close', (code, signal) => {
      const stdout = Buffer.concat(out).toString('utf8');
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${cmd} ${args.map(redact).join(' ')} failed (${signal ?? `exit ${code}`}):\n${stderr.trim()}`));
    });
  });
}

function redact(arg: string): string {
  return arg.replace(/^(postgres(?:ql)?:\/\/[^:@/]*:)[^@]*@/, '$1***@');
}

/** Run `sql` (parameterized) and return the rows. */
export async function query<R extends Record<string, unknown> = Record<string, unknown>>(
  url: string, sql: string, params?: unknown[],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

function quoteIdent(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/** Drop `name` if it exists and create it afresh (from template0 by default); returns its URL. */
export async function createDatabase(serverUrl: string, name: string, opts: { template?: string } = {}): Promise<string> {
  await dropDatabase(serverUrl, name);
  await query(serverUrl, `CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(opts.template ?? 'template0')}`);
  return urlWithDatabase(serverUrl, name);
}

/** Drop `name` if it exists, disconnecting its sessions. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await query(urlWithDatabase(serverUrl, 'postgres'), `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
}

export interface PsqlOptions {
  /** `-v name=value` variables. */
  vars?: Record<string, string>;
  /** Run the whole script in one transaction (`-1`). */
  singleTransaction?: boolean;
}

function psqlArgs(url: string, opts: PsqlOptions): string[] {
  const args = ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url];
  for (const [k, v] of Object.entries(opts.vars ?? {})) args.push('-v', `${k}=${v}`);
  if (opts.singleTransaction) args.push('-1');
  return args;
}

/** Run a SQL file with the real psql, stopping at the first error. */
export function psqlFile(url: string, file: string, opts: PsqlOptions = {}): Promise<RunResult> {
  return run('psql', [...psqlArgs(url, opts), '-f', file]);
}

/** Run a SQL script (may contain psql meta-commands and COPY data) with the real psql via stdin. */
export function psqlString(url: string, sql: string, opts: PsqlOptions = {}): Promise<RunResult> {
  return run('psql', [...psqlArgs(url, opts), '-f', '-'], sql);
}

/** The real pg_dump's output (plain format unless `args` say otherwise). */
export async function pgDump(url: string, args: string[] = []): Promise<string> {
  return (await run('pg_dump', ['-d', url, ...args])).stdout;
}

/** What `psql -c sql` prints on stdout, as bytes (for COPY ... TO STDOUT output compared byte for byte). */
export function psqlBytes(url: string, sql: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('psql', ['-X', '-q', '-d', url, '-c', sql], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`psql exit ${code}`))));
  });
}
