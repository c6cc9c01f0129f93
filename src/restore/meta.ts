// psql meta-command arguments: quoting as psql's backslash-argument scanner applies it, and the
// connection change that `\connect` asks for.
import type { ClientConfig } from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';

/**
 * Splits the text after a meta-command's name into arguments. Single quotes take `''` and C-style
 * backslash escapes; double quotes take `""` and are removed, as psql does for `\connect`'s
 * identifier-like arguments. Stops at a further backslash (psql's `\\` command separator).
 */
export function parseMetaArgs(text: string): string[] {
  const args: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    while (i < n && /\s/.test(text[i]!)) i++;
    if (i >= n || text[i] === '\\') return args;
    let arg = '';
    while (i < n && !/\s/.test(text[i]!)) {
      const c = text[i]!;
      if (c === "'" || c === '"') {
        i++;
        while (i < n) {
          const d = text[i]!;
          if (d === c) {
            if (text[i + 1] === c) { arg += c; i += 2; continue; }
            i++;
            break;
          }
          if (c === "'" && d === '\\' && i + 1 < n) {
            const [ch, len] = unescape(text, i + 1);
            arg += ch;
            i += 1 + len;
            continue;
          }
          arg += d;
          i++;
        }
        continue;
      }
      arg += c;
      i++;
    }
    args.push(arg);
  }
}

// One backslash escape inside a single-quoted argument: the character and how many input chars it used.
function unescape(text: string, i: number): [string, number] {
  const c = text[i]!;
  const simple: Record<string, string> = { n: '\n', t: '\t', b: '\b', r: '\r', f: '\f' };
  if (c in simple) return [simple[c]!, 1];
  const oct = /^[0-7]{1,3}/.exec(text.slice(i, i + 3));
  if (oct) return [String.fromCharCode(parseInt(oct[0], 8)), oct[0].length];
  const hex = c === 'x' ? /^[0-9a-fA-F]{1,2}/.exec(text.slice(i + 1, i + 3)) : null;
  if (hex) return [String.fromCharCode(parseInt(hex[0], 16)), 1 + hex[0].length];
  return [c, 1];
}

/**
 * The connection `\connect` arguments ask for, relative to the current one. Accepts psql's forms:
 * `[-reuse-previous=on|off] [dbname [user [host [port]]]]` with `-` meaning "keep", and a conninfo
 * string (`dbname='a b' user=x`) or URI in the dbname position. Unspecified settings are kept.
 */
export function connectTarget(current: ClientConfig, args: readonly string[]): ClientConfig {
  const positional = args.filter((a) => !a.startsWith('-reuse-previous'));
  const [db, user, host, port] = positional;
  if (db !== undefined && (/^postgres(ql)?:\/\//.test(db) || db.includes('='))) {
    const override = /^postgres(ql)?:\/\//.test(db) ? parseIntoClientConfig(db) : parseConninfo(db);
    return { ...current, ...withoutUndefined(override) };
  }
  const next: ClientConfig = { ...current };
  if (db !== undefined && db !== '-' && db !== '') next.database = db;
  if (user !== undefined && user !== '-' && user !== '') next.user = user;
  if (host !== undefined && host !== '-' && host !== '') next.host = host;
  if (port !== undefined && port !== '-' && port !== '') next.port = Number(port);
  return next;
}

function withoutUndefined(c: ClientConfig): ClientConfig {
  return Object.fromEntries(Object.entries(c).filter(([, v]) => v !== undefined && v !== null)) as ClientConfig;
}

/** libpq `key=value` conninfo: values bare or single-quoted with `\'` and `\\` escapes. */
export function parseConninfo(s: string): ClientConfig {
  const out: ClientConfig = {};
  const re = /\s*([A-Za-z_]+)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|((?:[^\s'\\]|\\.)*))/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null && m[0] !== '') {
    const value = (m[2] ?? m[3] ?? '').replace(/\\(.)/g, '$1');
    switch (m[1]!.toLowerCase()) {
      case 'dbname': out.database = value; break;
      case 'user': out.user = value; break;
      case 'password': out.password = value; break;
      case 'host': case 'hostaddr': out.host = value; break;
      case 'port': out.port = Number(value); break;
      case 'application_name': out.application_name = value; break;
      default: break; // other libpq settings have no pg.ClientConfig counterpart we can apply
    }
  }
  return out;
}

/** psql's boolean variable values: on/off, true/false, yes/no, 1/0, by unambiguous prefix. */
export function parsePsqlBool(v: string | undefined): boolean | undefined {
  if (v === undefined) return undefined;
  const s = v.toLowerCase();
  if (s === '') return undefined;
  if (s === '1' || (s.length >= 2 && 'on'.startsWith(s)) || 'true'.startsWith(s) || 'yes'.startsWith(s)) return true;
  if (s === '0' || (s.length >= 2 && 'off'.startsWith(s)) || 'false'.startsWith(s) || 'no'.startsWith(s)) return false;
  return undefined;
}
