import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase, ObjectId } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { TYPE_COLUMNS, TYPE_FILTER, TYPE_FROM, type TypeRow } from './types-common.js';

/** A support function of a type; CREATE TYPE finds it by name with the signature it expects. */
export interface TypeFunction {
  readonly schema: string;
  readonly name: string;
}

export interface BaseTypeDefinition {
  /** -1 variable length, else bytes */
  readonly internalLength: number;
  readonly input: TypeFunction;
  readonly output: TypeFunction;
  readonly receive: TypeFunction | null;
  readonly send: TypeFunction | null;
  readonly typmodIn: TypeFunction | null;
  readonly typmodOut: TypeFunction | null;
  readonly analyze: TypeFunction | null;
  /** 14+ */
  readonly subscript: TypeFunction | null;
  readonly collatable: boolean;
  /** the default as stored: an expression (typdefaultbin) or a literal (typdefault) */
  readonly defaultValue: { readonly expression: string } | { readonly literal: string } | null;
  /** format_type of the element type */
  readonly element: string | null;
  readonly category: string;
  readonly preferred: boolean;
  readonly delimiter: string;
  /** c char, s int2, i int4, d double */
  readonly alignment: 'c' | 's' | 'i' | 'd';
  /** p plain, e external, m main, x extended */
  readonly storage: 'p' | 'e' | 'm' | 'x';
  readonly byValue: boolean;
}

export interface BaseTypeObject extends ObjectBase {
  readonly kind: 'base-type';
  /** null for a shell type left undefined (CREATE TYPE name; and nothing else) */
  readonly definition: BaseTypeDefinition | null;
}

type FnRef = [string, string] | null;

interface BaseTypeRow extends TypeRow {
  defined: boolean;
  typlen: number;
  byval: boolean;
  align: BaseTypeDefinition['alignment'];
  storage: BaseTypeDefinition['storage'];
  category: string;
  preferred: boolean;
  delim: string;
  collatable: boolean;
  defaultexpr: string | null;
  defaultlit: string | null;
  element: string | null;
  input: FnRef;
  output: FnRef;
  receive: FnRef;
  send: FnRef;
  modin: FnRef;
  modout: FnRef;
  analyze: FnRef;
  subscript: FnRef;
}

/** `ARRAY[schema, name]` of the function a pg_type column points at, NULL for none. */
function fnRef(column: string): string {
  return `(SELECT ARRAY[fn.nspname::text, f.proname::text] FROM pg_catalog.pg_proc f
             JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = ${column})`;
}

const toFn = (r: FnRef): TypeFunction | null => (r ? { schema: r[0], name: r[1] } : null);

/**
 * User base types and stand-alone shell types. Array types made alongside a type are not
 * objects of their own: an array is recognised by its element pointing back at it.
 */
export async function readBaseTypes(ctx: CatalogContext, comments: CommentMap): Promise<BaseTypeObject[]> {
  const subscript = ctx.version >= 140000 ? fnRef('t.typsubscript') : 'NULL::text[]';
  const rows = await ctx.client.query<BaseTypeRow>(
    `SELECT ${TYPE_COLUMNS}, t.typisdefined AS defined, t.typlen::int4 AS typlen, t.typbyval AS byval,
            t.typalign AS align, t.typstorage AS storage, t.typcategory AS category,
            t.typispreferred AS preferred, t.typdelim AS delim, t.typcollation <> 0 AS collatable,
            pg_catalog.pg_get_expr(t.typdefaultbin, 0) AS defaultexpr, t.typdefault AS defaultlit,
            CASE WHEN t.typelem <> 0 THEN pg_catalog.format_type(t.typelem, NULL) END AS element,
            ${fnRef('t.typinput')} AS input, ${fnRef('t.typoutput')} AS output,
            ${fnRef('t.typreceive')} AS receive, ${fnRef('t.typsend')} AS send,
            ${fnRef('t.typmodin')} AS modin, ${fnRef('t.typmodout')} AS modout,
            ${fnRef('t.typanalyze')} AS analyze, ${subscript} AS subscript
       FROM ${TYPE_FROM}
      WHERE ((t.typtype = 'b' AND NOT (t.typelem <> 0 AND t.typlen = -1 AND EXISTS (
                SELECT 1 FROM pg_catalog.pg_type e WHERE e.oid = t.typelem AND e.typarray = t.oid)))
             OR (t.typtype = 'p' AND NOT t.typisdefined))
        AND ${TYPE_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const aliases: ObjectId[] = Number(r.typarray) !== 0 ? [objectId('pg_type', r.typarray)] : [];
    return {
      kind: 'base-type',
      ...baseFields('pg_type', oid, r, comments.get(commentKey('pg_type', oid)) ?? null),
      aliases,
      implicitDeps: [objectId('pg_namespace', r.nspoid)],
      definition: r.defined ? definitionOf(r) : null,
    };
  });
}

function definitionOf(r: BaseTypeRow): BaseTypeDefinition {
  return {
    internalLength: r.typlen,
    input: toFn(r.input)!,
    output: toFn(r.output)!,
    receive: toFn(r.receive),
    send: toFn(r.send),
    typmodIn: toFn(r.modin),
    typmodOut: toFn(r.modout),
    analyze: toFn(r.analyze),
    subscript: toFn(r.subscript),
    collatable: r.collatable,
    defaultValue:
      r.defaultexpr !== null ? { expression: r.defaultexpr } : r.defaultlit !== null ? { literal: r.defaultlit } : null,
    element: r.element,
    category: r.category,
    preferred: r.preferred,
    delimiter: r.delim,
    alignment: r.align,
    storage: r.storage,
    byValue: r.byval,
  };
}
