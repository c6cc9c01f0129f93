import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

/** Another operator named by schema and name; the argument types follow from context. */
export interface OperatorRef {
  readonly schema: string;
  readonly name: string;
}

export interface OperatorObject extends ObjectBase {
  readonly kind: 'operator';
  /** b infix, l prefix, r postfix (13 only) */
  readonly oprkind: 'b' | 'l' | 'r';
  /** regprocedure text of the implementing function */
  readonly func: string;
  /** regtype text; null for the missing side of a unary operator */
  readonly leftType: string | null;
  readonly rightType: string | null;
  readonly commutator: OperatorRef | null;
  readonly negator: OperatorRef | null;
  /** regprocedure text of the estimators, null when unset */
  readonly restrict: string | null;
  readonly join: string | null;
  readonly merges: boolean;
  readonly hashes: boolean;
}

interface OperatorRow {
  oid: string;
  schema: string;
  name: string;
  nspoid: string;
  owner: string;
  oprkind: 'b' | 'l' | 'r';
  func: string;
  lefttype: string | null;
  righttype: string | null;
  comschema: string | null;
  comname: string | null;
  negschema: string | null;
  negname: string | null;
  rest: string | null;
  joinsel: string | null;
  oprcanmerge: boolean;
  oprcanhash: boolean;
}

/**
 * Operators with an implementation. Shells (what CREATE OPERATOR leaves behind for a
 * commutator or negator that was never defined) are skipped: the definition naming
 * them recreates them on restore.
 */
export async function readOperators(ctx: CatalogContext, comments: CommentMap): Promise<OperatorObject[]> {
  const rows = await ctx.client.query<OperatorRow>(
    `SELECT o.oid::int8 AS oid, n.nspname AS schema, o.oprname AS name, n.oid::int8 AS nspoid,
            pg_catalog.pg_get_userbyid(o.oprowner) AS owner, o.oprkind,
            o.oprcode::pg_catalog.regprocedure::text AS func,
            CASE WHEN o.oprleft <> 0 THEN o.oprleft::pg_catalog.regtype::text END AS lefttype,
            CASE WHEN o.oprright <> 0 THEN o.oprright::pg_catalog.regtype::text END AS righttype,
            cn.nspname AS comschema, c.oprname AS comname,
            nn.nspname AS negschema, ng.oprname AS negname,
            CASE WHEN o.oprrest <> 0 THEN o.oprrest::pg_catalog.regprocedure::text END AS rest,
            CASE WHEN o.oprjoin <> 0 THEN o.oprjoin::pg_catalog.regprocedure::text END AS joinsel,
            o.oprcanmerge, o.oprcanhash
       FROM pg_catalog.pg_operator o
       JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
       LEFT JOIN pg_catalog.pg_operator c ON c.oid = o.oprcom
       LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = c.oprnamespace
       LEFT JOIN pg_catalog.pg_operator ng ON ng.oid = o.oprnegate
       LEFT JOIN pg_catalog.pg_namespace nn ON nn.oid = ng.oprnamespace
      WHERE o.oprcode <> 0 AND ${SYSTEM_SCHEMA_FILTER}`,
  );
  const ref = (schema: string | null, name: string | null): OperatorRef | null =>
    schema !== null && name !== null ? { schema, name } : null;
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'operator',
      ...baseFields('pg_operator', oid, { ...r, acl: null, baseacl: null }, comments.get(commentKey('pg_operator', oid)) ?? null),
      aliases: [],
      implicitDeps: [objectId('pg_namespace', r.nspoid)],
      oprkind: r.oprkind,
      func: r.func,
      leftType: r.lefttype,
      rightType: r.righttype,
      commutator: ref(r.comschema, r.comname),
      negator: ref(r.negschema, r.negname),
      restrict: r.rest,
      join: r.joinsel,
      merges: r.oprcanmerge,
      hashes: r.oprcanhash,
    };
  });
}
