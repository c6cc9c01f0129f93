import { openSync, closeSync } from 'node:fs';
import { ReadStream, WriteStream } from 'node:tty';
import type { Readable, Writable } from 'node:stream';
import { DumpError } from '../errors.js';

/**
 * Whether a password can be asked for at all: the controlling terminal, or a
 * terminal on stdin. Without one a prompt would block on a pipe (or read the
 * archive pg_restore is fed), so callers fail with a clear message instead.
 */
export function canPrompt(): boolean {
  if (process.stdin.isTTY) return true;
  try {
    closeSync(openSync('/dev/tty', 'r'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a password without echo. Like libpq's prompt it prefers /dev/tty, so it
 * works while stdin/stdout carry data, and falls back to stdin (a terminal in raw
 * mode, else one line of piped input). The prompt goes to the terminal or stderr,
 * never stdout, which may be the dump itself.
 */
export async function promptPassword(prompt = 'Password: '): Promise<string> {
  // Separate descriptors for reading and writing: each tty stream closes its own.
  let inFd: number | undefined;
  let outFd: number | undefined;
  try {
    inFd = openSync('/dev/tty', 'r');
    outFd = openSync('/dev/tty', 'w');
  } catch {
    if (inFd !== undefined) closeSync(inFd);
    inFd = undefined;
  }
  if (inFd !== undefined && outFd !== undefined) {
    const input = new ReadStream(inFd);
    const output = new WriteStream(outFd);
    try {
      return await readHidden(input, output, prompt);
    } finally {
      input.destroy();
      output.destroy();
    }
  }
  if (process.stdin.isTTY) return readHidden(process.stdin, process.stderr, prompt);
  process.stderr.write(prompt);
  return readLine(process.stdin);
}

/** Raw-mode read from a terminal: no echo, handles backspace, Ctrl-C aborts, Ctrl-D/Enter ends. */
function readHidden(input: ReadStream, output: Writable, prompt: string): Promise<string> {
  output.write(prompt);
  const wasRaw = input.isRaw;
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise<string>((resolve, reject) => {
    let value = '';
    const finish = (err?: Error): void => {
      input.off('data', onData);
      input.setRawMode(wasRaw);
      input.pause();
      output.write('\n');
      if (err !== undefined) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new DumpError('aborted', 'password prompt cancelled'));
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    input.on('data', onData);
  });
}

/**
 * One line from a non-terminal stream. Bytes after the newline are pushed back so a
 * caller that reads the rest of stdin afterwards loses nothing.
 */
function readLine(input: Readable): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const cleanup = (): void => {
      input.off('readable', onReadable);
      input.off('end', onEnd);
      input.off('error', onError);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(Buffer.concat(chunks).toString('utf8').replace(/\r$/, ''));
    };
    const onError = (e: Error): void => {
      cleanup();
      reject(new DumpError('connection', `could not read password from standard input: ${e.message}`, { cause: e }));
    };
    const onReadable = (): void => {
      let chunk: unknown;
      while ((chunk = input.read()) !== null) {
        const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), 'utf8');
        const nl = buf.indexOf(0x0a);
        if (nl >= 0) {
          chunks.push(buf.subarray(0, nl));
          if (nl + 1 < buf.length) input.unshift(buf.subarray(nl + 1));
          cleanup();
          resolve(Buffer.concat(chunks).toString('utf8').replace(/\r$/, ''));
          return;
        }
        chunks.push(buf);
      }
    };
    input.on('readable', onReadable);
    input.on('end', onEnd);
    input.on('error', onError);
  });
}
