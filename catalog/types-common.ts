import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

/**
 * Shared SELECT list and filter for pg_type-based kinds (enum, composite, domain, range):
 * identity, owner, ACL against its default, and the array type whose pg_depend rows
 * belong to the same dumped object.
 */
export const TYPE_COLUMNS = `t.oid::int8 AS oid, n.nspname AS schema, t.typname AS name,
  pg_catalog.pg_get_userbyid(t.typowner) AS owner, t.typacl::text AS acl,
  pg_catalog.acldefault('T', t.typowner)::text AS baseacl, t.typarray::int8 AS typarray,
  n.oid::int8 AS nspoid`;

export const TYPE_FROM = `pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace`;

export const TYPE_FILTER = `${SYSTEM_SCHEMA_FILTER}`;

export interface TypeRow {
  oid: string;
  schema: string;
  name: string;
  owner: string;
  acl: string | null;
  baseacl: string;
  typarray: string;
  nspoid: string;
}
