import type { Writable } from 'node:stream';
import { DumpError } from '../../src/errors.js';
import type { TocEntry } from '../../src/toc/toc.js';
import { StreamOut } from './byte-out.js';
import { writeCustom } from './custom.js';
import { writeDirectory } from './directory.js';
import { archiveEntries } from './entries.js';
import { DEFAULT_COMPRESSION, type ArchiveFormat, type ArchiveHeader } from './format.js';
import { writeTar } from './tar.js';
import { withArchiveDirectory, withArchiveFile } from './target.js';
import type { ArchiveSources } from './sources.js';

export type { ArchiveFormat } from './format.js';
export type { ArchiveSources } from './sources.js';

/** Where the archive goes: a path (file, or directory for that format), or a stream (custom only). */
export type ArchiveDestination =
  | {
      /** the file (custom, tar) or directory (directory format), written under a temporary name and renamed when complete */
      readonly path: string;
      /** fsync before the rename */
      readonly sync: boolean;
    }
  | {
      /** the stream the custom format is written to */
      readonly stream: Writable;
    };

export interface ArchiveMeta {
  readonly dbname: string;
  readonly serverVersion: string;
  readonly dumpVersion: string;
  /** client encoding of the archive's text and data */
  readonly encoding: string;
  /** -Z: zlib level 0-9; undefined for the format's default */
  readonly compression?: number;
  readonly created?: Date;
}

/** The compression an archive records, after pg_dump's checks for the format. */
export function archiveCompression(format: ArchiveFormat, level: number | undefined): number {
  if (format === 'tar') {
    if (level) throw new DumpError('usage', 'compression is not supported by tar archive format');
    return 0;
  }
  return level ?? DEFAULT_COMPRESSION;
}

/**
 * Writes `toc` as a pg_dump archive of `format` that pg_restore reads. `restoreSql` gives the
 * tar format's restore.sql.
 */
export async function writeArchive(
  format: ArchiveFormat,
  destination: ArchiveDestination,
  toc: readonly TocEntry[],
  meta: ArchiveMeta,
  sources: ArchiveSources,
  restoreSql?: () => AsyncIterable<Buffer>,
): Promise<void> {
  const header: ArchiveHeader = {
    format,
    compression: archiveCompression(format, meta.compression),
    created: meta.created ?? new Date(),
    dbname: meta.dbname,
    serverVersion: meta.serverVersion,
    dumpVersion: meta.dumpVersion,
  };
  const entries = archiveEntries(toc, { encoding: meta.encoding });
  if ('stream' in destination) {
    if (format !== 'custom') throw new DumpError('usage', `the ${format} format needs an output ${format === 'directory' ? 'directory' : 'file'}: use -f`);
    await writeCustom(new StreamOut(destination.stream), header, entries, sources);
    return;
  }
  const { path, sync } = destination;
  if (format === 'directory') {
    await withArchiveDirectory(path, sync, (dir) => writeDirectory(dir, header, entries, sources, { sync }));
  } else if (format === 'custom') {
    await withArchiveFile(path, sync, (out) => writeCustom(out, header, entries, sources));
  } else {
    const script = restoreSql ?? (async function* (): AsyncGenerator<Buffer> {});
    await withArchiveFile(path, sync, (out) => writeTar(out, header, entries, sources, script));
  }
}
