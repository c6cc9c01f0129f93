import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { TYPE_COLUMNS, TYPE_FILTER, TYPE_FROM, type TypeRow } from './types-common.js';

export interface RangeObject extends ObjectBase {
  readonly kind: 'range';
  readonly subtype: string;
  /** qualified multirange type name (14+) */
  readonly multirange: string | null;
  /** qualified operator class, only when not the subtype's default */
  readonly opclass: string | null;
  readonly collation: string | null;
  readonly canonical: string | null;
  readonly subtypeDiff: string | null;
}

interface RangeRow extends TypeRow {
  subtype: string;
  multirange: string | null;
  multirangearray: string | null;
  multirangeoid: string | null;
  opclass: string | null;
  collation: string | null;
  canonical: string | null;
  subdiff: string | null;
}

export async function readRanges(ctx: CatalogContext, comments: CommentMap): Promise<RangeObject[]> {
  const multirange = ctx.version >= 140000;
  const rows = await ctx.client.query<RangeRow>(
    `SELECT ${TYPE_COLUMNS},
            pg_catalog.format_type(r.rngsubtype, NULL) AS subtype,
            ${multirange ? `pg_catalog.quote_ident(mn.nspname) || '.' || pg_catalog.quote_ident(mt.typname)` : 'NULL'} AS multirange,
            ${multirange ? 'mt.oid::int8' : 'NULL'} AS multirangeoid,
            ${multirange ? 'mt.typarray::int8' : 'NULL'} AS multirangearray,
            CASE WHEN NOT oc.opcdefault
                 THEN pg_catalog.quote_ident(ocn.nspname) || '.' || pg_catalog.quote_ident(oc.opcname) END AS opclass,
            CASE WHEN r.rngcollation <> st.typcollation
                 THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END AS collation,
            CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::pg_catalog.regproc::text END AS canonical,
            CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::pg_catalog.regproc::text END AS subdiff
       FROM ${TYPE_FROM}
       JOIN pg_catalog.pg_range r ON r.rngtypid = t.oid
       JOIN pg_catalog.pg_type st ON st.oid = r.rngsubtype
       JOIN pg_catalog.pg_opclass oc ON oc.oid = r.rngsubopc
       JOIN pg_catalog.pg_namespace ocn ON ocn.oid = oc.opcnamespace
       LEFT JOIN pg_catalog.pg_collation co ON co.oid = r.rngcollation
       LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
       ${multirange ? `LEFT JOIN pg_catalog.pg_type mt ON mt.oid = r.rngmultitypid
       LEFT JOIN pg_catalog.pg_namespace mn ON mn.oid = mt.typnamespace` : ''}
      WHERE t.typtype = 'r' AND ${TYPE_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const aliases = [objectId('pg_type', r.typarray)];
    if (r.multirangeoid) aliases.push(objectId('pg_type', r.multirangeoid), objectId('pg_type', r.multirangearray!));
    return {
      kind: 'range',
      ...baseFields('pg_type', oid, r, comments.get(commentKey('pg_type', oid)) ?? null),
      aliases,
      implicitDeps: [objectId('pg_namespace', r.nspoid)],
      subtype: r.subtype,
      multirange: r.multirange,
      opclass: r.opclass,
      collation: r.collation,
      canonical: r.canonical,
      subtypeDiff: r.subdiff,
    };
  });
}
