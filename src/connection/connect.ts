import pg from 'pg';
import { DumpError } from '../errors.js';
import { PasswordRequiredError, describeConnection } from './resolve.js';
import type { ConnectionTarget, ResolvedConnection, SslMode } from './types.js';

const NO_SSL_SUPPORT = 'The server does not support SSL connections';

/** Node's certificate verification failures (tls / OpenSSL error codes). */
const CERT_ERROR_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID',
  'CERT_REVOKED', 'CERT_UNTRUSTED', 'CERT_REJECTED', 'CERT_SIGNATURE_FAILURE', 'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH', 'UNABLE_TO_GET_CRL', 'CRL_HAS_EXPIRED',
]);

interface ErrorLike { code?: unknown; message?: unknown }

function codeOf(e: unknown): string {
  const c = (e as ErrorLike | null)?.code;
  return typeof c === 'string' ? c : '';
}

function messageOf(e: unknown): string {
  const m = (e as ErrorLike | null)?.message;
  return typeof m === 'string' ? m : String(e);
}

function isTlsFailure(e: unknown): boolean {
  const code = codeOf(e);
  return CERT_ERROR_CODES.has(code) || code.startsWith('ERR_SSL') || code === 'EPROTO' || code.startsWith('ERR_TLS');
}

/**
 * Whether the next SSL attempt (see sslAttempts) is worth making. prefer falls
 * back to plain when the server has no SSL, the handshake fails, or pg_hba.conf
 * rejects SSL connections (28000); allow retries with SSL only when the plain
 * connection was rejected by pg_hba.conf. Wrong passwords never trigger a retry.
 */
function shouldRetry(mode: SslMode, e: unknown): boolean {
  if (mode === 'prefer') return messageOf(e) === NO_SSL_SUPPORT || isTlsFailure(e) || codeOf(e) === '28000';
  if (mode === 'allow') return codeOf(e) === '28000';
  return false;
}

/** One line naming the server, database and user, and what to do. Never includes the password. */
export function translateConnectError(e: unknown, t: ConnectionTarget, r: Pick<ResolvedConnection, 'database' | 'user' | 'sslmode'>): DumpError {
  const where = describeConnection(t, r.database, r.user);
  const server = t.isSocket ? `the server on socket "${t.host}/.s.PGSQL.${t.port}"` : `the server at "${t.host}" port ${t.port}`;
  const code = codeOf(e);
  const msg = messageOf(e);
  const fail = (text: string): DumpError => new DumpError('connection', text, { cause: e, detail: msg });

  if (e instanceof PasswordRequiredError) {
    return fail(`${server} requires a password for user "${r.user}" and none was supplied: use -W, set PGPASSWORD or add a ~/.pgpass entry`);
  }
  if (code === 'ECONNREFUSED' || (t.isSocket && code === 'ENOENT')) {
    return fail(t.isSocket
      ? `could not connect to ${where}: no server is listening on that socket; is it running, and is -h the right socket directory?`
      : `could not connect to ${where}: connection refused; is the server running and accepting TCP/IP connections on that port?`);
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return fail(`could not translate host name "${t.host}" to an address (${code}): check -h / PGHOST or the host in the connection string`);
  }
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH' || msg === 'timeout expired') {
    return fail(`could not connect to ${where}: ${code === '' || code === 'ETIMEDOUT' ? 'timed out' : code}; check the host, port and any firewall, or raise connect_timeout`);
  }
  if (code === '28P01') {
    const from = t.passwordSource !== undefined ? ` (password taken from ${t.passwordSource === 'password file' && t.passfile !== undefined ? `"${t.passfile}"` : t.passwordSource})` : '';
    return fail(`password authentication failed for ${where}${from}: check the password`);
  }
  if (code === '3D000') {
    return fail(`database "${r.database}" does not exist on ${server}: check the database name given with -d or PGDATABASE`);
  }
  if (code === '28000' && /role .* does not exist/.test(msg)) {
    return fail(`role "${r.user}" does not exist on ${server}: pass an existing user with -U or PGUSER`);
  }
  if (code === '28000') {
    return fail(`${server} rejected the connection: ${msg}; check pg_hba.conf or sslmode`);
  }
  if (msg === NO_SSL_SUPPORT) {
    return fail(`${server} does not support SSL, but sslmode=${r.sslmode} requires it: enable SSL on the server or use sslmode=prefer`);
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return fail(`the SSL certificate of ${server} does not name "${t.host}" (${msg.replace(/[:\s]+$/, '')}): connect by a name the certificate lists, or use sslmode=verify-ca`);
  }
  if (CERT_ERROR_CODES.has(code)) {
    return fail(`SSL certificate verification failed for ${server} (${code}: ${msg}): give the CA that signed it with sslrootcert, or use sslmode=require to skip verification`);
  }
  if (isTlsFailure(e)) {
    return fail(`SSL negotiation with ${server} failed: ${msg}`);
  }
  if (msg === 'There was an error establishing an SSL connection') {
    return fail(`${server} did not answer the SSL request the way PostgreSQL does: is a PostgreSQL server listening on that host and port?`);
  }
  if (msg === 'Connection terminated unexpectedly') {
    return fail(`${server} closed the connection before it was established: is a PostgreSQL server listening on that host and port, and is it running normally?`);
  }
  if (code === '53300') {
    return fail(`${server} has no free connection slots for ${where}: ${msg}; retry later or raise max_connections`);
  }
  if (code === '57P03') {
    return fail(`${server} is not accepting connections yet (${msg}); retry when it has finished starting up or recovering`);
  }
  return fail(`could not connect to ${where}: ${msg}`);
}

async function tryTarget(t: ConnectionTarget, r: ResolvedConnection): Promise<pg.Client> {
  let lastError: unknown;
  for (let i = 0; i < t.sslAttempts.length; i++) {
    const client = new pg.Client({ ...t.config, ssl: t.sslAttempts[i] });
    try {
      await client.connect();
      return client;
    } catch (e) {
      lastError = e;
      await client.end().catch(() => undefined);
      if (!shouldRetry(r.sslmode, e)) break;
    }
  }
  throw lastError;
}

/**
 * Opens a pg.Client for the resolved settings: each host in order (multi-host
 * connection strings), each with its SSL fallbacks, the first success wins.
 * Failures become one DumpError('connection') line; with several hosts it names
 * every host's reason, since the first one is often not the interesting one.
 */
export async function connect(resolved: ResolvedConnection): Promise<pg.Client> {
  const failures: DumpError[] = [];
  for (const target of resolved.targets) {
    try {
      return await tryTarget(target, resolved);
    } catch (e) {
      failures.push(translateConnectError(e, target, resolved));
    }
  }
  if (failures.length === 1) throw failures[0]!;
  throw new DumpError('connection', `could not connect to any of ${failures.length} hosts: ${failures.map((f) => f.message).join('; ')}`,
    { cause: failures, detail: failures.map((f) => f.detail ?? '').join('\n') });
}
