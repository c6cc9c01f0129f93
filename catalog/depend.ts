import type { CatalogContext } from './client.js';
import { FIRST_NORMAL_OID } from './client.js';
import { objectId, type ObjectId } from './objects.js';

export interface DependencyEdge {
  readonly from: ObjectId;
  readonly to: ObjectId;
}

/**
 * Every ordering-relevant pg_depend row between user objects: normal and automatic ones
 * (a sequence's OWNED BY tie is carried by the sequence itself).
 * Internal rows only tie a part to its whole (a row type to its table, a TOAST table, an
 * FK's triggers), which the readers already fold into one object; pin and extension rows
 * never order anything. Catalogs come back as OIDs and are named from one small lookup, so
 * the big query does no per-row work.
 */
export async function readDependencies(ctx: CatalogContext): Promise<DependencyEdge[]> {
  const catalogs = await ctx.client.query<{ oid: string; relname: string }>(
    `SELECT c.oid::int8 AS oid, c.relname::text AS relname FROM pg_catalog.pg_class c
      WHERE c.relnamespace = 'pg_catalog'::pg_catalog.regnamespace AND c.relkind = 'r'`,
  );
  const names = new Map(catalogs.map((c) => [c.oid, c.relname]));
  const rows = await ctx.client.query<{ c: string; o: string; rc: string; ro: string }>(
    `SELECT classid::int8 AS c, objid::int8 AS o, refclassid::int8 AS rc, refobjid::int8 AS ro
       FROM pg_catalog.pg_depend
      WHERE deptype IN ('n', 'a') AND objid >= $1 AND refobjid >= $1
        -- automatic ties to single columns join a part (constraint, index, default,
        -- statistics) to its own table, which the plan models itself; they are two thirds
        -- of pg_depend in a big schema
        AND NOT (deptype = 'a' AND refobjsubid <> 0)`,
    [FIRST_NORMAL_OID],
  );
  const edges: DependencyEdge[] = [];
  for (const r of rows) {
    const from = names.get(r.c);
    const to = names.get(r.rc);
    if (from && to) edges.push({ from: objectId(from, r.o), to: objectId(to, r.ro) });
  }
  return edges;
}
