import type { CatalogContext } from './client.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

/**
 * One table of a publication (ALTER PUBLICATION ... ADD TABLE), kept apart from the
 * publication like pg_dump's PUBLICATION TABLE entries; `name` is the table's, as there.
 */
export interface PublicationTableObject extends ObjectBase {
  readonly kind: 'publication-table';
  readonly publication: string;
  readonly tableId: string;
  readonly tableName: string;
  /** 15+: the column list, in column order; null publishes every column */
  readonly columns: readonly string[] | null;
  /** 15+: the row filter as pg_get_expr prints it */
  readonly where: string | null;
}

interface PublicationTableRow {
  oid: string;
  pubname: string;
  pubid: string;
  owner: string;
  relid: string;
  schema: string;
  tablename: string;
  cols: string[] | null;
  qual: string | null;
}

export async function readPublicationTables(ctx: CatalogContext): Promise<PublicationTableObject[]> {
  const v15 = ctx.version >= 150000;
  const rows = await ctx.client.query<PublicationTableRow>(
    `SELECT pr.oid::int8 AS oid, p.pubname, p.oid::int8 AS pubid, pg_catalog.pg_get_userbyid(p.pubowner) AS owner,
            c.oid::int8 AS relid, n.nspname AS schema, c.relname AS tablename,
            ${v15 ? `(SELECT pg_catalog.array_agg(a.attname::text ORDER BY k.n)
               FROM pg_catalog.unnest(pr.prattrs::pg_catalog.int2[]) WITH ORDINALITY k(attnum, n)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = pr.prrelid AND a.attnum = k.attnum)` : 'NULL'} AS cols,
            ${v15 ? 'pg_catalog.pg_get_expr(pr.prqual, pr.prrelid)' : 'NULL'} AS qual
       FROM pg_catalog.pg_publication_rel pr
       JOIN pg_catalog.pg_publication p ON p.oid = pr.prpubid
       JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const tableId = objectId('pg_class', r.relid);
    return {
      kind: 'publication-table',
      id: objectId('pg_publication_rel', oid),
      oid,
      schema: r.schema,
      name: r.tablename,
      owner: r.owner,
      acl: null,
      baseAcl: null,
      comment: null,
      aliases: [],
      implicitDeps: [objectId('pg_publication', r.pubid), tableId],
      publication: r.pubname,
      tableId,
      tableName: r.tablename,
      columns: r.cols && r.cols.length ? r.cols : null,
      where: r.qual,
    };
  });
}
