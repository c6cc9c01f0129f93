import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

/** A rewrite rule other than a view's _RETURN rule (those are the view itself). */
export interface RuleObject extends ObjectBase {
  readonly kind: 'rule';
  readonly tableId: string;
  readonly tableName: string;
  readonly relkind: string;
  /** CREATE RULE ... as pg_get_ruledef renders it, without the final semicolon */
  readonly definition: string;
  /** O enabled, D disabled, R replica, A always */
  readonly enabled: 'O' | 'D' | 'R' | 'A';
}

interface RuleRow {
  oid: string;
  rulename: string;
  schema: string;
  tablename: string;
  relid: string;
  relkind: string;
  owner: string;
  def: string;
  ev_enabled: RuleObject['enabled'];
}

export async function readRules(ctx: CatalogContext, comments: CommentMap): Promise<RuleObject[]> {
  const rows = await ctx.client.query<RuleRow>(
    `SELECT r.oid::int8 AS oid, r.rulename, n.nspname AS schema, c.relname AS tablename, c.oid::int8 AS relid,
            c.relkind, pg_catalog.pg_get_userbyid(c.relowner) AS owner,
            pg_catalog.pg_get_ruledef(r.oid) AS def, r.ev_enabled
       FROM pg_catalog.pg_rewrite r
       JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE r.rulename <> '_RETURN' AND ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const tableId = objectId('pg_class', r.relid);
    return {
      kind: 'rule',
      id: objectId('pg_rewrite', oid),
      oid,
      schema: r.schema,
      name: r.rulename,
      owner: r.owner,
      acl: null,
      baseAcl: null,
      comment: comments.get(commentKey('pg_rewrite', oid)) ?? null,
      aliases: [],
      implicitDeps: [tableId],
      tableId,
      tableName: r.tablename,
      relkind: r.relkind,
      definition: r.def.trim().replace(/;$/, ''),
      enabled: r.ev_enabled,
    };
  });
}
