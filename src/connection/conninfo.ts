import { DumpError } from '../errors.js';

/** Connection keywords as libpq names them; values are always strings, as in libpq. */
export type ConnParams = Record<string, string>;

/**
 * Every keyword libpq accepts, with the environment variable that supplies its default.
 * Keywords we accept but cannot honour (GSSAPI, Kerberos, ...) are listed so a
 * connection string written for psql does not fail here; resolve.ts rejects the few
 * whose silent omission would change behaviour.
 */
export const KEYWORD_ENV: Readonly<Record<string, string | null>> = {
  host: 'PGHOST', hostaddr: 'PGHOSTADDR', port: 'PGPORT', dbname: 'PGDATABASE',
  user: 'PGUSER', password: 'PGPASSWORD', passfile: 'PGPASSFILE',
  service: 'PGSERVICE', servicefile: 'PGSERVICEFILE',
  sslmode: 'PGSSLMODE', sslrootcert: 'PGSSLROOTCERT', sslcert: 'PGSSLCERT', sslkey: 'PGSSLKEY',
  sslpassword: null, sslcrl: 'PGSSLCRL', sslcrldir: 'PGSSLCRLDIR', sslsni: 'PGSSLSNI',
  sslcompression: 'PGSSLCOMPRESSION', sslcertmode: 'PGSSLCERTMODE', sslnegotiation: 'PGSSLNEGOTIATION',
  ssl_min_protocol_version: 'PGSSLMINPROTOCOLVERSION', ssl_max_protocol_version: 'PGSSLMAXPROTOCOLVERSION',
  application_name: 'PGAPPNAME', fallback_application_name: null,
  connect_timeout: 'PGCONNECT_TIMEOUT', options: 'PGOPTIONS', client_encoding: 'PGCLIENTENCODING',
  keepalives: null, keepalives_idle: null, keepalives_interval: null, keepalives_count: null,
  tcp_user_timeout: null, target_session_attrs: 'PGTARGETSESSIONATTRS',
  load_balance_hosts: 'PGLOADBALANCEHOSTS', channel_binding: 'PGCHANNELBINDING',
  require_auth: 'PGREQUIREAUTH', gssencmode: 'PGGSSENCMODE', gsslib: 'PGGSSLIB',
  gssdelegation: 'PGGSSDELEGATION', krbsrvname: 'PGKRBSRVNAME', requirepeer: 'PGREQUIREPEER',
  replication: null, min_protocol_version: 'PGMINPROTOCOLVERSION',
  max_protocol_version: 'PGMAXPROTOCOLVERSION',
};

export function isKnownKeyword(key: string): boolean {
  return Object.prototype.hasOwnProperty.call(KEYWORD_ENV, key);
}

const URI_PREFIXES = ['postgresql://', 'postgres://'];

/** libpq's rule for whether a dbname is really a connection string. */
export function isConnectionString(s: string): boolean {
  return URI_PREFIXES.some((p) => s.startsWith(p)) || s.includes('=');
}

/** Parses either form; the caller has already decided it is one (isConnectionString). */
export function parseConnectionString(s: string): ConnParams {
  return URI_PREFIXES.some((p) => s.startsWith(p)) ? parseUri(s) : parseConninfo(s);
}

function usage(message: string): DumpError {
  return new DumpError('usage', message);
}

/**
 * `key = value key2='quoted \' value'`: whitespace around '=' is allowed, values end
 * at whitespace unless single-quoted, and a backslash escapes the next character in
 * both forms (libpq's conninfo grammar).
 */
export function parseConninfo(s: string): ConnParams {
  const out: ConnParams = {};
  let i = 0;
  const n = s.length;
  const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
  while (i < n) {
    while (isSpace(s[i])) i++;
    if (i >= n) break;
    const keyStart = i;
    while (i < n && s[i] !== '=' && !isSpace(s[i])) i++;
    const key = s.slice(keyStart, i);
    while (isSpace(s[i])) i++;
    if (s[i] !== '=') throw usage(`missing "=" after "${key}" in connection info string`);
    i++;
    while (isSpace(s[i])) i++;
    let value = '';
    if (s[i] === "'") {
      i++;
      let closed = false;
      while (i < n) {
        const c = s[i];
        if (c === '\\' && i + 1 < n) { value += s[i + 1]; i += 2; continue; }
        if (c === "'") { closed = true; i++; break; }
        value += c; i++;
      }
      if (!closed) throw usage('unterminated quoted string in connection info string');
    } else {
      while (i < n && !isSpace(s[i])) {
        if (s[i] === '\\' && i + 1 < n) { value += s[i + 1]; i += 2; continue; }
        value += s[i]; i++;
      }
    }
    if (!isKnownKeyword(key)) throw usage(`invalid connection option "${key}"`);
    out[key] = value;
  }
  return out;
}

