import type { Selection } from './resolve.js';

/**
 * Whether a plain or partitioned table gets its ACCESS SHARE lock: only tables whose definition
 * or data is dumped are locked, as in pg_dump, so excluding a table one cannot lock (-T,
 * -N, or not matching -t/-n) lets the dump run.
 */
export function tableLockWanted(sel: Selection, schema: string, name: string): boolean {
  if (sel.excludedTables.hasName(schema, name)) return false;
  if (sel.tables !== null) return sel.tables.hasName(schema, name);
  if (sel.schemas !== null && !sel.schemas.has(schema)) return false;
  return !sel.excludedSchemas.has(schema);
}
