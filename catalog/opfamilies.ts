import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { memberColumns, parseMembers, type FunctionMember, type MemberRow, type OperatorMember } from './opclass-members.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

export interface OpfamilyObject extends ObjectBase {
  readonly kind: 'opfamily';
  readonly accessMethod: string;
  /** "loose" members: tied to the family itself rather than to one of its classes */
  readonly operators: readonly OperatorMember[];
  readonly functions: readonly FunctionMember[];
}

interface OpfamilyRow extends MemberRow {
  oid: string;
  schema: string;
  name: string;
  nspoid: string;
  owner: string;
  amname: string;
  amoid: string;
}

/**
 * Every operator family, also those CREATE OPERATOR CLASS made implicitly: like pg_dump,
 * the dump creates each family explicitly and names it in its classes' FAMILY clause.
 */
export async function readOpfamilies(ctx: CatalogContext, comments: CommentMap): Promise<OpfamilyObject[]> {
  const rows = await ctx.client.query<OpfamilyRow>(
    `SELECT f.oid::int8 AS oid, n.nspname AS schema, f.opfname AS name, n.oid::int8 AS nspoid,
            pg_catalog.pg_get_userbyid(f.opfowner) AS owner, am.amname, am.oid::int8 AS amoid,
            ${memberColumns('pg_opfamily', 'f.oid', 'f.oid')}
       FROM pg_catalog.pg_opfamily f
       JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
       JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
      WHERE ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const members = parseMembers(r);
    return {
      kind: 'opfamily',
      ...baseFields('pg_opfamily', oid, { ...r, acl: null, baseacl: null }, comments.get(commentKey('pg_opfamily', oid)) ?? null),
      aliases: members.aliases,
      implicitDeps: [objectId('pg_namespace', r.nspoid), objectId('pg_am', r.amoid)],
      accessMethod: r.amname,
      operators: members.operators,
      functions: members.functions,
    };
  });
}
