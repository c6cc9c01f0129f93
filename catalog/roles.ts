import type { CatalogContext } from './client.js';
import { readSharedLabels, type SharedLabel } from './shared-labels.js';

/** The role initdb creates; it exists in every cluster, whatever its name there. */
export const BOOTSTRAP_SUPERUSER_OID = 10;

/**
 * A cluster-wide role with every attribute CREATE/ALTER ROLE can set. Not a DumpObject: roles
 * belong to the cluster, not to a database, and only the cluster dump writes them.
 */
export interface RoleInfo {
  readonly oid: number;
  readonly name: string;
  readonly superuser: boolean;
  readonly inherit: boolean;
  readonly createRole: boolean;
  readonly createDb: boolean;
  readonly canLogin: boolean;
  readonly replication: boolean;
  readonly bypassRls: boolean;
  /** -1 for no limit */
  readonly connectionLimit: number;
  /** the stored hash; null without one, and always null when read without pg_authid */
  readonly password: string | null;
  /** timestamptz as text (ISO), or null */
  readonly validUntil: string | null;
  readonly comment: string | null;
  readonly securityLabels: readonly SharedLabel[];
  /** `name=value` entries of ALTER ROLE ... SET for all databases, in stored order */
  readonly settings: readonly string[];
  readonly bootstrap: boolean;
}

/** One row of pg_auth_members: `role` granted to `member`. */
export interface RoleMembership {
  readonly role: string;
  readonly member: string;
  /** null when the grantor is unknown (before 16 the recorded grantor may have been dropped) */
  readonly grantor: string | null;
  readonly grantorIsBootstrap: boolean;
  readonly adminOption: boolean;
  /** 16+; null before */
  readonly inheritOption: boolean | null;
  /** 16+; null before */
  readonly setOption: boolean | null;
}

/** Privileges on one configuration parameter (pg_parameter_acl, 15+). */
export interface ParameterAcl {
  readonly name: string;
  readonly acl: string | null;
  readonly baseAcl: string;
  /** parameters are "owned" by the bootstrap superuser */
  readonly owner: string;
}

interface RoleRow {
  oid: string;
  rolname: string;
  rolsuper: boolean;
  rolinherit: boolean;
  rolcreaterole: boolean;
  rolcreatedb: boolean;
  rolcanlogin: boolean;
  rolreplication: boolean;
  rolbypassrls: boolean;
  rolconnlimit: number;
  rolpassword: string | null;
  rolvaliduntil: string | null;
  description: string | null;
}

/** Whether this session may read password hashes (pg_authid is superuser-only by default). */
export async function canReadPasswords(ctx: CatalogContext): Promise<boolean> {
  const [row] = await ctx.client.query<{ ok: boolean }>(
    `SELECT pg_catalog.has_table_privilege('pg_catalog.pg_authid', 'SELECT') AS ok`,
  );
  return !!row?.ok;
}

/**
 * Every role except the predefined pg_* ones, by name, with settings and labels: three queries.
 * `passwords` reads pg_authid for the hashes; otherwise pg_roles, which anyone may read.
 */
