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
            COALESCE(ip.initprivs, pg_catalog.acldefault('n', n.nspowner))::text AS baseacl
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
