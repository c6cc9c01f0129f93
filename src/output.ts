import { createWriteStream, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
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
 * completed, so a failed dump never leaves a file that looks complete.
 */
export async function openOutputFile(file: string, gzipLevel?: number): Promise<OutputFile> {
  const dir = path.dirname(path.resolve(file));
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(tmp, 'w', 0o600);
  } catch (e) {
    throw new DumpError('output', `cannot write output file "${file}": ${(e as Error).message}`, { cause: e });
  }
  const fileStream = createWriteStream('', { fd: handle.fd, autoClose: false });
  const gzip = gzipLevel !== undefined ? createGzip({ level: gzipLevel }) : null;
  if (gzip) gzip.pipe(fileStream);
  const stream: Writable = gzip ?? fileStream;
  const finished = new Promise<void>((resolve, reject) => {
    fileStream.on('finish', resolve);
    fileStream.on('error', reject);
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await handle.close().catch(() => undefined);
  };
  return {
    stream,
    async commit() {
      stream.end();
      try {
        await finished;
        await handle.sync();
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
      fileStream.destroy();
      await close();
      await fs.rm(tmp, { force: true });
    },
  };
}
