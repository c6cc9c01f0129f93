import type { CatalogContext } from './client.js';
import { FIRST_NORMAL_OID } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields } from './objects.js';

export interface AccessMethodObject extends ObjectBase {
  readonly kind: 'access-method';
  /** i index, t table */
  readonly amtype: 'i' | 't';
  /** handler as regproc text: qualified when not on the dump's search_path */
  readonly handler: string;
}

interface AccessMethodRow {
  oid: string;
  name: string;
  amtype: 'i' | 't';
  handler: string;
}

/** User-created access methods; they have no schema, owner or privileges. */
export async function readAccessMethods(ctx: CatalogContext, comments: CommentMap): Promise<AccessMethodObject[]> {
  const rows = await ctx.client.query<AccessMethodRow>(
    `SELECT a.oid::int8 AS oid, a.amname AS name, a.amtype, a.amhandler::pg_catalog.regproc::text AS handler
       FROM pg_catalog.pg_am a
      WHERE a.oid >= $1`,
    [FIRST_NORMAL_OID],
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'access-method',
      ...baseFields('pg_am', oid, { schema: null, name: r.name }, comments.get(commentKey('pg_am', oid)) ?? null),
      aliases: [],
      implicitDeps: [],
      amtype: r.amtype,
      handler: r.handler,
    };
  });
}
