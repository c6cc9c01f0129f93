import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import type { OperatorRef } from './operators.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

/** pg_aggregate's modify flags: r read-only, s shareable, w read-write. */
export type FinalModify = 'r' | 's' | 'w';

export interface AggregateObject extends ObjectBase {
  readonly kind: 'aggregate';
  /** n normal, o ordered-set, h hypothetical-set */
  readonly aggkind: 'n' | 'o' | 'h';
  /** pg_get_function_arguments: names, VARIADIC and ORDER BY; empty for `(*)` */
  readonly args: string;
  /** pg_get_function_identity_arguments: what DROP/COMMENT/ALTER name it by */
  readonly identityArgs: string;
  /** the flat argument types, as GRANT ... ON FUNCTION needs them */
  readonly argTypes: string;
  /** regproc text of the support functions, null when unset */
  readonly transFn: string;
  readonly transType: string;
  readonly transSpace: number;
  readonly initValue: string | null;
  readonly finalFn: string | null;
  readonly finalExtra: boolean;
  readonly finalModify: FinalModify;
  readonly combineFn: string | null;
  readonly serialFn: string | null;
  readonly deserialFn: string | null;
  readonly mTransFn: string | null;
  readonly mInvTransFn: string | null;
  readonly mTransType: string | null;
  readonly mTransSpace: number;
  readonly mInitValue: string | null;
  readonly mFinalFn: string | null;
  readonly mFinalExtra: boolean;
  readonly mFinalModify: FinalModify;
  readonly sortOperator: OperatorRef | null;
  /** s safe, r restricted, u unsafe */
  readonly parallel: 's' | 'r' | 'u';
}

interface AggregateRow {
  oid: string;
  schema: string;
  name: string;
  nspoid: string;
  owner: string;
  acl: string | null;
  baseacl: string;
  aggkind: 'n' | 'o' | 'h';
  args: string;
  identity: string;
  argtypes: string | null;
  transfn: string;
  transtype: string;
  transspace: number;
  initval: string | null;
  finalfn: string | null;
  finalextra: boolean;
  finalmodify: FinalModify;
  combinefn: string | null;
  serialfn: string | null;
  deserialfn: string | null;
  mtransfn: string | null;
  minvtransfn: string | null;
  mtranstype: string | null;
  mtransspace: number;
  minitval: string | null;
  mfinalfn: string | null;
  mfinalextra: boolean;
  mfinalmodify: FinalModify;
  sortschema: string | null;
  sortname: string | null;
  parallel: 's' | 'r' | 'u';
}

const regproc = (column: string, alias: string) =>
  `CASE WHEN a.${column} <> 0 THEN a.${column}::pg_catalog.regproc::text END AS ${alias}`;

/** User aggregates (pg_proc rows of prokind 'a' with their pg_aggregate row). */
export async function readAggregates(ctx: CatalogContext, comments: CommentMap): Promise<AggregateObject[]> {
  const rows = await ctx.client.query<AggregateRow>(
    `SELECT p.oid::int8 AS oid, n.nspname AS schema, p.proname AS name, n.oid::int8 AS nspoid,
            pg_catalog.pg_get_userbyid(p.proowner) AS owner, p.proacl::text AS acl,
            pg_catalog.acldefault('f', p.proowner)::text AS baseacl,
            a.aggkind,
            pg_catalog.pg_get_function_arguments(p.oid) AS args,
            pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity,
            (SELECT pg_catalog.string_agg(pg_catalog.format_type(u.t, NULL), ', ' ORDER BY u.i)
               FROM pg_catalog.unnest(p.proargtypes) WITH ORDINALITY AS u(t, i)) AS argtypes,
            a.aggtransfn::pg_catalog.regproc::text AS transfn,
            a.aggtranstype::pg_catalog.regtype::text AS transtype,
            a.aggtransspace AS transspace, a.agginitval AS initval,
            ${regproc('aggfinalfn', 'finalfn')}, a.aggfinalextra AS finalextra, a.aggfinalmodify AS finalmodify,
            ${regproc('aggcombinefn', 'combinefn')},
            ${regproc('aggserialfn', 'serialfn')},
            ${regproc('aggdeserialfn', 'deserialfn')},
            ${regproc('aggmtransfn', 'mtransfn')},
            ${regproc('aggminvtransfn', 'minvtransfn')},
            CASE WHEN a.aggmtranstype <> 0 THEN a.aggmtranstype::pg_catalog.regtype::text END AS mtranstype,
            a.aggmtransspace AS mtransspace, a.aggminitval AS minitval,
            ${regproc('aggmfinalfn', 'mfinalfn')}, a.aggmfinalextra AS mfinalextra, a.aggmfinalmodify AS mfinalmodify,
            sn.nspname AS sortschema, so.oprname AS sortname,
            p.proparallel AS parallel
       FROM pg_catalog.pg_aggregate a
       JOIN pg_catalog.pg_proc p ON p.oid = a.aggfnoid
       JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
       LEFT JOIN pg_catalog.pg_operator so ON so.oid = a.aggsortop
       LEFT JOIN pg_catalog.pg_namespace sn ON sn.oid = so.oprnamespace
      WHERE ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'aggregate',
      ...baseFields('pg_proc', oid, r, comments.get(commentKey('pg_proc', oid)) ?? null),
      aliases: [],
      implicitDeps: [objectId('pg_namespace', r.nspoid)],
      aggkind: r.aggkind,
      args: r.args,
      identityArgs: r.identity,
      argTypes: r.argtypes ?? '',
      transFn: r.transfn,
      transType: r.transtype,
      transSpace: Number(r.transspace),
      initValue: r.initval,
      finalFn: r.finalfn,
      finalExtra: r.finalextra,
      finalModify: r.finalmodify,
      combineFn: r.combinefn,
      serialFn: r.serialfn,
      deserialFn: r.deserialfn,
      mTransFn: r.mtransfn,
      mInvTransFn: r.minvtransfn,
      mTransType: r.mtranstype,
      mTransSpace: Number(r.mtransspace),
      mInitValue: r.minitval,
      mFinalFn: r.mfinalfn,
      mFinalExtra: r.mfinalextra,
      mFinalModify: r.mfinalmodify,
      sortOperator: r.sortschema !== null && r.sortname !== null ? { schema: r.sortschema, name: r.sortname } : null,
      parallel: r.parallel,
    };
  });
}
