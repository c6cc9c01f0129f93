import { DumpError } from '../errors.js';
import type { DumpOptions } from '../options.js';

type Format = NonNullable<DumpOptions['format']>;

const FORMATS: Readonly<Record<string, Format>> = {
  p: 'plain',
  plain: 'plain',
  c: 'custom',
  custom: 'custom',
  d: 'directory',
  directory: 'directory',
  t: 'tar',
  tar: 'tar',
};

/** -F, as pg_dump reads it: a letter or the full name, in any case. */
export function parseFormat(value: string): Format {
  const format = FORMATS[value.toLowerCase()];
  if (!format) throw new DumpError('usage', `invalid output format "${value}" specified`);
  return format;
}

/**
 * The archive side of -f and -Z: the directory and tar formats need -f; for the custom and
 * directory formats -Z is the level of each data block or file, where an explicit 0 (or
 * `none`) means uncompressed and no -Z means zlib's default; the tar format takes none
 * (validateDumpOptions rejects what does not fit).
 */
export function applyArchiveFlags(options: DumpOptions, _file: string | undefined, level: number | undefined, compressGiven: boolean): void {
  const format = options.format ?? 'plain';
  if (format === 'plain') return;
  // -Z 0 and -Z none are level 0 (uncompressed), -Z gzip is -1 (zlib default)
  const compress = compressGiven ? (typeof level === 'number' ? level : 0) : undefined;
  options.compress = compress;
}
