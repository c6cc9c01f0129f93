import type { CatalogContext } from './client.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

/**
 * A column DEFAULT. Printed inside CREATE TABLE unless that would close a dependency loop
 * (serial columns: the default needs the sequence, the sequence is OWNED BY the table) or
 * the column belongs to a view; then it becomes `ALTER TABLE ... SET DEFAULT`.
 */
export interface ColumnDefaultObject extends ObjectBase {
  readonly kind: 'column-default';
  readonly tableId: string;
  readonly tableName: string;
  readonly tableOnView: boolean;
  readonly column: string;
  readonly expression: string;
}

interface DefaultRow {
  oid: string;
  relid: string;
  relkind: string;
  schema: string;
  tablename: string;
  owner: string;
  attname: string;
  expr: string;
}

export async function readColumnDefaults(ctx: CatalogContext): Promise<ColumnDefaultObject[]> {
  const rows = await ctx.client.query<DefaultRow>(
    `SELECT ad.oid::int8 AS oid, c.oid::int8 AS relid, c.relkind, n.nspname AS schema, c.relname AS tablename,
            pg_catalog.pg_get_userbyid(c.relowner) AS owner,
            a.attname, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS expr
       FROM pg_catalog.pg_attrdef ad
       JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
       JOIN pg_catalog.pg_class c ON c.oid = ad.adrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE a.attgenerated = '' AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'f')
        AND ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const tableId = objectId('pg_class', r.relid);
    return {
      kind: 'column-default',
      id: objectId('pg_attrdef', oid),
      oid,
      schema: r.schema,
      name: `${r.tablename} ${r.attname}`,
      owner: r.owner,
      acl: null,
      baseAcl: null,
      comment: null,
      aliases: [],
      implicitDeps: [tableId],
      tableId,
      tableName: r.tablename,
      tableOnView: r.relkind === 'v',
      column: r.attname,
      expression: r.expr,
    };
  });
}
