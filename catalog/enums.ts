import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { TYPE_COLUMNS, TYPE_FILTER, TYPE_FROM, type TypeRow } from './types-common.js';

export interface EnumObject extends ObjectBase {
  readonly kind: 'enum';
  readonly labels: readonly string[];
}

interface EnumRow extends TypeRow {
  labels: string[] | null;
}

export async function readEnums(ctx: CatalogContext, comments: CommentMap): Promise<EnumObject[]> {
  const rows = await ctx.client.query<EnumRow>(
    `SELECT ${TYPE_COLUMNS},
            (SELECT pg_catalog.array_agg(e.enumlabel::text ORDER BY e.enumsortorder)
               FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid) AS labels
       FROM ${TYPE_FROM}
      WHERE t.typtype = 'e' AND ${TYPE_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'enum',
      ...baseFields('pg_type', oid, r, comments.get(commentKey('pg_type', oid)) ?? null),
      aliases: [objectId('pg_type', r.typarray)],
      implicitDeps: [objectId('pg_namespace', r.nspoid)],
      labels: r.labels ?? [],
    };
  });
}