export async function readRoles(ctx: CatalogContext, passwords: boolean): Promise<RoleInfo[]> {
  const from = passwords ? 'pg_catalog.pg_authid' : 'pg_catalog.pg_roles';
  const password = passwords ? 'r.rolpassword' : 'NULL::text AS rolpassword';
  const rows = await ctx.client.query<RoleRow>(
    `SELECT r.oid::int8 AS oid, r.rolname, r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb,
            r.rolcanlogin, r.rolreplication, r.rolbypassrls, r.rolconnlimit, ${password},
            r.rolvaliduntil::text AS rolvaliduntil,
            pg_catalog.shobj_description(r.oid, 'pg_authid') AS description
       FROM ${from} r
      WHERE r.rolname !~ '^pg_'
      ORDER BY r.rolname`,
  );
  const settingRows = await ctx.client.query<{ setrole: string; setting: string }>(
    `SELECT s.setrole::int8 AS setrole, c.setting
       FROM pg_catalog.pg_db_role_setting s
      CROSS JOIN LATERAL pg_catalog.unnest(s.setconfig) WITH ORDINALITY AS c(setting, n)
      WHERE s.setdatabase = 0 AND s.setrole <> 0
      ORDER BY s.setrole, c.n`,
  );
  const settings = new Map<number, string[]>();
  for (const s of settingRows) {
    const oid = Number(s.setrole);
    let list = settings.get(oid);
    if (!list) settings.set(oid, (list = []));
    list.push(s.setting);
  }
  const labels = await readSharedLabels(ctx, 'pg_authid');
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      oid,
      name: r.rolname,
      superuser: r.rolsuper,
      inherit: r.rolinherit,
      createRole: r.rolcreaterole,
      createDb: r.rolcreatedb,
      canLogin: r.rolcanlogin,
      replication: r.rolreplication,
      bypassRls: r.rolbypassrls,
      connectionLimit: r.rolconnlimit,
      password: r.rolpassword,
      validUntil: r.rolvaliduntil,
      comment: r.description,
      securityLabels: labels.get(oid) ?? [],
      settings: settings.get(oid) ?? [],
      bootstrap: oid === BOOTSTRAP_SUPERUSER_OID,
    };
  });
}

interface MembershipRow {
  role: string;
  member: string;
  grantorid: string | null;
  grantor: string | null;
  admin_option: boolean;
  inherit_option: boolean | null;
  set_option: boolean | null;
}

/**
 * Role memberships, except those between two predefined roles (initdb makes them), ordered by
 * role, member and grantor. The INHERIT and SET options exist from 16 on.
 */
export async function readRoleMemberships(ctx: CatalogContext): Promise<RoleMembership[]> {
  const options = ctx.version >= 160000 ? 'a.inherit_option, a.set_option' : 'NULL::boolean AS inherit_option, NULL::boolean AS set_option';
  const rows = await ctx.client.query<MembershipRow>(
    `SELECT ur.rolname AS role, um.rolname AS member, ug.oid::int8 AS grantorid, ug.rolname AS grantor,
            a.admin_option, ${options}
       FROM pg_catalog.pg_auth_members a
       JOIN pg_catalog.pg_roles ur ON ur.oid = a.roleid
       JOIN pg_catalog.pg_roles um ON um.oid = a.member
       LEFT JOIN pg_catalog.pg_roles ug ON ug.oid = a.grantor
      WHERE NOT (ur.rolname ~ '^pg_' AND um.rolname ~ '^pg_')
      ORDER BY ur.rolname, um.rolname, ug.rolname`,
  );
  return rows.map((r) => ({
    role: r.role,
    member: r.member,
    grantor: r.grantor,
    grantorIsBootstrap: r.grantorid !== null && Number(r.grantorid) === BOOTSTRAP_SUPERUSER_OID,
    adminOption: r.admin_option,
    inheritOption: r.inherit_option,
    setOption: r.set_option,
  }));
}

/** Privileges granted on configuration parameters (15+; nothing before). */
export async function readParameterAcls(ctx: CatalogContext): Promise<ParameterAcl[]> {
  if (ctx.version < 150000) return [];
  const rows = await ctx.client.query<{ parname: string; acl: string | null; baseacl: string; owner: string }>(
    `SELECT p.parname, p.paracl::text AS acl,
            pg_catalog.acldefault('p', ${BOOTSTRAP_SUPERUSER_OID})::text AS baseacl,
            pg_catalog.pg_get_userbyid(${BOOTSTRAP_SUPERUSER_OID}) AS owner
       FROM pg_catalog.pg_parameter_acl p
      ORDER BY p.parname`,
  );
  return rows.map((r) => ({ name: r.parname, acl: r.acl, baseAcl: r.baseacl, owner: r.owner }));
}
