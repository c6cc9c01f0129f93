import type { CatalogContext } from './client.js';
import { FIRST_NORMAL_OID } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';

export interface ExtensionObject extends ObjectBase {
  readonly kind: 'extension';
  readonly version: string;
  readonly relocatable: boolean;
}

interface ExtensionRow {
  oid: number;
  extname: string;
  nspname: string;
  extversion: string;
  extrelocatable: boolean;
}

/** Extensions made by initdb (plpgsql) exist in every target, so they are not dumped. */
export async function readExtensions(ctx: CatalogContext, comments: CommentMap): Promise<ExtensionObject[]> {
  const rows = await ctx.client.query<ExtensionRow>(
    `SELECT x.oid::int8 AS oid, x.extname, n.nspname, x.extversion, x.extrelocatable
       FROM pg_catalog.pg_extension x
       JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
      WHERE x.oid >= $1
      ORDER BY x.extname`,
    [FIRST_NORMAL_OID],
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'extension',
      id: objectId('pg_extension', oid),
      oid,
      schema: r.nspname,
      name: r.extname,
      owner: null,
      acl: null,
      baseAcl: null,
      comment: comments.get(commentKey('pg_extension', oid)) ?? null,
      aliases: [],
      implicitDeps: [],
      version: r.extversion,
      relocatable: r.extrelocatable,
    };
  });
}

/** Objects created by an extension's script: dumped by CREATE EXTENSION, not by us. */
export async function readExtensionMembers(ctx: CatalogContext): Promise<Set<string>> {
  const rows = await ctx.client.query<{ catalog: string; objid: number }>(
    `SELECT classid::regclass::text AS catalog, objid::int8 AS objid
       FROM pg_catalog.pg_depend WHERE deptype = 'e'`,
  );
  return new Set(rows.map((r) => objectId(r.catalog, Number(r.objid))));
}
