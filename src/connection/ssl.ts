import { existsSync, readFileSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import type { ClientConfig } from 'pg';
import { DumpError } from '../errors.js';
import type { SslMode } from './types.js';

const SSL_MODES: readonly SslMode[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];
const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
type TlsVersion = (typeof TLS_VERSIONS)[number];

export function parseSslMode(value: string): SslMode {
  const mode = SSL_MODES.find((m) => m === value);
  if (mode === undefined) throw new DumpError('usage', `invalid sslmode value: "${value}" (expected one of ${SSL_MODES.join(', ')})`);
  return mode;
}

export interface SslSettings {
  mode: SslMode;
  rootcert?: string;
  cert?: string;
  key?: string;
  /** sslpassword: passphrase of the client key. */
  password?: string;
  crl?: string;
  minVersion?: string;
  maxVersion?: string;
}

function readPem(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new DumpError('usage', `could not read ${what} "${path}": ${(e as Error).message}`, { cause: e });
  }
}

function tlsVersion(value: string | undefined, keyword: string): TlsVersion | undefined {
  if (value === undefined || value === '') return undefined;
  const v = TLS_VERSIONS.find((t) => t === value);
  if (v === undefined) throw new DumpError('usage', `invalid ${keyword} value: "${value}" (expected one of ${TLS_VERSIONS.join(', ')})`);
  return v;
}

/**
 * The TLS options libpq's sslmode implies, host-independent (see forTarget). The
 * default files under ~/.postgresql/ are used when present, as libpq does: a
 * root.crt that exists turns require (and allow/prefer) into CA verification,
 * which is libpq's backward-compatible behaviour.
 */
export function buildTlsOptions(s: SslSettings, homeDir: string): TlsOptions {
  const pgDir = join(homeDir, '.postgresql');
  const opts: TlsOptions = {};
  const min = tlsVersion(s.minVersion, 'ssl_min_protocol_version');
  const max = tlsVersion(s.maxVersion, 'ssl_max_protocol_version');
  // libpq defaults to TLS 1.2 as the floor, like Node; keep that explicit.
  opts.minVersion = min ?? 'TLSv1.2';
  if (max !== undefined) opts.maxVersion = max;

  const verifying = s.mode === 'verify-ca' || s.mode === 'verify-full';
  if (s.rootcert === 'system') {
    // Node's bundled/system trust store; hostname checking stays on (verify-full is enforced in resolve).
    opts.rejectUnauthorized = true;
  } else {
    const rootcert = s.rootcert ?? join(pgDir, 'root.crt');
    if (existsSync(rootcert)) {
      opts.ca = readPem(rootcert, 'root certificate file');
      opts.rejectUnauthorized = true;
      // Only verify-full checks that the certificate names the host.
      if (s.mode !== 'verify-full') opts.checkServerIdentity = () => undefined;
    } else if (verifying) {
      throw new DumpError('usage',
        `root certificate file "${rootcert}" does not exist; provide it with sslrootcert, use the system's trusted roots with sslrootcert=system, or use sslmode=require to skip server certificate verification`);
    } else {
      opts.rejectUnauthorized = false;
    }
    const crl = s.crl ?? join(pgDir, 'root.crl');
    if (existsSync(crl)) opts.crl = readPem(crl, 'SSL certificate revocation list file');
  }

  // A client certificate is sent only if its file exists; a missing one is not an error (libpq).
  const cert = s.cert ?? join(pgDir, 'postgresql.crt');
  if (existsSync(cert)) {
    const key = s.key ?? join(pgDir, 'postgresql.key');
    if (!existsSync(key)) throw new DumpError('usage', `certificate present, but not private key file "${key}"`);
    checkKeyPermissions(key);
    opts.cert = readPem(cert, 'client certificate file');
    opts.key = readPem(key, 'private key file');
    if (s.password !== undefined && s.password !== '') opts.passphrase = s.password;
  }
  return opts;
}

/** libpq refuses a private key others can read: that key is already compromised. */
function checkKeyPermissions(path: string): void {
  if (process.platform === 'win32') return;
  const st = statSync(path);
  const ownedByRoot = st.uid === 0;
  const ok = (st.mode & 0o077) === 0 || (ownedByRoot && (st.mode & 0o037) === 0);
  if (!ok) {
    throw new DumpError('usage',
      `private key file "${path}" has group or world access; permissions should be u=rw (0600) or less if owned by the current user, or u=rw,g=r (0640) or less if owned by root`);
  }
}

/**
 * Per-host copy: when we connect to a numeric hostaddr, the certificate must still
 * be checked against the host name, which pg only does if servername is set.
 */
export function forTarget(tls: TlsOptions, host: string, hostaddr: string | undefined): TlsOptions {
  const copy: TlsOptions = { ...tls };
  if (hostaddr !== undefined && host !== '' && isIP(host) === 0) copy.servername = host;
  return copy;
}

/**
 * The ordered SSL settings to try. pg has no allow/prefer: allow tries plain first
 * then TLS; prefer tries TLS first then plain (connect.ts decides when a failure
 * justifies the second try). Unix sockets never use SSL: libpq ignores sslmode there.
 */
export function sslAttempts(mode: SslMode, isSocket: boolean, tls: TlsOptions): Array<ClientConfig['ssl']> {
  if (isSocket || mode === 'disable') return [false];
  if (mode === 'allow') return [false, tls];
  if (mode === 'prefer') return [tls, false];
  return [tls];
}
