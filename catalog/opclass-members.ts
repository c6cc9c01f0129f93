import { objectId, type ObjectId } from './objects.js';

/** One pg_amop row: `OPERATOR strategy op(types) [FOR ORDER BY family]`. */
export interface OperatorMember {
  readonly oid: number;
  readonly strategy: number;
  /** regoperator text, with argument types */
  readonly operator: string;
  /** the btree family ordering the results of an ordering operator */
  readonly sortFamily: { readonly schema: string; readonly name: string } | null;
}

/** One pg_amproc row: `FUNCTION number (lefttype, righttype) fn(args)`. */
export interface FunctionMember {
  readonly oid: number;
  readonly number: number;
  readonly leftType: string;
  readonly rightType: string;
  /** regprocedure text */
  readonly func: string;
}

interface OperatorJson {
  oid: string | number;
  strategy: number;
  op: string;
  sortschema: string | null;
  sortfamily: string | null;
}

interface FunctionJson {
  oid: string | number;
  num: number;
  lefttype: string;
  righttype: string;
  func: string;
}

/**
 * Subqueries listing the members tied by pg_depend to one opclass or opfamily, as pg_dump
 * picks them: a member belongs to whichever of the two its dependency row points at.
 * Ties (a hash family has many strategy-1 operators) go by OID, the order the members
 * were added in, which a restore reproduces.
 */
export function memberColumns(refCatalog: 'pg_opclass' | 'pg_opfamily', refOid: string, familyOid: string): string {
  return `(SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                    'oid', ao.oid::int8, 'strategy', ao.amopstrategy,
                    'op', ao.amopopr::pg_catalog.regoperator::text,
                    'sortschema', sn.nspname, 'sortfamily', sf.opfname)
                  ORDER BY ao.amopstrategy, ao.oid)
             FROM pg_catalog.pg_amop ao
             JOIN pg_catalog.pg_depend d
               ON d.classid = 'pg_catalog.pg_amop'::pg_catalog.regclass AND d.objid = ao.oid
             LEFT JOIN pg_catalog.pg_opfamily sf ON sf.oid = ao.amopsortfamily
             LEFT JOIN pg_catalog.pg_namespace sn ON sn.oid = sf.opfnamespace
            WHERE d.refclassid = 'pg_catalog.${refCatalog}'::pg_catalog.regclass
              AND d.refobjid = ${refOid} AND ao.amopfamily = ${familyOid}) AS operators,
          (SELECT pg_catalog.json_agg(pg_catalog.json_build_object(
                    'oid', ap.oid::int8, 'num', ap.amprocnum,
                    'lefttype', ap.amproclefttype::pg_catalog.regtype::text,
                    'righttype', ap.amprocrighttype::pg_catalog.regtype::text,
                    'func', ap.amproc::pg_catalog.regprocedure::text)
                  ORDER BY ap.amprocnum, ap.oid)
             FROM pg_catalog.pg_amproc ap
             JOIN pg_catalog.pg_depend d
               ON d.classid = 'pg_catalog.pg_amproc'::pg_catalog.regclass AND d.objid = ap.oid
            WHERE d.refclassid = 'pg_catalog.${refCatalog}'::pg_catalog.regclass
              AND d.refobjid = ${refOid}) AS functions`;
}

export interface MemberRow {
  operators: OperatorJson[] | null;
  functions: FunctionJson[] | null;
}

export function parseMembers(row: MemberRow): {
  operators: OperatorMember[];
  functions: FunctionMember[];
  aliases: ObjectId[];
} {
  const operators = (row.operators ?? []).map((o) => ({
    oid: Number(o.oid),
    strategy: o.strategy,
    operator: o.op,
    sortFamily: o.sortschema !== null && o.sortfamily !== null ? { schema: o.sortschema, name: o.sortfamily } : null,
  }));
  const functions = (row.functions ?? []).map((f) => ({
    oid: Number(f.oid),
    number: f.num,
    leftType: f.lefttype,
    rightType: f.righttype,
    func: f.func,
  }));
  // The members' own pg_depend rows (on operators, functions, sort families) are the owner's.
  const aliases = [...operators.map((o) => objectId('pg_amop', o.oid)), ...functions.map((f) => objectId('pg_amproc', f.oid))];
  return { operators, functions, aliases };
}
