import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

/** A row-level security policy. */
export interface PolicyObject extends ObjectBase {
  readonly kind: 'policy';
  readonly tableId: string;
  readonly tableName: string;
  /** '*' all, r SELECT, a INSERT, w UPDATE, d DELETE */
  readonly command: '*' | 'r' | 'a' | 'w' | 'd';
  readonly permissive: boolean;
  /** role names; empty means PUBLIC */
  readonly roles: readonly string[];
  readonly using: string | null;
  readonly withCheck: string | null;
}

interface PolicyRow {
  oid: string;
  polname: string;
  schema: string;
  tablename: string;
  relid: string;
  owner: string;
  polcmd: PolicyObject['command'];
  polpermissive: boolean;
  roles: string[] | null;
  qual: string | null;
  withcheck: string | null;
}

export async function readPolicies(ctx: CatalogContext, comments: CommentMap): Promise<PolicyObject[]> {
  const rows = await ctx.client.query<PolicyRow>(
    `SELECT p.oid::int8 AS oid, p.polname, n.nspname AS schema, c.relname AS tablename, c.oid::int8 AS relid,
            pg_catalog.pg_get_userbyid(c.relowner) AS owner, p.polcmd, p.polpermissive,
            (SELECT pg_catalog.array_agg(pg_catalog.pg_get_userbyid(r)::text ORDER BY pg_catalog.pg_get_userbyid(r))
               FROM unnest(p.polroles) r WHERE r <> 0) AS roles,
            pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS qual,
            pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS withcheck
       FROM pg_catalog.pg_policy p
       JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const tableId = objectId('pg_class', r.relid);
    return {
      kind: 'policy',
      id: objectId('pg_policy', oid),
      oid,
      schema: r.schema,
      name: r.polname,
      owner: r.owner,
      acl: null,
      baseAcl: null,
      comment: comments.get(commentKey('pg_policy', oid)) ?? null,
      aliases: [],
      implicitDeps: [tableId],
      tableId,
      tableName: r.tablename,
      command: r.polcmd,
      permissive: r.polpermissive,
      roles: r.roles ?? [],
      using: r.qual,
      withCheck: r.withcheck,
    };
  });
}
