import { createWriteStream, fdatasync, fsync, open as openFd, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { promisify } from 'node:util';
import { createGzip } from 'node:zlib';
import { DumpError } from './errors.js';

export interface OutputFile {
  readonly stream: Writable;
  /** flushes, fsyncs and renames into place */
  commit(): Promise<void>;
  /** removes the temporary file */
  discard(): Promise<void>;
}

/**
 * Opens `<dir>/.<name>.<pid>.tmp`; the file appears under its real name only when the dump
 * completed, so a failed dump never leaves a file that looks complete. With `sync` off
 * (--no-sync) the file is not fsynced before the rename.
 */
export async function openOutputFile(file: string, gzipLevel?: number, sync = true): Promise<OutputFile> {
  // Only regular files are written beside and renamed into place: renaming over a device or
  // a pipe (-f /dev/null, -f /dev/stdout, a named pipe) would replace it with a file.
  const existing = await fs.stat(file).catch(() => null);
  if (existing && !existing.isFile()) return openSpecialOutput(file, gzipLevel);
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  let fd: number;
  try {
    // 0666 less the umask, like any file pg_dump writes
    fd = await promisify(openFd)(tmp, 'w', 0o666);
  } catch (e) {
    throw new DumpError('output', `cannot write output file "${file}": ${(e as Error).message}`, { cause: e });
  }
  // A large buffer: COPY data arrives in ~1 MB pieces, and each write is a thread-pool hop.
  // The stream owns the descriptor and is the only one to close it: its destroy() closes it
  // whatever autoClose says, and closing the number a second time (a FileHandle of it, say)
  // would close whatever reused it meanwhile, such as a socket, and libuv aborts the process.
  const fileStream = createWriteStream('', { fd, autoClose: false, highWaterMark: 1 << 20 });
  const fileClosed = new Promise<void>((resolve) => fileStream.once('close', () => resolve()));
  const syncer = sync ? new BackgroundSync(fd, fileStream) : null;
  const gzip = gzipLevel !== undefined ? createGzip({ level: gzipLevel }) : null;
  if (gzip) gzip.pipe(fileStream);
  // pipe() does not pass the file's errors back: without this, a full disk under -Z would
  // leave the dump waiting for the compressor to drain, forever.
  if (gzip) fileStream.on('error', (e) => gzip.destroy(e));
  const stream: Writable = gzip ?? fileStream;
  const finished = new Promise<void>((resolve, reject) => {
    fileStream.on('finish', resolve);
    fileStream.on('error', reject);
  });
  // discard() closes the file without waiting for this; an in-flight write then fails (EBADF),
  // which must not surface as an unhandled rejection.
  finished.catch(() => undefined);
  const close = async () => {
    // never close the descriptor under a flush still running on it
    await syncer?.idle();
    fileStream.destroy();
    await fileClosed;
  };
  return {
    stream,
    async commit() {
      stream.end();
      try {
        await finished;
        await syncer?.idle();
        if (sync) await promisify(fsync)(fd);
        await close();
        await fs.rename(tmp, file);
      } catch (e) {
        await close();
        await fs.rm(tmp, { force: true });
        throw new DumpError('output', `cannot write output file "${file}": ${(e as Error).message}`, { cause: e });
      }
    },
    async discard() {
      stream.destroy();
      await close();
      await fs.rm(tmp, { force: true });
    },
  };
}

/** Written bytes between two background flushes. */
const SYNC_STEP = 64 << 20;

/**
 * Flushes a file being written to disk as it grows (fdatasync in the thread pool, one at a
 * time, every SYNC_STEP bytes), so that the fsync before the rename has only the tail left:
 * with the whole file still dirty in the page cache, that last fsync took 1.5-3 s for a 2.2 GB
 * dump here, after all the rows had been read. Best effort: a failed flush only leaves more for
 * the final fsync, which reports errors.
 */
class BackgroundSync {
  private flushed = 0;
  private running: Promise<void> | null = null;

  constructor(private readonly fd: number, private readonly stream: { readonly bytesWritten: number; on(e: 'drain', f: () => void): unknown }) {
    stream.on('drain', () => this.maybeFlush());
  }

  private maybeFlush(): void {
    const written = this.stream.bytesWritten;
    if (this.running || written - this.flushed < SYNC_STEP) return;
    this.running = new Promise<void>((resolve) =>
      fdatasync(this.fd, (err) => {
        if (!err) this.flushed = written;
        this.running = null;
        resolve();
      }),
    );
  }

  /** Resolves when no flush is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }
}

/** Devices and pipes: written in place, nothing to rename or remove. */
function openSpecialOutput(file: string, gzipLevel?: number): OutputFile {
  const target = createWriteStream(file, { flags: 'w', highWaterMark: 1 << 20 });
  const gzip = gzipLevel !== undefined ? createGzip({ level: gzipLevel }) : null;
  if (gzip) gzip.pipe(target);
  if (gzip) target.on('error', (e) => gzip.destroy(e));
  const stream: Writable = gzip ?? target;
  const finished = new Promise<void>((resolve, reject) => {
    target.on('finish', resolve);
    target.on('error', reject);
  });
  // A write that fails before commit() (ENOSPC on /dev/full) reaches the dump through the
  // stream's 'error' event; this promise must not also surface as an unhandled rejection.
  finished.catch(() => undefined);
  return {
    stream,
    async commit() {
      stream.end();
      try {
        await finished;
      } catch (e) {
        throw new DumpError('output', `cannot write output file "${file}": ${(e as Error).message}`, { cause: e });
      }
    },
    async discard() {
      stream.destroy();
      target.destroy();
    },
  };
}
