import type { CatalogContext } from './client.js';
import { FIRST_NORMAL_OID } from './client.js';
import { objectId } from './objects.js';

/** One `SECURITY LABEL FOR provider ON ... IS label` of an object or one of its columns. */
export interface SecurityLabel {
  readonly provider: string;
  readonly label: string;
  /** the column's name for a label on a column (objsubid > 0), else null */
  readonly column: string | null;
}

/** Labels by object id (`<catalog>:<oid>`), the object's own first, then its columns by number. */
export type SecurityLabelMap = ReadonlyMap<string, readonly SecurityLabel[]>;

interface LabelRow {
  catalog: string;
  objoid: string;
  attname: string | null;
  provider: string;
  label: string;
}

/**
 * Reads pg_seclabel once for the whole database. Shared objects (databases, roles,
 * tablespaces) live in pg_shseclabel and are read with them. The public schema and large
 * objects can carry labels below the normal OID range only as user objects do, so the
 * filter keeps them.
 */
export async function readSecurityLabels(ctx: CatalogContext): Promise<SecurityLabelMap> {
  const rows = await ctx.client.query<LabelRow>(
    `SELECT (SELECT k.relname FROM pg_catalog.pg_class k WHERE k.oid = l.classoid)::text AS catalog,
            l.objoid::int8 AS objoid, a.attname, l.provider, l.label
       FROM pg_catalog.pg_seclabel l
       LEFT JOIN pg_catalog.pg_attribute a
         ON l.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND a.attrelid = l.objoid AND a.attnum = l.objsubid
      WHERE (l.objoid >= $1 OR l.classoid IN ('pg_catalog.pg_namespace'::pg_catalog.regclass, 'pg_catalog.pg_largeobject'::pg_catalog.regclass))
        AND (l.objsubid = 0 OR a.attname IS NOT NULL)
      ORDER BY l.classoid, l.objoid, l.objsubid, l.provider`,
    [FIRST_NORMAL_OID],
  );
  const map = new Map<string, SecurityLabel[]>();
  for (const r of rows) {
    // Labels name large objects by pg_largeobject; our large-object ids use the metadata catalog.
    const catalog = r.catalog === 'pg_largeobject' ? 'pg_largeobject_metadata' : r.catalog;
    const id = objectId(catalog, Number(r.objoid));
    let list = map.get(id);
    if (!list) map.set(id, (list = []));
    list.push({ provider: r.provider, label: r.label, column: r.attname });
  }
  return map;
}
