// Running the pgrestore-ts CLI (dist/) in tests: exit code, stdout as bytes, stderr.
import { spawn } from 'node:child_process';
import path from 'node:path';

export const RESTORE_BIN = path.resolve('dist/src/cli/pgrestore.js');

export interface ToolResult {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs `cmd` without a shell, never rejecting on a nonzero exit. */
export function runTool(cmd: string, args: string[], input?: Buffer | string): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, PGCONNECT_TIMEOUT: '10' } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

export function pgrestoreTs(args: string[], input?: Buffer | string): Promise<ToolResult> {
  return runTool(process.execPath, [RESTORE_BIN, ...args], input);
}

/** The error lines of a pgrestore-ts run, and its count of ignored errors. */
export function reportedErrors(stderr: string): { lines: string[]; ignored: number } {
  const lines = stderr.split('\n').filter((l) => l.startsWith('pgrestore-ts: error: '));
  const m = /errors ignored on restore: (\d+)/.exec(stderr);
  return { lines, ignored: m ? Number(m[1]) : 0 };
}

/** pg_restore's count of ignored errors. */
export function pgRestoreIgnored(stderr: string): number {
  const m = /errors ignored on restore: (\d+)/.exec(stderr);
  return m ? Number(m[1]) : 0;
}
