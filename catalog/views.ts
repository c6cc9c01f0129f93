import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';
import type { Column } from './tables.js';

/** A view ('v') or materialized view ('m'). */
export interface ViewObject extends ObjectBase {
  readonly kind: 'view';
  readonly relkind: 'v' | 'm';
  /** the SELECT, from pg_get_viewdef, without the trailing semicolon */
  readonly query: string;
  /** reloptions minus check_option, which is spelled WITH ... CHECK OPTION */
  readonly options: readonly string[];
  readonly checkOption: 'local' | 'cascaded' | null;
  readonly populated: boolean;
  readonly tablespace: string | null;
  readonly accessMethod: string | null;
  readonly columns: readonly Column[];
}

interface ViewRow {
  oid: string;
  schema: string;
  name: string;
  owner: string;
  acl: string | null;
  baseacl: string;
  nspoid: string;
  relkind: 'v' | 'm';
  reltype: string;
  reloptions: string[] | null;
  relispopulated: boolean;
  viewdef: string;
  rewriteoid: string | null;
  tablespace: string | null;
  amname: string | null;
}

export async function readViews(
  ctx: CatalogContext,
  comments: CommentMap,
  columns: ReadonlyMap<number, Column[]>,
): Promise<ViewObject[]> {
  const rows = await ctx.client.query<ViewRow>(
    `SELECT c.oid::int8 AS oid, n.nspname AS schema, c.relname AS name, n.oid::int8 AS nspoid,
            pg_catalog.pg_get_userbyid(c.relowner) AS owner, c.relacl::text AS acl,
            pg_catalog.acldefault('r', c.relowner)::text AS baseacl,
            c.relkind, c.reltype::int8 AS reltype, c.reloptions, c.relispopulated,
            pg_catalog.pg_get_viewdef(c.oid) AS viewdef,
            (SELECT r.oid::int8 FROM pg_catalog.pg_rewrite r
              WHERE r.ev_class = c.oid AND r.rulename = '_RETURN') AS rewriteoid,
            ts.spcname AS tablespace, am.amname
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = c.reltablespace
       LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam
      WHERE c.relkind IN ('v', 'm') AND ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const opts = r.reloptions ?? [];
    const check = opts.find((o) => o.startsWith('check_option='));
    const aliases = [objectId('pg_type', r.reltype)];
    if (r.rewriteoid) aliases.push(objectId('pg_rewrite', r.rewriteoid));
    return {
      kind: 'view',
      ...baseFields('pg_class', oid, r, comments.get(commentKey('pg_class', oid)) ?? null),
      aliases,
      implicitDeps: [objectId('pg_namespace', r.nspoid)],
      relkind: r.relkind,
      query: r.viewdef.replace(/;\s*$/, ''),
      options: opts.filter((o) => !o.startsWith('check_option=')),
      checkOption: check ? (check.slice('check_option='.length) as 'local' | 'cascaded') : null,
      populated: r.relispopulated,
      tablespace: r.tablespace,
      accessMethod: r.relkind === 'm' ? r.amname : null,
      columns: columns.get(oid) ?? [],
    };
  });
}