/**
 * Percent-decoding that, like libpq, rejects malformed escapes and %00 and allows
 * any byte sequence (decoded as UTF-8), where decodeURIComponent would throw on
 * bytes that are not valid UTF-8.
 */
export function percentDecode(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '%') {
      const hex = s.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw usage(`invalid percent-encoded token: "${s.slice(i, i + 3)}"`);
      const b = parseInt(hex, 16);
      if (b === 0) throw usage('forbidden value %00 in percent-encoded value');
      bytes.push(b);
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/**
 * postgresql://[user[:password]@][host[:port][,host[:port]...]][/dbname][?key=value&...]
 * Written by hand because pg-connection-string (via WHATWG URL) cannot take several
 * hosts, mangles bracketed IPv6 lists and does not reject unknown parameters.
 * Several hosts become comma-separated `host` and `port` values, as libpq stores them.
 */
export function parseUri(uri: string): ConnParams {
  const prefix = URI_PREFIXES.find((p) => uri.startsWith(p));
  if (prefix === undefined) throw usage('invalid URI: must start with postgresql:// or postgres://');
  const out: ConnParams = {};
  let rest = uri.slice(prefix.length);

  // Query first, so '@' or '/' inside parameter values cannot confuse the authority split.
  let query = '';
  const q = rest.indexOf('?');
  if (q >= 0) { query = rest.slice(q + 1); rest = rest.slice(0, q); }
  const slash = rest.indexOf('/');
  const authority = slash >= 0 ? rest.slice(0, slash) : rest;
  const dbname = slash >= 0 ? rest.slice(slash + 1) : '';

  // libpq splits at the first '@'; the last one parses everything libpq accepts the
  // same way and also tolerates an unencoded '@' inside a password.
  const at = authority.lastIndexOf('@');
  const hostspec = at >= 0 ? authority.slice(at + 1) : authority;
  if (at >= 0) {
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    const user = colon >= 0 ? userinfo.slice(0, colon) : userinfo;
    if (user !== '') out.user = percentDecode(user);
    if (colon >= 0) out.password = percentDecode(userinfo.slice(colon + 1));
  }

  if (hostspec !== '') {
    const hosts: string[] = [];
    const ports: string[] = [];
    for (const part of hostspec.split(',')) {
      let host: string;
      let port = '';
      if (part.startsWith('[')) {
        const close = part.indexOf(']');
        if (close < 0) throw usage(`missing "]" in IPv6 host address in URI: "${part}"`);
        host = part.slice(1, close);
        const after = part.slice(close + 1);
        if (after.startsWith(':')) port = after.slice(1);
        else if (after !== '') throw usage(`unexpected character after IPv6 host address in URI: "${part}"`);
      } else {
        const colon = part.lastIndexOf(':');
        host = colon >= 0 ? part.slice(0, colon) : part;
        port = colon >= 0 ? part.slice(colon + 1) : '';
      }
      hosts.push(percentDecode(host));
      ports.push(percentDecode(port));
    }
    if (hosts.some((h) => h !== '')) out.host = hosts.join(',');
    if (ports.some((p) => p !== '')) out.port = ports.join(',');
  }

  if (dbname !== '') out.dbname = percentDecode(dbname);

  if (query !== '') {
    for (const pair of query.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      if (eq < 0) throw usage(`missing key/value separator "=" in URI query parameter: "${pair}"`);
      let key = percentDecode(pair.slice(0, eq));
      let value = percentDecode(pair.slice(eq + 1));
      // JDBC compatibility, as libpq does it: only ssl=true is understood.
      if (key === 'ssl' && value === 'true') { key = 'sslmode'; value = 'require'; }
      if (!isKnownKeyword(key)) throw usage(`invalid URI query parameter: "${key}"`);
      out[key] = value;
    }
  }
  return out;
}
