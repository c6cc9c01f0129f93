/**
 * pgdump-ts as a library: dump a PostgreSQL database (or a whole cluster) from Node, as
 * pg_dump and pg_dumpall do, without client binaries.
 *
 * @example
 * ```ts
 * import { dump, dumpToFile } from 'pgdump-ts';
 * const summary = await dumpToFile('app.sql.gz', { dbname: 'postgres://localhost/app', compress: 6 });
 * console.log(`${summary.tables} tables, ${summary.rows} rows in ${summary.durationMs} ms`);
 * ```
 * @packageDocumentation
 */
import { PassThrough } from 'node:stream';
import { dumpToStream } from './dump.js';
import { DumpHandle } from './dump-handle.js';
import { DumpError, isDumpError } from './errors.js';
import type { DumpOptions, DumpResult } from './options.js';
import { openOutputFile } from './output.js';
import { validateDumpOptions } from './validate.js';

export { DumpError, isDumpError, EXIT_CODES, type DumpErrorCode } from './errors.js';
export type {
  DumpOptions, DumpResult, ProgressEvent, TableProgressEvent, CatalogEvent, ObjectEvent, DataEvent, RelationInfo, SchemaInfo, DumpConnection,
  DataPlanEvent, TableStartEvent, TableDoneEvent,
} from './options.js';
export type { ConnectionOptions } from './connection/types.js';
export { DumpHandle, type DumpEvents, type ProgressEventOf } from './dump-handle.js';
export { dumpToStream } from './dump.js';
export { validateDumpOptions, type DumpTarget } from './validate.js';
export type { ArchiveDestination } from '../writers/archive/index.js';
export {
  dumpAll, dumpAllToFile, validateDumpAllOptions,
  type DumpAllOptions, type DumpAllResult, type DumpAllProgressEvent, type DumpAllPassThrough, type GlobalsEvent, type DatabaseEvent, type DatabaseResult,
} from './dumpall.js';
export { restorePlain, type RestorePlainOptions, type RestorePlainResult, type RestoreStatementError } from './restore/plain.js';
export { restore, detectInputKind, type RestoreOptions, type RestoreResult, type RestoreError, type InputKind } from './restore/restore.js';
export type { SectionName } from './restore/archive/select.js';

/** @deprecated use {@link DumpHandle} (the same object) */
export type DumpStream = DumpHandle;

/**
 * Dumps one database. The returned {@link DumpHandle} is a `Readable` of the plain SQL script
 * (or of a custom-format archive with `format: 'custom'`) that emits typed progress events, and
 * is awaitable for the {@link DumpResult}. A failed dump errors the stream and rejects.
 * The directory and tar formats need a path: use {@link dumpToFile}.
 */
export function dump(options: DumpOptions): DumpHandle {
  return new DumpHandle((o, out) => dumpToStream(o, out), options);
}

/** The options of {@link dumpToFile}. */
export interface DumpToFileOptions extends DumpOptions {
  /**
   * Plain format: gzip the whole file at this level (0-9), as `pg_dump -Z` does. Custom and
   * directory formats: the level of each data block or file.
   */
  compress?: number;
}

/**
 * Dumps one database into a file (a directory with `format: 'directory'`), written under a
 * temporary name beside it and renamed into place only when the dump is complete: a failed
 * or aborted dump leaves no file (and no temporary one) behind. Resolves to the {@link DumpResult}.
 */
export function dumpToFile(file: string, options: DumpToFileOptions): Promise<DumpResult>;
/** @deprecated pass the path first: `dumpToFile(file, options)` */
export function dumpToFile(options: DumpToFileOptions & { file: string }): Promise<DumpResult>;
export async function dumpToFile(a: string | (DumpToFileOptions & { file: string }), b?: DumpToFileOptions): Promise<DumpResult> {
  const options: DumpToFileOptions = typeof a === 'string' ? { ...b } : a;
  const file = typeof a === 'string' ? a : a.file;
  if (typeof file !== 'string' || file === '') throw new DumpError('usage', 'no output file specified: dumpToFile needs a path');
  validateDumpOptions(options, { file });
  // An archive (custom, directory, tar) is compressed inside and written to its own temporary name.
  if (options.format !== undefined && options.format !== 'plain') {
    return dumpToStream(options, new PassThrough(), { path: file, sync: !options.noSync });
  }
  // pg_dump's -Z 0 means no compression; -1 is gzip at zlib's default level
  const gzipLevel = options.compress === undefined || options.compress === 0 ? undefined : options.compress;
  const output = await openOutputFile(file, gzipLevel, !options.noSync);
  try {
    const result = await dumpToStream(options, output.stream);
    await output.commit();
    return result;
  } catch (e) {
    await output.discard();
    // Name the file: the dump only knew it could not write its stream.
    if (isDumpError(e) && e.code === 'output' && e.cause instanceof Error && !e.message.includes(file)) {
      throw new DumpError('output', `cannot write output file "${file}": ${e.cause.message}`, { cause: e.cause });
    }
    throw e;
  }
}
