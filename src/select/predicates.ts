import type { CatalogClient } from '../../catalog/client.js';
import { SYSTEM_SCHEMA_FILTER } from '../../catalog/schemas.js';
import { DumpError } from '../errors.js';
import type { DumpOptions, RelationInfo } from '../options.js';
import type { Selection } from './resolve.js';

const KIND: Record<string, RelationInfo['kind']> = {
  r: 'table',
  p: 'partitioned table',
  v: 'view',
  m: 'materialized view',
  S: 'sequence',
  f: 'foreign table',
};

function callerError(which: string, e: unknown): DumpError {
  return new DumpError('usage', `the ${which} predicate threw: ${(e as Error)?.message ?? String(e)}`, { cause: e });
}

/**
 * The library's selection predicates (includeTable, includeSchema) on top of the resolved
 * name patterns: what a predicate rejects joins the excluded relations or schemas, so every
 * later stage (locks, object selection, data) treats it exactly like a -T or -N match.
 */
export async function applyPredicates(
  client: CatalogClient,
  selection: Selection,
  options: Pick<DumpOptions, 'includeTable' | 'includeSchema'>,
): Promise<Selection> {
  const { includeTable, includeSchema } = options;
  if (!includeTable && !includeSchema) return selection;
  let excludedSchemas = selection.excludedSchemas;
  if (includeSchema) {
    const rows = await client.query<{ name: string; owner: string }>(
      `SELECT n.nspname AS name, pg_catalog.pg_get_userbyid(n.nspowner) AS owner
         FROM pg_catalog.pg_namespace n WHERE ${SYSTEM_SCHEMA_FILTER} ORDER BY 1`,
    );
    const rejected = new Set(excludedSchemas);
    for (const r of rows) {
      if (rejected.has(r.name) || (selection.schemas !== null && !selection.schemas.has(r.name))) continue;
      let keep: boolean;
      try {
        keep = includeSchema({ name: r.name, owner: r.owner });
      } catch (e) {
        throw callerError('includeSchema', e);
      }
      if (!keep) rejected.add(r.name);
    }
    excludedSchemas = rejected;
  }
  const excludedTables = selection.excludedTables;
  if (includeTable) {
    const rows = await client.query<{ oid: number; schema: string; name: string; kind: string; owner: string }>(
      `SELECT c.oid::int8 AS oid, n.nspname AS schema, c.relname AS name, c.relkind AS kind,
              pg_catalog.pg_get_userbyid(c.relowner) AS owner
         FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND ${SYSTEM_SCHEMA_FILTER}
        ORDER BY 2, 3`,
    );
    for (const r of rows) {
      const oid = Number(r.oid);
      // Only what the patterns selected is offered.
      if (excludedTables.hasOid(oid) || excludedSchemas.has(r.schema)) continue;
      if (selection.tables !== null ? !selection.tables.hasOid(oid) : selection.schemas !== null && !selection.schemas.has(r.schema)) continue;
      let keep: boolean;
      try {
        keep = includeTable({ schema: r.schema, name: r.name, kind: KIND[r.kind]!, owner: r.owner });
      } catch (e) {
        throw callerError('includeTable', e);
      }
      // The selection is this dump's own: its excluded set grows in place.
      if (!keep) excludedTables.add({ oid, schema: r.schema, name: r.name });
    }
  }
  return { ...selection, excludedSchemas, excludedTables };
}
