import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { memberColumns, parseMembers, type FunctionMember, type MemberRow, type OperatorMember } from './opclass-members.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

export interface OpclassObject extends ObjectBase {
  readonly kind: 'opclass';
  readonly accessMethod: string;
  /** regtype text of the indexed type */
  readonly inputType: string;
  /** regtype text of the STORAGE type, null when it is the input type */
  readonly storageType: string | null;
  readonly isDefault: boolean;
  readonly family: { readonly schema: string; readonly name: string };
  /** members tied to the class (the family may hold more, dumped with the family) */
  readonly operators: readonly OperatorMember[];
  readonly functions: readonly FunctionMember[];
}

interface OpclassRow extends MemberRow {
  oid: string;
  schema: string;
  name: string;
  nspoid: string;
  owner: string;
  amname: string;
  amoid: string;
  intype: string;
  keytype: string | null;
  opcdefault: boolean;
  familyoid: string;
  familyschema: string;
  familyname: string;
}

export async function readOpclasses(ctx: CatalogContext, comments: CommentMap): Promise<OpclassObject[]> {
  const rows = await ctx.client.query<OpclassRow>(
    `SELECT c.oid::int8 AS oid, n.nspname AS schema, c.opcname AS name, n.oid::int8 AS nspoid,
            pg_catalog.pg_get_userbyid(c.opcowner) AS owner, am.amname, am.oid::int8 AS amoid,
            c.opcintype::pg_catalog.regtype::text AS intype,
            CASE WHEN c.opckeytype <> 0 THEN c.opckeytype::pg_catalog.regtype::text END AS keytype,
            c.opcdefault, f.oid::int8 AS familyoid, fn.nspname AS familyschema, f.opfname AS familyname,
            ${memberColumns('pg_opclass', 'c.oid', 'c.opcfamily')}
       FROM pg_catalog.pg_opclass c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
       JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
       JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily
       JOIN pg_catalog.pg_namespace fn ON fn.oid = f.opfnamespace
      WHERE ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const members = parseMembers(r);
    return {
      kind: 'opclass',
      ...baseFields('pg_opclass', oid, { ...r, acl: null, baseacl: null }, comments.get(commentKey('pg_opclass', oid)) ?? null),
      aliases: members.aliases,
      implicitDeps: [objectId('pg_namespace', r.nspoid), objectId('pg_am', r.amoid), objectId('pg_opfamily', r.familyoid)],
      accessMethod: r.amname,
      inputType: r.intype,
      storageType: r.keytype,
      isDefault: r.opcdefault,
      family: { schema: r.familyschema, name: r.familyname },
      operators: members.operators,
      functions: members.functions,
    };
  });
}
