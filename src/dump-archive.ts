import type pg from 'pg';
import type { Writable } from 'node:stream';
import { copyOut } from './data/copy.js';
import { trackTableData } from './data/table-progress.js';
import { largeObjectBytes } from './data/large-object-bytes.js';
import type { PreparedOutput } from './dump-output.js';
import type { DumpOptions } from './options.js';
import type { OutputSettings } from './output-options.js';
import type { TocEntry } from './toc/toc.js';
import { isDecoration } from './toc/deps.js';
import { TOOL_VERSION } from './version.js';
import { archiveCompression, writeArchive, type ArchiveDestination, type ArchiveFormat } from '../writers/archive/index.js';
import { DumpError } from './errors.js';
import { restoreScript } from '../writers/archive/restore-script.js';
import { PlainScript } from '../writers/plain-script.js';

export type { ArchiveDestination } from '../writers/archive/index.js';

export interface ArchiveOutputContext {
  readonly client: pg.Client;
  readonly options: DumpOptions;
  readonly output: OutputSettings;
  readonly session: { readonly versionString: string; readonly database: string };
  readonly prepared: PreparedOutput;
  /** where the archive goes; the dump's stream when not given (custom format only) */
  readonly destination: ArchiveDestination | undefined;
  readonly out: Writable;
  /** what the dump is doing, for error messages */
  readonly setCurrent: (what: string) => void;
}

/** The archive options a dump cannot start without, checked before connecting. */
export function checkArchiveOptions(options: DumpOptions, destination: ArchiveDestination | undefined): void {
  const format = options.format;
  if (format === undefined || format === 'plain') return;
  if (format !== 'custom' && !destination) {
    throw new DumpError('usage', `the ${format} format is written to a path, not a stream: use dumpToFile (-f)`);
  }
  archiveCompression(format, options.compress);
}

/** The database's own entries, which only pg_restore --create restores: not in restore.sql unless -C. */
function isDatabaseEntry(e: TocEntry): boolean {
  return e.desc === 'DATABASE' || e.desc === 'DATABASE PROPERTIES' || (isDecoration(e.desc) && e.tag.startsWith('DATABASE '));
}

/**
 * Writes the built entries as a pg_dump archive (custom, directory or tar) and returns the
 * number of data bytes written. Table rows come as the plain script would carry them (COPY
 * text, or INSERTs), large objects as their bytes.
 */
export async function writeArchiveOutput(toc: readonly TocEntry[], ctx: ArchiveOutputContext): Promise<number> {
  const { client, options, output, prepared } = ctx;
  const format = options.format as ArchiveFormat;
  const encoder = prepared.encoder ?? null;
  const encodeText = (s: string) => (encoder ? encoder.encode(s) : Buffer.from(s, 'utf8'));
  let dataBytes = 0;
  const restoreSql = () => {
    const script = new PlainScript({
      restrictKey: output.restrictKey,
      encoding: prepared.encoding,
      clean: output.clean,
      ifExists: output.ifExists,
      createDatabase: !!options.create && !options.dataOnly,
      setSessionAuthorization: output.setSessionAuthorization,
      disableTriggers: false,
      superuser: output.superuser,
    });
    const entries = options.create ? toc : toc.filter((e) => !isDatabaseEntry(e));
    return restoreScript(entries, {
      header: { serverVersion: ctx.session.versionString, toolVersion: TOOL_VERSION, encoding: prepared.encoding, restrictKey: output.restrictKey },
      script,
      encodeText,
    });
  };
  await writeArchive(
    format,
    ctx.destination ?? { stream: ctx.out },
    toc,
    {
      dbname: ctx.session.database,
      serverVersion: ctx.session.versionString,
      dumpVersion: `pgdump-ts ${TOOL_VERSION}`,
      encoding: prepared.encoding,
      compression: options.compress,
    },
    {
      openTable: (src) => {
        ctx.setCurrent(`reading table ${src.table}`);
        return trackTableData(src, prepared.openTable ? prepared.openTable(src) : copyOut(client, src.copyOut), (e) => options.onProgress?.(e));
      },
      openLargeObject: (oid) => {
        ctx.setCurrent(`reading large object ${oid}`);
        return largeObjectBytes(client, oid);
      },
      encodeText,
      onEntry: (e) => {
        ctx.setCurrent(`writing ${e.desc} ${e.tag}`);
        options.onProgress?.({ type: 'entry', desc: e.desc, tag: e.tag, namespace: e.namespace });
      },
      onDataChunk: (e, bytes) => {
        dataBytes += bytes;
        options.onProgress?.({ type: 'data', table: e.tag, bytes });
      },
    },
    format === 'tar' ? restoreSql : undefined,
  );
  return dataBytes;
}
