import type { CatalogContext } from './client.js';
import { FIRST_NORMAL_OID } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';

/** A transform function: always one argument of type internal, so schema and name suffice. */
export interface TransformFunction {
  readonly schema: string;
  readonly name: string;
}

export interface TransformObject extends ObjectBase {
  readonly kind: 'transform';
  /** format_type of the type, qualified unless in pg_catalog */
  readonly type: string;
  readonly language: string;
  readonly fromSql: TransformFunction | null;
  readonly toSql: TransformFunction | null;
}

interface TransformRow {
  oid: string;
  type: string;
  language: string;
  fschema: string | null;
  fname: string | null;
  tschema: string | null;
  tname: string | null;
}

/** initdb makes no transforms, so every one that is no extension member is the user's. */
export async function readTransforms(ctx: CatalogContext, comments: CommentMap): Promise<TransformObject[]> {
  const rows = await ctx.client.query<TransformRow>(
    `SELECT t.oid::int8 AS oid, pg_catalog.format_type(t.trftype, NULL) AS type, l.lanname AS language,
            fn.nspname AS fschema, f.proname AS fname, tn.nspname AS tschema, tp.proname AS tname
       FROM pg_catalog.pg_transform t
       JOIN pg_catalog.pg_language l ON l.oid = t.trflang
       LEFT JOIN pg_catalog.pg_proc f ON f.oid = t.trffromsql
       LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
       LEFT JOIN pg_catalog.pg_proc tp ON tp.oid = t.trftosql
       LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = tp.pronamespace
      WHERE t.oid >= $1`,
    [FIRST_NORMAL_OID],
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'transform',
      id: objectId('pg_transform', oid),
      oid,
      schema: null,
      name: `${r.type} ${r.language}`,
      owner: null,
      acl: null,
      baseAcl: null,
      comment: comments.get(commentKey('pg_transform', oid)) ?? null,
      aliases: [],
      implicitDeps: [],
      type: r.type,
      language: r.language,
      fromSql: r.fname !== null ? { schema: r.fschema!, name: r.fname } : null,
      toSql: r.tname !== null ? { schema: r.tschema!, name: r.tname } : null,
    };
  });
}
