import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DumpError } from '../../src/errors.js';
import { FileOut } from './byte-out.js';

function tempName(target: string): string {
  return path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.tmp`);
}

function outputError(what: string, e: unknown): DumpError {
  return new DumpError('output', `${what}: ${(e as Error).message}`, { cause: e });
}

/**
 * An archive file written under a temporary name next to `file` and renamed into place only
 * when complete, so a failed dump never leaves a file that looks like a whole archive.
 */
export async function withArchiveFile<T>(file: string, sync: boolean, write: (out: FileOut) => Promise<T>): Promise<T> {
  const tmp = tempName(file);
  let handle: fs.FileHandle;
  try {
    // 0666 less the umask, as pg_dump creates its files
    handle = await fs.open(tmp, 'w', 0o666);
  } catch (e) {
    throw outputError(`cannot write output file "${file}"`, e);
  }
  try {
    const result = await write(new FileOut(handle));
    if (sync) await handle.sync();
    await handle.close();
    await fs.rename(tmp, file);
    return result;
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    if (e instanceof DumpError) throw e;
    throw e instanceof Error && 'syscall' in e ? outputError(`cannot write output file "${file}"`, e) : e;
  }
}

/**
 * A directory archive built in a temporary directory next to `dir` and renamed into place at
 * the end. Like pg_dump, `dir` may exist only if it is empty (the rename then replaces it).
 */
export async function withArchiveDirectory<T>(dir: string, sync: boolean, write: (tmp: string) => Promise<T>): Promise<T> {
  const existing = await fs.readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    if (e.code === 'ENOTDIR') throw new DumpError('output', `could not create directory "${dir}": it exists and is not a directory`);
    throw outputError(`could not open directory "${dir}"`, e);
  });
  if (existing && existing.length) throw new DumpError('output', `could not create directory "${dir}": directory exists and is not empty`);
  const tmp = tempName(dir);
  await fs.rm(tmp, { recursive: true, force: true });
  try {
    await fs.mkdir(tmp, { mode: 0o700 });
  } catch (e) {
    throw outputError(`could not create directory "${dir}"`, e);
  }
  try {
    const result = await write(tmp);
    if (sync) {
      const h = await fs.open(tmp, 'r');
      await h.sync().finally(() => h.close());
    }
    if (existing) await fs.rmdir(dir);
    await fs.rename(tmp, dir);
    return result;
  } catch (e) {
    await fs.rm(tmp, { recursive: true, force: true });
    if (e instanceof DumpError) throw e;
    throw e instanceof Error && 'syscall' in e ? outputError(`cannot write output directory "${dir}"`, e) : e;
  }
}
