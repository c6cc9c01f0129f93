import { DumpError } from './errors.js';
import type { DumpOptions } from './options.js';
import { resolveOutputOptions } from './output-options.js';
import { checkSelectionOptions } from './select/request.js';
import { checkParallelOptions } from './dump-parallel.js';

const FORMATS: readonly string[] = ['plain', 'custom', 'directory', 'tar'];

/** Where the dump is written, as far as the option checks care. */
export interface DumpTarget {
  /** -f / dumpToFile's path */
  readonly file?: string;
  /** set when the dump writes an archive to a path (dumpToFile) */
  readonly archive?: unknown;
}

const usage = (message: string) => new DumpError('usage', message);

/**
 * Every check of a dump's options that needs no server and no file: value ranges and
 * combinations pg_dump rejects, with pg_dump's (and the CLI's) messages. The CLI calls it on
 * the options its flags map to, and every library entry point calls it before connecting, so
 * both reject the same things with the same words.
 */
export function validateDumpOptions(o: DumpOptions, target: DumpTarget = {}): void {
  const format = o.format ?? 'plain';
  if (!FORMATS.includes(format)) throw usage(`invalid output format "${String(format)}" specified`);
  // -1 is gzip at zlib's default level (-Z gzip)
  if (o.compress !== undefined && !(Number.isInteger(o.compress) && o.compress >= -1 && o.compress <= 9)) {
    throw usage(`invalid compression specification "${String(o.compress)}": a bare level must be in range 0..9 (0 means no compression)`);
  }
  if (o.extraFloatDigits !== undefined && !(Number.isInteger(o.extraFloatDigits) && o.extraFloatDigits >= -15 && o.extraFloatDigits <= 3)) {
    throw usage('--extra-float-digits must be in range -15..3');
  }
  checkSelectionOptions(o);
  resolveOutputOptions(o);
  checkParallelOptions(o);
  const hasPath = target.file !== undefined || target.archive !== undefined;
  if (format === 'directory' && !hasPath) throw usage('no output directory specified: use -f DIRECTORY with -F d');
  if (format === 'tar' && !hasPath) throw usage('no output file specified: use -f FILE with -F t');
  if (format === 'tar' && o.compress) throw usage('compression is not supported by tar archive format');
  if (o.noPassword && o.forcePassword) throw usage('options -w/--no-password and -W/--password cannot be used together');
  for (const key of ['includeTable', 'includeSchema', 'onProgress', 'onWarning'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'function') throw usage(`option ${key} must be a function`);
  }
}
