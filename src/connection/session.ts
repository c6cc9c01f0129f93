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
  await client.query(sql);
  if (opts.role) await client.query(`SET LOCAL ROLE ${quoteIdent(opts.role)}`);
  return { version, versionString: row.vs, encoding: row.enc, database: row.db };
}
