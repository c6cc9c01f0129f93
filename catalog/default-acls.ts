import type { CatalogContext } from './client.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';

/** ALTER DEFAULT PRIVILEGES for one role, object type and (optionally) schema. */
export interface DefaultAclObject extends ObjectBase {
  readonly kind: 'default-acl';
  readonly role: string;
  /** r tables, S sequences, f functions, T types, n schemas */
  readonly objectType: 'r' | 'S' | 'f' | 'T' | 'n';
}

interface DefaultAclRow {
  oid: string;
  role: string;
  schema: string | null;
  nspoid: string | null;
  objtype: DefaultAclObject['objectType'];
  acl: string;
  baseacl: string | null;
}

/**
 * A schema-scoped entry adds to the global defaults, so its baseline is empty; a global
 * entry replaces the built-in defaults, so its baseline is acldefault().
 */
export async function readDefaultAcls(ctx: CatalogContext): Promise<DefaultAclObject[]> {
  const rows = await ctx.client.query<DefaultAclRow>(
    `SELECT d.oid::int8 AS oid, pg_catalog.pg_get_userbyid(d.defaclrole) AS role, n.nspname AS schema,
            n.oid::int8 AS nspoid, d.defaclobjtype AS objtype, d.defaclacl::text AS acl,
            CASE WHEN d.defaclnamespace = 0
                 THEN pg_catalog.acldefault(CASE WHEN d.defaclobjtype = 'S' THEN 's'::"char"
                                                 ELSE d.defaclobjtype END, d.defaclrole)::text
                 ELSE '{}' END AS baseacl
       FROM pg_catalog.pg_default_acl d
       LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'default-acl',
      id: objectId('pg_default_acl', oid),
      oid,
      schema: r.schema,
      name: `${r.role} ${r.objtype}`,
      owner: r.role,
      acl: r.acl,
      baseAcl: r.baseacl,
      comment: null,
      aliases: [],
      implicitDeps: r.nspoid ? [objectId('pg_namespace', r.nspoid)] : [],
      role: r.role,
      objectType: r.objtype,
    };
  });
}
