import type { QueryResultRow } from 'pg';

/**
 * What the catalog readers need from a connection: run one query and get rows back.
 * A wrapper, not `pg.Client` itself, so tests can count queries and the dump can name
 * the failing reader in its error.
 */
export interface CatalogClient {
  query<T extends QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

export interface CatalogContext {
  readonly client: CatalogClient;
  /** server_version_num, e.g. 150004 */
  readonly version: number;
}

/** Objects below this OID were created by initdb; they are never dumped themselves. */
export const FIRST_NORMAL_OID = 16384;
