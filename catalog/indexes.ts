import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

/** An index that does not back a constraint (those are dumped by their constraint). */
export interface IndexObject extends ObjectBase {
  readonly kind: 'index';
  readonly tableId: string;
  readonly tableName: string;
  readonly definition: string;
  readonly clustered: boolean;
  readonly tablespace: string | null;
  /** REPLICA IDENTITY USING INDEX */
  readonly replicaIdentity: boolean;
  /** per-column statistics targets of expression columns: [column number, target] */
  readonly columnStatistics: readonly (readonly [number, number])[];
}

interface IndexRow {
  oid: string;
  schema: string;
  name: string;
  tablename: string;
  relid: string;
  owner: string;
  def: string;
  indisclustered: boolean;
  indisreplident: boolean;
  tablespace: string | null;
  stats: [number, number][] | null;
}

export async function readIndexes(ctx: CatalogContext, comments: CommentMap): Promise<IndexObject[]> {
  const rows = await ctx.client.query<IndexRow>(
    `SELECT ic.oid::int8 AS oid, n.nspname AS schema, ic.relname AS name, c.relname AS tablename,
            c.oid::int8 AS relid, pg_catalog.pg_get_userbyid(c.relowner) AS owner,
            pg_catalog.pg_get_indexdef(i.indexrelid) AS def, i.indisclustered, i.indisreplident, ts.spcname AS tablespace,
            (SELECT pg_catalog.json_agg(json_build_array(a.attnum, a.attstattarget) ORDER BY a.attnum)
               FROM pg_catalog.pg_attribute a
              WHERE a.attrelid = i.indexrelid AND a.attstattarget >= 0) AS stats
       FROM pg_catalog.pg_index i
       JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = ic.reltablespace
      WHERE c.relkind IN ('r', 'p', 'm') AND ${SYSTEM_SCHEMA_FILTER}
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co
                         WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const tableId = objectId('pg_class', r.relid);
    return {
      kind: 'index',
      id: objectId('pg_class', oid),
      oid,
      schema: r.schema,
      name: r.name,
      owner: r.owner,
      acl: null,
      baseAcl: null,
      comment: comments.get(commentKey('pg_class', oid)) ?? null,
      aliases: [],
      implicitDeps: [tableId],
      tableId,
      tableName: r.tablename,
      definition: r.def,
      clustered: r.indisclustered,
      tablespace: r.tablespace,
      replicaIdentity: r.indisreplident,
      columnStatistics: r.stats ?? [],
    };
  });
}
