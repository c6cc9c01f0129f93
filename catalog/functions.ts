import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

export interface FunctionObject extends ObjectBase {
  readonly kind: 'function';
  readonly isProcedure: boolean;
  /** `name(argtypes)` identity signature for ALTER/COMMENT/GRANT, name unquoted */
  readonly identityArgs: string;
  /** input argument types only, as pg_dump names functions in its entries: `f(integer, text)` */
  readonly argTypes: string;
  /** complete CREATE statement as the server renders it (pg_get_functiondef) */
  readonly definition: string;
}

interface FunctionRow {
  oid: string;
  schema: string;
  name: string;
  owner: string;
  acl: string | null;
  baseacl: string;
  nspoid: string;
  prokind: string;
  identity: string;
  argtypes: string;
  def: string;
}

/** Ordinary functions, window functions and procedures; aggregates have their own kind. */
export async function readFunctions(ctx: CatalogContext, comments: CommentMap): Promise<FunctionObject[]> {
  const rows = await ctx.client.query<FunctionRow>(
    `SELECT p.oid::int8 AS oid, n.nspname AS schema, p.proname AS name, n.oid::int8 AS nspoid,
            pg_catalog.pg_get_userbyid(p.proowner) AS owner, p.proacl::text AS acl,
            pg_catalog.acldefault('f', p.proowner)::text AS baseacl, p.prokind,
            pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity,
            pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.format_type(a.t, NULL)
                                               FROM pg_catalog.unnest(p.proargtypes) WITH ORDINALITY AS a(t, n)
                                              ORDER BY a.n), ', ') AS argtypes,
            pg_catalog.pg_get_functiondef(p.oid) AS def
       FROM pg_catalog.pg_proc p
       JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
      WHERE p.prokind IN ('f', 'p', 'w') AND ${SYSTEM_SCHEMA_FILTER}
        -- range and multirange constructors are made by CREATE TYPE, not by the user
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                         WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                           AND d.objid = p.oid AND d.deptype = 'i')`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'function',
      ...baseFields('pg_proc', oid, r, comments.get(commentKey('pg_proc', oid)) ?? null),
      aliases: [],
      implicitDeps: [objectId('pg_namespace', r.nspoid)],
      isProcedure: r.prokind === 'p',
      identityArgs: r.identity,
      argTypes: r.argtypes,
      definition: r.def.replace(/^CREATE OR REPLACE /, 'CREATE ').replace(/\n$/, ''),
    };
  });
}
