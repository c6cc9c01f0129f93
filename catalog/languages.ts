import type { CatalogContext } from './client.js';
import { FIRST_NORMAL_OID } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';

/** A support function of a language, by schema and name (its signature is fixed). */
export interface LanguageFunction {
  readonly schema: string;
  readonly name: string;
}

export interface LanguageObject extends ObjectBase {
  readonly kind: 'language';
  readonly trusted: boolean;
  readonly handler: LanguageFunction;
  readonly inline: LanguageFunction | null;
  readonly validator: LanguageFunction | null;
}

interface LanguageRow {
  oid: string;
  name: string;
  owner: string;
  acl: string | null;
  baseacl: string;
  trusted: boolean;
  hschema: string;
  hname: string;
  ischema: string | null;
  iname: string | null;
  vschema: string | null;
  vname: string | null;
}

/**
 * Procedural languages created by hand. plpgsql (and any language an extension made) is an
 * extension member and is dropped with the other members; internal, c and sql are not PLs.
 */
export async function readLanguages(ctx: CatalogContext, comments: CommentMap): Promise<LanguageObject[]> {
  const rows = await ctx.client.query<LanguageRow>(
    `SELECT l.oid::int8 AS oid, l.lanname AS name, pg_catalog.pg_get_userbyid(l.lanowner) AS owner,
            l.lanacl::text AS acl, pg_catalog.acldefault('l', l.lanowner)::text AS baseacl,
            l.lanpltrusted AS trusted,
            hn.nspname AS hschema, h.proname AS hname,
            inn.nspname AS ischema, i.proname AS iname,
            vn.nspname AS vschema, v.proname AS vname
       FROM pg_catalog.pg_language l
       JOIN pg_catalog.pg_proc h ON h.oid = l.lanplcallfoid
       JOIN pg_catalog.pg_namespace hn ON hn.oid = h.pronamespace
       LEFT JOIN pg_catalog.pg_proc i ON i.oid = l.laninline
       LEFT JOIN pg_catalog.pg_namespace inn ON inn.oid = i.pronamespace
       LEFT JOIN pg_catalog.pg_proc v ON v.oid = l.lanvalidator
       LEFT JOIN pg_catalog.pg_namespace vn ON vn.oid = v.pronamespace
      WHERE l.lanispl AND l.oid >= $1`,
    [FIRST_NORMAL_OID],
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'language',
      id: objectId('pg_language', oid),
      oid,
      schema: null,
      name: r.name,
      owner: r.owner,
      acl: r.acl,
      baseAcl: r.baseacl,
      comment: comments.get(commentKey('pg_language', oid)) ?? null,
      aliases: [],
      implicitDeps: [],
      trusted: r.trusted,
      handler: { schema: r.hschema, name: r.hname },
      inline: r.iname !== null ? { schema: r.ischema!, name: r.iname } : null,
      validator: r.vname !== null ? { schema: r.vschema!, name: r.vname } : null,
    };
  });
}
