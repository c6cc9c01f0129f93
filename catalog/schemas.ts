import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';

export interface SchemaObject extends ObjectBase {
  readonly kind: 'schema';
  /** the `public` schema (or any other initdb-made schema) exists already in the target */
  readonly preexisting: boolean;
}

interface SchemaRow {
  oid: number;
  nspname: string;
  owner: string;
  acl: string | null;
  baseacl: string | null;
}

/** Schemas the server creates for itself; never part of a dump. */
export const SYSTEM_SCHEMA_FILTER = `n.nspname <> 'information_schema' AND n.nspname !~ '^pg_'`;

export async function readSchemas(ctx: CatalogContext, comments: CommentMap): Promise<SchemaObject[]> {
  const rows = await ctx.client.query<SchemaRow>(
    `SELECT n.oid::int8 AS oid, n.nspname, pg_catalog.pg_get_userbyid(n.nspowner) AS owner,
            n.nspacl::text AS acl,
            CASE WHEN n.nspname = 'public' AND n.oid < ${16384}
                 -- Judge the public schema against the 15+ default for its current owner, as
                 -- pg_dump does (not pg_init_privs): an old server's =UC comes back on a newer
                 -- one, and after ALTER SCHEMA public OWNER the restore's own ALTER ... OWNER
                 -- turns initdb's items into the owner's, so they are not revoked and regranted.
                 -- (makeaclitem takes one privilege before 16: widen the owner's item textually)
                 THEN ARRAY[pg_catalog.replace(pg_catalog.makeaclitem(n.nspowner, n.nspowner, 'USAGE', false)::text,
                                               '=U/', '=UC/')::pg_catalog.aclitem,
                            pg_catalog.makeaclitem(0, n.nspowner, 'USAGE', false)]::text
                 ELSE COALESCE(ip.initprivs, pg_catalog.acldefault('n', n.nspowner))::text END AS baseacl
       FROM pg_catalog.pg_namespace n
       LEFT JOIN pg_catalog.pg_init_privs ip
         ON ip.objoid = n.oid AND ip.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND ip.objsubid = 0
      WHERE ${SYSTEM_SCHEMA_FILTER}
      ORDER BY n.nspname`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'schema',
      id: objectId('pg_namespace', oid),
      oid,
      schema: null,
      name: r.nspname,
      owner: r.owner,
      acl: r.acl,
      baseAcl: r.baseacl,
      comment: comments.get(commentKey('pg_namespace', oid)) ?? null,
      aliases: [],
      implicitDeps: [],
      preexisting: oid < 16384,
    };
  });
}
