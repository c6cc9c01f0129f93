import type { CatalogContext } from './client.js';
import { FIRST_NORMAL_OID } from './client.js';
import { objectId, type ObjectId } from './objects.js';

export interface DependencyEdge {
  readonly from: ObjectId;
  readonly to: ObjectId;
}

/**
 * Every ordering-relevant pg_depend row between user objects. Pin and extension-membership
 * rows are left out: the first never involve dumpable objects, the second mean "not dumped".
 */
export async function readDependencies(ctx: CatalogContext): Promise<DependencyEdge[]> {
  const rows = await ctx.client.query<{ c: string; o: string; rc: string; ro: string }>(
    `SELECT classid::regclass::text AS c, objid::int8 AS o, refclassid::regclass::text AS rc, refobjid::int8 AS ro
       FROM pg_catalog.pg_depend
      WHERE deptype IN ('n', 'a', 'i') AND objid >= $1 AND refobjid >= $1`,
    [FIRST_NORMAL_OID],
  );
  return rows.map((r) => ({ from: objectId(r.c, r.o), to: objectId(r.rc, r.ro) }));
}
