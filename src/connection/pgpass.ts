import { readFileSync, statSync } from 'node:fs';

/** Socket directories libpq may have been built with; a connection to one of them counts as 'localhost' in .pgpass. */
export const DEFAULT_SOCKET_DIRS: readonly string[] = ['/var/run/postgresql', '/tmp'];

export interface PgpassQuery {
  host: string;
  port: string;
  database: string;
  user: string;
}

/**
 * Matches one field of a .pgpass line against `token`, libpq's way: a field that is
 * exactly `*` matches anything, `\` escapes the next character (so `\:` and `\\` are
 * literals, and `\*` is a literal star). Returns the rest of the line after the
 * field's ':' on a match, or null.
 */
function matchField(line: string, token: string): string | null {
  if (line.startsWith('*:')) return line.slice(2);
  let i = 0;
  let t = 0;
  while (i < line.length) {
    let escaped = false;
    if (line[i] === '\\' && i + 1 < line.length) { i++; escaped = true; }
    if (!escaped && line[i] === ':') return t === token.length ? line.slice(i + 1) : null;
    if (t >= token.length || line[i] !== token[t]) return null;
    i++;
    t++;
  }
  return null; // no ':' ended the field: a malformed line never matches
}

/** The password field runs to the next unescaped ':' or the end of the line. */
function unescapePassword(field: string): string {
  let out = '';
  for (let i = 0; i < field.length; i++) {
    if (field[i] === '\\' && i + 1 < field.length) { i++; out += field[i]; continue; }
    if (field[i] === ':') break;
    out += field[i];
  }
  return out;
}

/** First matching line wins; comments start with '#'. Pure, so tests need no files. */
export function matchPgpass(content: string, q: PgpassQuery): string | undefined {
  if (q.database === '' || q.user === '') return undefined;
  // An empty host or the default socket directory is what .pgpass calls 'localhost'.
  const host = q.host === '' || DEFAULT_SOCKET_DIRS.includes(q.host) ? 'localhost' : q.host;
  const port = q.port === '' ? '5432' : q.port;
  for (const raw of content.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '' || line.startsWith('#')) continue;
    let rest: string | null = line;
    for (const token of [host, port, q.database, q.user]) {
      rest = matchField(rest, token);
      if (rest === null) break;
    }
    if (rest !== null) return unescapePassword(rest);
  }
  return undefined;
}

/**
 * Reads the password file like libpq: a missing file is silently ignored; a file
 * that is not a regular file, or that group or others can access, is ignored with
 * a warning, because a password file others can read is a leaked password.
 */
export function lookupPgpass(path: string, q: PgpassQuery, warn: (message: string) => void): string | undefined {
  let mode: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) {
      warn(`password file "${path}" is not a plain file`);
      return undefined;
    }
    mode = st.mode;
  } catch {
    return undefined;
  }
  // Windows has no POSIX modes to check, as libpq also skips the check there.
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    warn(`password file "${path}" has group or world access; permissions should be u=rw (0600) or less`);
    return undefined;
  }
  let content: string;
  try {
    content = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  return matchPgpass(content, q);
}
