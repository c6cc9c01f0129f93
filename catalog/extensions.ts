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
  /**
   * Tables the extension registered with pg_extension_config_dump(): their rows (those
   * matching the condition, a WHERE clause or '') are user data and are dumped.
   */
  readonly configTables: readonly { readonly id: string; readonly condition: string }[];
}

interface ExtensionRow {
  oid: number;
  extname: string;
  nspname: string;
  extversion: string;
  extrelocatable: boolean;
  config: string[] | null;
  conditions: string[] | null;
}

/** Extensions made by initdb (plpgsql) exist in every target, so they are not dumped. */
export async function readExtensions(ctx: CatalogContext, comments: CommentMap): Promise<ExtensionObject[]> {
  const rows = await ctx.client.query<ExtensionRow>(
    `SELECT x.oid::int8 AS oid, x.extname, n.nspname, x.extversion, x.extrelocatable,
            x.extconfig::int8[]::text[] AS config, x.extcondition AS conditions
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
      configTables: (r.config ?? []).map((relid, i) => ({
        id: objectId('pg_class', relid),
        condition: r.conditions?.[i] ?? '',
      })),
    };
  });
}

/**
 * Objects created by an extension's script, mapped to their extension: dumped by CREATE
 * EXTENSION, not by us, and anything that needs one of them needs the extension.
 */
export async function readExtensionMembers(ctx: CatalogContext): Promise<Map<string, string>> {
  const rows = await ctx.client.query<{ catalog: string; objid: string; extoid: string }>(
    `SELECT (SELECT k.relname FROM pg_catalog.pg_class k WHERE k.oid = classid)::text AS catalog, objid::int8 AS objid, refobjid::int8 AS extoid
       FROM pg_catalog.pg_depend
      WHERE deptype = 'e' AND refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass`,
  );
  return new Map(rows.map((r) => [objectId(r.catalog, r.objid), objectId('pg_extension', r.extoid)]));
}
