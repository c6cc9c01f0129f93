import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { TYPE_COLUMNS, TYPE_FILTER, TYPE_FROM, type TypeRow } from './types-common.js';

export interface DomainConstraint {
  readonly oid: number;
  readonly name: string;
  /** `CHECK (...)` as pg_get_constraintdef renders it, without NOT VALID */
  readonly definition: string;
  readonly validated: boolean;
  readonly comment: string | null;
}

export interface DomainObject extends ObjectBase {
  readonly kind: 'domain';
  readonly baseType: string;
  readonly collation: string | null;
  readonly defaultExpr: string | null;
  readonly notNull: boolean;
  readonly constraints: readonly DomainConstraint[];
}

interface DomainRow extends TypeRow {
  basetype: string;
  collation: string | null;
  defexpr: string | null;
  typnotnull: boolean;
  cons: { oid: number; name: string; def: string; validated: boolean }[] | null;
}

export async function readDomains(ctx: CatalogContext, comments: CommentMap): Promise<DomainObject[]> {
  const rows = await ctx.client.query<DomainRow>(
    `SELECT ${TYPE_COLUMNS},
            pg_catalog.format_type(t.typbasetype, t.typtypmod) AS basetype,
            CASE WHEN t.typcollation <> bt.typcollation
                 THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END AS collation,
            pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS defexpr,
            t.typnotnull,
            (SELECT pg_catalog.json_agg(json_build_object('oid', c.oid, 'name', c.conname,
                      'def', pg_catalog.pg_get_constraintdef(c.oid), 'validated', c.convalidated)
                      ORDER BY c.conname)
               FROM pg_catalog.pg_constraint c
              WHERE c.contypid = t.oid AND c.contype = 'c') AS cons
       FROM ${TYPE_FROM}
       JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype
       LEFT JOIN pg_catalog.pg_collation co ON co.oid = t.typcollation
       LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
      WHERE t.typtype = 'd' AND ${TYPE_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const cons = r.cons ?? [];
    return {
      kind: 'domain',
      ...baseFields('pg_type', oid, r, comments.get(commentKey('pg_type', oid)) ?? null),
      aliases: [objectId('pg_type', r.typarray), ...cons.map((c) => objectId('pg_constraint', c.oid))],
      implicitDeps: [objectId('pg_namespace', r.nspoid)],
      baseType: r.basetype,
      collation: r.collation,
      defaultExpr: r.defexpr,
      notNull: r.typnotnull,
      constraints: cons.map((c) => ({
        oid: Number(c.oid),
        name: c.name,
        definition: c.def.replace(/ NOT VALID$/, ''),
        validated: c.validated,
        comment: comments.get(commentKey('pg_constraint', Number(c.oid))) ?? null,
      })),
    };
  });
}
