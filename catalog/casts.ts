import type { CatalogContext } from './client.js';
import { FIRST_NORMAL_OID } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';

export interface CastObject extends ObjectBase {
  readonly kind: 'cast';
  /** format_type of the source and target types, qualified unless in pg_catalog */
  readonly source: string;
  readonly target: string;
  /** f function, i inout, b binary-coercible */
  readonly method: 'f' | 'i' | 'b';
  /** for method f: the function and its input argument types (format_type) */
  readonly func: CastFunction | null;
  /** e explicit only, a assignment, i implicit */
  readonly context: 'e' | 'a' | 'i';
}

export interface CastFunction {
  readonly schema: string;
  readonly name: string;
  readonly argTypes: readonly string[];
}

interface CastRow {
  oid: string;
  source: string;
  target: string;
  method: CastObject['method'];
  context: CastObject['context'];
  fnschema: string | null;
  fnname: string | null;
  fnargs: string[] | null;
}

/**
 * Casts made after initdb, like pg_dump: whatever the types involved, a cast with a user
 * OID was created by the user (or by an extension, whose members are dropped later).
 */
export async function readCasts(ctx: CatalogContext, comments: CommentMap): Promise<CastObject[]> {
  const rows = await ctx.client.query<CastRow>(
    `SELECT c.oid::int8 AS oid,
            pg_catalog.format_type(c.castsource, NULL) AS source,
            pg_catalog.format_type(c.casttarget, NULL) AS target,
            c.castmethod AS method, c.castcontext AS context,
            pn.nspname AS fnschema, p.proname AS fnname,
            (SELECT pg_catalog.array_agg(pg_catalog.format_type(a.t, NULL) ORDER BY a.i)
               FROM pg_catalog.unnest(p.proargtypes::pg_catalog.oid[]) WITH ORDINALITY AS a(t, i)) AS fnargs
       FROM pg_catalog.pg_cast c
       LEFT JOIN pg_catalog.pg_proc p ON p.oid = c.castfunc
       LEFT JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
      WHERE c.oid >= $1${ctx.version >= 140000 ? `
        -- CREATE TYPE AS RANGE makes the cast to its multirange itself
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_range r
                         WHERE r.rngtypid = c.castsource AND r.rngmultitypid = c.casttarget)` : ''}`,
    [FIRST_NORMAL_OID],
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'cast',
      id: objectId('pg_cast', oid),
      oid,
      schema: null,
      name: `(${r.source} AS ${r.target})`,
      owner: null,
      acl: null,
      baseAcl: null,
      comment: comments.get(commentKey('pg_cast', oid)) ?? null,
      aliases: [],
      implicitDeps: [],
      source: r.source,
      target: r.target,
      method: r.method,
      func: r.fnname !== null ? { schema: r.fnschema!, name: r.fnname, argTypes: r.fnargs ?? [] } : null,
      context: r.context,
    };
  });
}

