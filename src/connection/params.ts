import { DumpError } from '../errors.js';
import { KEYWORD_ENV, isConnectionString, parseConnectionString, type ConnParams } from './conninfo.js';
import { readService } from './service.js';
import type { ConnectionOptions, PasswordSource } from './types.js';

export interface CollectedParams {
  params: ConnParams;
  passwordSource?: PasswordSource;
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}

/**
 * Merges every source into one libpq keyword map, highest priority first filled:
 *
 *   1. the dbname connection string (URI or conninfo),
 *   2. explicit options (-h -p -U, password, applicationName),
 *   3. the service file section (service / PGSERVICE),
 *   4. PG* environment variables,
 *
 * and resolve.ts adds the built-in defaults last. 1 over 2 is what pg_dump gets
 * from PQconnectdbParams with expand_dbname: dbname comes last in its keyword
 * list, so values inside the string win. 3 over 4 is documented libpq behaviour:
 * "a service file setting overrides the corresponding environment variable".
 * Like libpq's keyword arrays, empty option values count as not given, while an
 * empty value written in a connection string or set in the environment does count.
 */
export function collectParams(opts: ConnectionOptions, env: NodeJS.ProcessEnv, homeDir: string): CollectedParams {
  const params: ConnParams = {};
  let passwordSource: PasswordSource | undefined;

  if (opts.dbname !== undefined && opts.dbname !== '' && isConnectionString(opts.dbname)) {
    Object.assign(params, parseConnectionString(opts.dbname));
    if (params.password !== undefined) passwordSource = 'connection string';
  }

  const explicit: Array<[string, string | undefined]> = [
    ['host', nonEmpty(opts.host)],
    ['port', opts.port === undefined ? undefined : nonEmpty(String(opts.port))],
    ['user', nonEmpty(opts.username)],
    ['password', nonEmpty(opts.password)],
    ['application_name', nonEmpty(opts.applicationName)],
    ['dbname', opts.dbname !== undefined && !isConnectionString(opts.dbname) ? nonEmpty(opts.dbname) : undefined],
  ];
  for (const [key, value] of explicit) {
    if (value === undefined || key in params) continue;
    params[key] = value;
    if (key === 'password') passwordSource = 'option';
  }

  const service = params.service ?? env.PGSERVICE;
  if (service !== undefined && service !== '') {
    const section = readService({
      service,
      userFile: nonEmpty(params.servicefile ?? env.PGSERVICEFILE),
      homeDir,
      sysconfDir: nonEmpty(env.PGSYSCONFDIR),
    });
    for (const [key, value] of Object.entries(section)) {
      if (key in params) continue;
      params[key] = value;
      if (key === 'password') passwordSource = 'service file';
    }
  }

  for (const [key, envName] of Object.entries(KEYWORD_ENV)) {
    if (envName === null || key in params) continue;
    const value = env[envName];
    if (value === undefined) continue;
    params[key] = value;
    if (key === 'password') passwordSource = 'PGPASSWORD';
  }
  return { params, passwordSource };
}

/** Integer keyword values, rejected with libpq's wording when malformed. */
export function intParam(params: ConnParams, key: string): number | undefined {
  const raw = params[key];
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\s*-?\d+\s*$/.test(raw)) {
    throw new DumpError('usage', `invalid integer value "${raw}" for connection option "${key}"`);
  }
  return parseInt(raw, 10);
}

/**
 * Keywords whose meaning pg cannot provide. Ignoring them would weaken a security
 * requirement or change which server we reach, so they fail loudly; harmless ones
 * (krbsrvname, sslcompression, ...) are accepted and ignored.
 */
export function rejectUnsupported(params: ConnParams): void {
  const refuse = (key: string, why: string): never => {
    throw new DumpError('usage', `connection option ${key}=${params[key]} is not supported by pgdump-ts: ${why}`);
  };
  const tsa = nonEmpty(params.target_session_attrs);
  if (tsa !== undefined && tsa !== 'any') refuse('target_session_attrs', 'list the intended server first or alone');
  if (params.gssencmode === 'require') refuse('gssencmode', 'GSSAPI encryption is not available; use SSL');
  if (nonEmpty(params.require_auth) !== undefined) refuse('require_auth', 'remove it to let the server choose the method');
  if (nonEmpty(params.requirepeer) !== undefined) refuse('requirepeer', 'peer credential checks are not available');
  if (params.sslcertmode === 'require') refuse('sslcertmode', 'use sslmode=verify-full with a client certificate instead');
  const minProto = nonEmpty(params.min_protocol_version);
  if (minProto !== undefined && minProto !== '3.0') refuse('min_protocol_version', 'only protocol 3.0 is spoken');
}
