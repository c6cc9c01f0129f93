import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';

/** A large object's metadata: it is created (lo_create) before the data is written into it. */
export interface LargeObjectObject extends ObjectBase {
  readonly kind: 'large-object';
}

interface LargeObjectRow {
  oid: string;
  owner: string;
  acl: string | null;
  baseacl: string;
}

export async function readLargeObjects(ctx: CatalogContext, comments: CommentMap): Promise<LargeObjectObject[]> {
  const rows = await ctx.client.query<LargeObjectRow>(
    `SELECT l.oid::int8 AS oid, pg_catalog.pg_get_userbyid(l.lomowner) AS owner, l.lomacl::text AS acl,
            pg_catalog.acldefault('L', l.lomowner)::text AS baseacl
       FROM pg_catalog.pg_largeobject_metadata l
      ORDER BY l.oid`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'large-object',
      id: objectId('pg_largeobject_metadata', oid),
      oid,
      schema: null,
      name: String(oid),
      owner: r.owner,
      acl: r.acl,
      baseAcl: r.baseacl,
      comment: comments.get(commentKey('pg_largeobject', oid)) ?? null,
      aliases: [],
      implicitDeps: [],
    };
  });
}
