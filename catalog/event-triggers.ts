import type { CatalogContext } from './client.js';
import { FIRST_NORMAL_OID } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import type { QualifiedName } from './ts-common.js';

/** CREATE EVENT TRIGGER: database-wide, not in a schema. */
export interface EventTriggerObject extends ObjectBase {
  readonly kind: 'event-trigger';
  /** ddl_command_start, ddl_command_end, sql_drop, table_rewrite, login (17+) */
  readonly event: string;
  /** command tags of WHEN TAG IN (...), upper case as stored; empty when unfiltered */
  readonly tags: readonly string[];
  readonly func: QualifiedName;
  /** O enabled (origin/local), D disabled, R replica, A always */
  readonly enabled: 'O' | 'D' | 'R' | 'A';
}

interface EventTriggerRow {
  oid: string;
  name: string;
  owner: string;
  event: string;
  tags: string[] | null;
  foid: string;
  fschema: string;
  fname: string;
  enabled: EventTriggerObject['enabled'];
}

export async function readEventTriggers(ctx: CatalogContext, comments: CommentMap): Promise<EventTriggerObject[]> {
  const rows = await ctx.client.query<EventTriggerRow>(
    `SELECT e.oid::int8 AS oid, e.evtname AS name, pg_catalog.pg_get_userbyid(e.evtowner) AS owner,
            e.evtevent AS event, e.evttags::text[] AS tags, f.oid::int8 AS foid,
            fn.nspname AS fschema, f.proname AS fname, e.evtenabled AS enabled
       FROM pg_catalog.pg_event_trigger e
       JOIN pg_catalog.pg_proc f ON f.oid = e.evtfoid
       JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
      WHERE e.oid >= $1`,
    [FIRST_NORMAL_OID],
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'event-trigger',
      ...baseFields('pg_event_trigger', oid, { ...r, schema: null }, comments.get(commentKey('pg_event_trigger', oid)) ?? null),
      aliases: [],
      implicitDeps: [objectId('pg_proc', r.foid)],
      event: r.event,
      tags: r.tags ?? [],
      func: { schema: r.fschema, name: r.fname },
      enabled: r.enabled,
    };
  });
}
