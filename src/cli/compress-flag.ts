import { InvalidArgumentError } from 'commander';

/**
 * -Z/--compress as pg_dump 16..18 read it (a superset of pg_dump 15's bare 0..9 level):
 * a bare integer (0 = none, otherwise a gzip level), or METHOD[:DETAIL] where DETAIL is a
 * bare level or comma-separated keyword[=value] items (level, workers, long).
 *
 * Result: 0 = no compression, -1 = gzip at zlib's default level, 1..9 = gzip at that level.
 * lz4 and zstd are pg_dump methods this tool does not implement: rejected, never ignored.
 */
export function parseCompressSpec(spec: string): number {
  const bad = (why: string): never => {
    throw new InvalidArgumentError(`invalid compression specification "${spec}": ${why}`);
  };
  // strtol: optional leading space and sign, then digits to the very end
  if (/^\s*[+-]?\d+$/.test(spec)) {
    const n = parseInt(spec, 10);
    if (n === 0) return 0;
    if (n < 1 || n > 9) bad('a bare level must be in range 0..9 (0 means no compression)');
    return n;
  }
  const colon = spec.indexOf(':');
  const method = colon < 0 ? spec : spec.slice(0, colon);
  const detail = colon < 0 ? undefined : spec.slice(colon + 1);
  if (method === 'lz4' || method === 'zstd') {
    bad(`pgdump-ts does not support ${method} compression; use gzip (pg_restore reads gzip archives from any pg_dump version)`);
  }
  if (method !== 'none' && method !== 'gzip') bad(`unrecognized compression algorithm "${method}" (expected none, gzip, or a level 0..9)`);
  let level = method === 'gzip' ? -1 : 0;
  if (detail !== undefined) {
    if (/^\s*[+-]?\d+$/.test(detail)) level = parseInt(detail, 10);
    else {
      for (const item of detail.split(',')) {
        const eq = item.indexOf('=');
        const key = eq < 0 ? item : item.slice(0, eq);
        const value = eq < 0 ? undefined : item.slice(eq + 1);
        if (key === '') bad('found empty string where a compression option was expected');
        if (key === 'level') {
          if (value === undefined || !/^\s*[+-]?\d+$/.test(value)) bad('value for compression option "level" must be an integer');
          level = parseInt(value!, 10);
        } else if (key === 'workers') bad(`compression algorithm "${method}" does not accept a worker count`);
        else if (key === 'long') bad(`compression algorithm "${method}" does not support long-distance mode`);
        else bad(`unrecognized compression option: "${key}"`);
      }
    }
  }
  if (method === 'none' && level !== 0) bad('compression algorithm "none" does not accept a compression level');
  if (method === 'gzip' && level !== -1 && (level < 1 || level > 9)) bad('compression algorithm "gzip" expects a compression level between 1 and 9');
  return level;
}
