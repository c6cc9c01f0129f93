import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DumpError } from '../errors.js';
import { isKnownKeyword, type ConnParams } from './conninfo.js';

/**
 * Where libpq looks when PGSYSCONFDIR is unset is a build-time choice; Debian's
 * packages (the common case on servers and in containers) use this directory.
 */
export const DEFAULT_SYSCONFDIR = '/etc/postgresql-common';

/**
 * The [name] section of a pg_service.conf, or undefined if the file has no such
 * section. Follows libpq: leading/trailing whitespace of a line is ignored, '#'
 * starts a comment line, `key=value` splits at the first '=', an unknown key or a
 * nested `service` is an error (a typo should not silently connect elsewhere).
 */
export function parseServiceSection(content: string, service: string, file: string): ConnParams | undefined {
  let inGroup = false;
  let found: ConnParams | undefined;
  const lines = content.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      if (inGroup) break; // the section we wanted has ended
      inGroup = line === `[${service}]`;
      if (inGroup) found = {};
      continue;
    }
    if (!inGroup || found === undefined) continue;
    const eq = line.indexOf('=');
    if (eq < 0) throw new DumpError('usage', `syntax error in service file "${file}", line ${n + 1}`);
    const key = line.slice(0, eq).trim();
    if (key === 'service' || key === 'servicefile') {
      throw new DumpError('usage', `nested "${key}" specifications not supported in service file "${file}", line ${n + 1}`);
    }
    if (!isKnownKeyword(key)) {
      throw new DumpError('usage', `syntax error in service file "${file}", line ${n + 1}: unknown keyword "${key}"`);
    }
    // The first occurrence wins, as libpq never overwrites a value already set.
    if (!(key in found)) found[key] = line.slice(eq + 1);
  }
  return found;
}

export interface ServiceLookup {
  service: string;
  /** servicefile keyword or PGSERVICEFILE; else ~/.pg_service.conf. */
  userFile?: string;
  homeDir: string;
  /** PGSYSCONFDIR; else DEFAULT_SYSCONFDIR. */
  sysconfDir?: string;
}

/**
 * The user's file is searched first and, only when it lacks the section, the
 * system-wide one; a named service found in neither is an error, as in libpq.
 */
export function readService(l: ServiceLookup): ConnParams {
  const files = [
    l.userFile ?? join(l.homeDir, '.pg_service.conf'),
    join(l.sysconfDir ?? DEFAULT_SYSCONFDIR, 'pg_service.conf'),
  ];
  for (const file of files) {
    if (!existsSync(file)) continue;
    let content: string;
    try {
      content = readFileSync(file, 'utf8');
    } catch (e) {
      throw new DumpError('usage', `could not read service file "${file}": ${(e as Error).message}`, { cause: e });
    }
    const section = parseServiceSection(content, l.service, file);
    if (section !== undefined) return section;
  }
  throw new DumpError('usage', `definition of service "${l.service}" not found (looked in ${files.map((f) => `"${f}"`).join(' and ')})`);
}
