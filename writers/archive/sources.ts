import type { CopySource, TocEntry } from '../../src/toc/toc.js';
import type { ArchiveEntry } from './entries.js';

/** Where an archive writer gets the contents of data entries. */
export interface ArchiveSources {
  /** a table's rows: COPY text, or INSERT statements when the dump uses them */
  openTable(src: CopySource): AsyncIterable<Buffer | string>;
  /** one large object's bytes */
  openLargeObject(oid: number): AsyncIterable<Buffer>;
  /** the archive's text encoding (defaults to UTF8) */
  encodeText?(s: string): Buffer;
  onEntry?(entry: TocEntry): void;
  /**
   * How many tables' data files the directory format writes at once (-j); the largest start
   * first. The sources must then serve that many tables concurrently. Default 1.
   */
  readonly parallel?: number;
  onDataChunk?(entry: TocEntry, bytes: number): void;
}

export function textEncoder(sources: ArchiveSources): (s: string) => Buffer {
  return sources.encodeText ?? ((s) => Buffer.from(s, 'utf8'));
}

/**
 * The bytes of a table data entry, as pg_dump stores them: the COPY rows followed by the `\.`
 * terminator and blank lines (pg_restore sends them to the server as they are), or the INSERT
 * statements followed by a blank line.
 */
export async function* tableBytes(e: ArchiveEntry, src: CopySource, sources: ArchiveSources): AsyncGenerator<Buffer> {
  const encode = textEncoder(sources);
  for await (const chunk of sources.openTable(src)) {
    const b = typeof chunk === 'string' ? encode(chunk) : chunk;
    if (!b.length) continue;
    if (e.source) sources.onDataChunk?.(e.source, b.length);
    yield b;
  }
  yield Buffer.from(e.copyStmt ? '\\.\n\n\n' : '\n', 'latin1');
}

/** A large object's bytes, reporting progress against the BLOBS entry. */
export async function* blobBytes(e: ArchiveEntry, oid: number, sources: ArchiveSources): AsyncGenerator<Buffer> {
  for await (const b of sources.openLargeObject(oid)) {
    if (!b.length) continue;
    if (e.source) sources.onDataChunk?.(e.source, b.length);
    yield b;
  }
}
