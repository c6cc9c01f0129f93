import type { CatalogContext } from './client.js';
import { FIRST_NORMAL_OID } from './client.js';

/** Comments keyed `<catalog>:<oid>:<subid>`; read once for the whole database. */
export type CommentMap = ReadonlyMap<string, string>;

export function commentKey(catalog: string, oid: number, subid = 0): string {
  return `${catalog}:${oid}:${subid}`;
}

interface CommentRow {
  catalog: string;
  objoid: number;
  objsubid: number;
  description: string;
}

export async function readComments(ctx: CatalogContext): Promise<CommentMap> {
  const rows = await ctx.client.query<CommentRow>(
    `SELECT (SELECT k.relname FROM pg_catalog.pg_class k WHERE k.oid = classoid)::text AS catalog, objoid::int8 AS objoid, objsubid, description
       FROM pg_catalog.pg_description
      WHERE objoid >= $1
         OR classoid IN ('pg_catalog.pg_namespace'::pg_catalog.regclass, 'pg_catalog.pg_largeobject'::pg_catalog.regclass)
     UNION ALL
     SELECT (SELECT k.relname FROM pg_catalog.pg_class k WHERE k.oid = classoid)::text, objoid::int8, 0, description
       FROM pg_catalog.pg_shdescription
      WHERE objoid >= $1`,
    [FIRST_NORMAL_OID],
  );
  const map = new Map<string, string>();
  for (const r of rows) map.set(commentKey(r.catalog, Number(r.objoid), r.objsubid), r.description);
  return map;
}
