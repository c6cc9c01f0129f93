import { PassThrough, type Readable } from 'node:stream';
import { dumpToStream } from './dump.js';
import { DumpError, isDumpError } from './errors.js';
import type { DumpOptions, DumpResult } from './options.js';
import { openOutputFile } from './output.js';

export { DumpError, isDumpError, EXIT_CODES, type DumpErrorCode } from './errors.js';
export type { DumpOptions, DumpResult, ProgressEvent } from './options.js';
export { dumpToStream } from './dump.js';
export { dumpAll, dumpAllToFile, type DumpAllOptions, type DumpAllResult, type DumpAllProgressEvent } from './dumpall.js';
export { restorePlain } from './restore/plain.js';
export { restore, detectInputKind, type RestoreOptions, type RestoreResult, type RestoreError, type InputKind } from './restore/restore.js';

/** A readable SQL script plus a promise of the outcome; a failed dump errors the stream and rejects. */
export interface DumpStream extends Readable {
  readonly result: Promise<DumpResult>;
}

export function dump(options: DumpOptions): DumpStream {
  const out = new PassThrough();
  const result = dumpToStream(options, out).then(
    (r) => {
      out.end();
      return r;
    },
    (e: unknown) => {
      out.destroy(e as Error);
      throw e;
    },
  );
  // The caller may only read the stream; an unobserved rejection must not crash the process.
  result.catch(() => undefined);
  return Object.assign(out, { result }) as DumpStream;
}

/** Dumps into `file` (gzip when `compress` is set), written under a temporary name and renamed when complete. */
export async function dumpToFile(options: DumpOptions & { file: string; compress?: number }): Promise<DumpResult> {
  // An archive (custom, directory, tar) is compressed inside and written to its own temporary name.
  if (options.format !== undefined && options.format !== 'plain') {
    return dumpToStream(options, new PassThrough(), { path: options.file, sync: !options.noSync });
  }
  // pg_dump's -Z 0 means no compression; -1 is gzip at zlib's default level
  const gzipLevel = options.compress === undefined || options.compress === 0 ? undefined : options.compress;
  const output = await openOutputFile(options.file, gzipLevel, !options.noSync);
  try {
    const result = await dumpToStream(options, output.stream);
    await output.commit();
    return result;
  } catch (e) {
    await output.discard();
    // Name the file: the dump only knew it could not write its stream.
    if (isDumpError(e) && e.code === 'output' && e.cause instanceof Error && !e.message.includes(options.file)) {
      throw new DumpError('output', `cannot write output file "${options.file}": ${e.cause.message}`, { cause: e.cause });
    }
    throw e;
  }
}
