import type pg from 'pg';
import { DumpError } from '../errors.js';
import { quoteIdent, quoteLiteral } from '../sql/quote.js';
import { MAX_TESTED_SERVER_VERSION, MIN_SERVER_VERSION } from '../sql/version.js';

export interface SessionOptions {
  readonly serializableDeferrable?: boolean;
  /** a snapshot exported by another session (pg_export_snapshot) */
  readonly snapshot?: string;
  readonly role?: string;
  readonly lockWaitTimeout?: string;
  readonly enableRowSecurity?: boolean;
  readonly extraFloatDigits?: number;
  /** the server quotes every identifier it renders (pg_get_viewdef, format_type, ...) */
  readonly quoteAllIdentifiers?: boolean;
}

export interface SessionInfo {
  readonly version: number;
  readonly versionString: string;
  readonly encoding: string;
  readonly database: string;
}

/** The flags whose values become session settings, by setting name. */
const OPTION_OF_SETTING: Record<string, string> = {
  lock_timeout: '--lock-wait-timeout',
  extra_float_digits: '--extra-float-digits',
};

/** A setting the server refused came from a flag: a usage error naming the flag. */
function optionError(e: unknown): unknown {
  const err = e as { code?: string; message?: string };
  const setting = /parameter "([a-z_]+)"/.exec(err.message ?? '')?.[1];
  const flag = setting !== undefined ? OPTION_OF_SETTING[setting] : undefined;
  if (flag === undefined || !['22023', '22P02', '22003'].includes(err.code ?? '')) return e;
  return new DumpError('usage', `invalid value for ${flag}: ${err.message}`, { cause: e });
}

/**
 * Opens the one transaction the whole dump reads from. Every setting is made with
 * SET LOCAL inside it, so nothing leaks into a pooled server connection, and nothing uses
 * server-side prepared statements.
 */
export async function beginDumpSession(client: pg.Client, opts: SessionOptions): Promise<SessionInfo> {
  const info = await client.query<{ v: string; vs: string; enc: string; db: string }>(
    `SELECT current_setting('server_version_num') AS v, current_setting('server_version') AS vs,
            pg_catalog.pg_encoding_to_char(d.encoding) AS enc, d.datname AS db
       FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()`,
  );
  const row = info.rows[0]!;
  const version = Number(row.v);
  if (version < MIN_SERVER_VERSION) {
    throw new DumpError(
      'server-version',
      `server version ${row.vs} is not supported: pgdump-ts dumps PostgreSQL 13 to ${Math.floor(MAX_TESTED_SERVER_VERSION / 10000)}`,
    );
  }
  const isolation = opts.serializableDeferrable
    ? 'SERIALIZABLE, READ ONLY, DEFERRABLE'
    : 'REPEATABLE READ, READ ONLY';
  await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
  if (opts.snapshot) {
    await client.query(`SET TRANSACTION SNAPSHOT ${quoteLiteral(opts.snapshot)}`);
  }
  const settings: [string, string][] = [
    ['search_path', 'pg_catalog'],
    ['DateStyle', 'ISO'],
    ['IntervalStyle', 'postgres'],
    ['extra_float_digits', String(opts.extraFloatDigits ?? 3)],
    ['synchronize_seqscans', 'off'],
    ['statement_timeout', '0'],
    ['lock_timeout', opts.lockWaitTimeout ?? '0'],
    ['idle_in_transaction_session_timeout', '0'],
    ['row_security', opts.enableRowSecurity ? 'on' : 'off'],
  ];
  if (version >= 170000) settings.push(['transaction_timeout', '0']);
  if (opts.quoteAllIdentifiers) settings.push(['quote_all_identifiers', 'on']);
  const sql = settings.map(([k, v]) => `SET LOCAL ${k} = ${quoteLiteral(v)}`).join('; ');
  await client.query(sql).catch((e: unknown) => {
    throw optionError(e);
  });
  if (opts.role) {
    await client.query(`SET LOCAL ROLE ${quoteIdent(opts.role)}`).catch((e: unknown) => {
      const err = e as { code?: string; message?: string };
      if (err.code === '42704' || /^role ".*" does not exist$/.test(err.message ?? '')) throw new DumpError('not-found', `role "${opts.role}" given with --role does not exist`, { cause: e });
      if (err.code === '42501') throw new DumpError('permission', `cannot SET ROLE to "${opts.role}" given with --role: ${err.message}; the connecting user must be a member of it`, { cause: e });
      throw e;
    });
  }
  return { version, versionString: row.vs, encoding: row.enc, database: row.db };
}
