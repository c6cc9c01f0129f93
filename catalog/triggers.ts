import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

export interface TriggerObject extends ObjectBase {
  readonly kind: 'trigger';
  readonly tableId: string;
  readonly tableName: string;
  readonly relkind: string;
  /** CREATE [CONSTRAINT] TRIGGER ... from pg_get_triggerdef */
  readonly definition: string;
  /** O enabled (origin/local), D disabled, R replica, A always */
  readonly enabled: 'O' | 'D' | 'R' | 'A';
  /**
   * A partition's copy of its parent's trigger whose enabled state was changed on its own:
   * only that state is dumped (the copy itself comes back with the parent's trigger).
   */
  readonly clonedStateOnly: boolean;
}

interface TriggerRow {
  oid: string;
  tgname: string;
  schema: string;
  tablename: string;
  relid: string;
  relkind: string;
  owner: string;
  def: string;
  tgenabled: TriggerObject['enabled'];
  parentoid: string;
}

/** User triggers; internal ones (FK enforcement) come back with their constraint, clones with their parent. */
export async function readTriggers(ctx: CatalogContext, comments: CommentMap): Promise<TriggerObject[]> {
  const rows = await ctx.client.query<TriggerRow>(
    `SELECT t.oid::int8 AS oid, t.tgname, n.nspname AS schema, c.relname AS tablename, c.oid::int8 AS relid,
            c.relkind, pg_catalog.pg_get_userbyid(c.relowner) AS owner,
            pg_catalog.pg_get_triggerdef(t.oid, false) AS def, t.tgenabled, t.tgparentid::int8 AS parentoid
       FROM pg_catalog.pg_trigger t
       JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_trigger pt ON pt.oid = t.tgparentid
      WHERE ${SYSTEM_SCHEMA_FILTER}
        AND ((NOT t.tgisinternal AND t.tgparentid = 0)
             -- clones are internal before 15; their state matters only where it differs
             OR (t.tgparentid <> 0 AND t.tgenabled <> pt.tgenabled
                 AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint fk
                                  WHERE fk.oid = t.tgconstraint AND fk.contype = 'f')))`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const tableId = objectId('pg_class', r.relid);
    return {
      kind: 'trigger',
      id: objectId('pg_trigger', oid),
      oid,
      schema: r.schema,
      name: r.tgname,
      owner: r.owner,
      acl: null,
      baseAcl: null,
      comment: comments.get(commentKey('pg_trigger', oid)) ?? null,
      aliases: [],
      implicitDeps: Number(r.parentoid) !== 0 ? [tableId, objectId('pg_trigger', r.parentoid)] : [tableId],
      tableId,
      tableName: r.tablename,
      relkind: r.relkind,
      definition: r.def,
      enabled: r.tgenabled,
      clonedStateOnly: Number(r.parentoid) !== 0,
    };
  });
}
