import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { TYPE_COLUMNS, TYPE_FILTER, TYPE_FROM, type TypeRow } from './types-common.js';

export interface CompositeAttribute {
  readonly name: string;
  readonly type: string;
  /** qualified collation name when it differs from the type's default */
  readonly collation: string | null;
  readonly comment: string | null;
}

export interface CompositeObject extends ObjectBase {
  readonly kind: 'composite';
  readonly attributes: readonly CompositeAttribute[];
}

interface CompositeRow extends TypeRow {
  typrelid: string;
  attrs: { name: string; type: string; collation: string | null; attnum: number }[] | null;
}

export async function readComposites(ctx: CatalogContext, comments: CommentMap): Promise<CompositeObject[]> {
  const rows = await ctx.client.query<CompositeRow>(
    `SELECT ${TYPE_COLUMNS}, t.typrelid::int8 AS typrelid,
            (SELECT pg_catalog.json_agg(json_build_object(
                      'name', a.attname, 'attnum', a.attnum,
                      'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
                      'collation', CASE WHEN a.attcollation <> at.typcollation
                                        THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END)
                      ORDER BY a.attnum)
               FROM pg_catalog.pg_attribute a
               JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
               LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
               LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
              WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attrs
       FROM ${TYPE_FROM}
       JOIN pg_catalog.pg_class c ON c.oid = t.typrelid
      WHERE t.typtype = 'c' AND c.relkind = 'c' AND ${TYPE_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const relid = Number(r.typrelid);
    return {
      kind: 'composite',
      ...baseFields('pg_type', oid, r, comments.get(commentKey('pg_type', oid)) ?? null),
      aliases: [objectId('pg_type', r.typarray), objectId('pg_class', relid)],
      implicitDeps: [objectId('pg_namespace', r.nspoid)],
      attributes: (r.attrs ?? []).map((a) => ({
        name: a.name,
        type: a.type,
        collation: a.collation,
        comment: comments.get(commentKey('pg_class', relid, a.attnum)) ?? null,
      })),
    };
  });
}
