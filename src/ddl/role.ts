import type { ParameterAcl, RoleInfo, RoleMembership } from '../../catalog/roles.js';
import type { SharedLabel } from '../../catalog/shared-labels.js';
import { DumpError } from '../errors.js';
import { quoteIdent, quoteLiteral } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { LIST_QUOTED_SETTINGS, splitGucList } from './database.js';

export interface RoleEmitOptions {
  /** --no-role-passwords (or pg_authid unreadable) */
  readonly noPasswords: boolean;
  readonly noComments: boolean;
  readonly noSecurityLabels: boolean;
}

/** `SECURITY LABEL FOR p ON <target> IS '...';` lines of a shared object. */
export function emitSharedLabels(target: string, labels: readonly SharedLabel[]): string[] {
  return labels.map((l) => `SECURITY LABEL FOR ${quoteIdent(l.provider)} ON ${target} IS ${quoteLiteral(l.label)};`);
}

/**
 * CREATE ROLE, then ALTER ROLE with every attribute spelled out, so the role ends up right even
 * where it already existed. The bootstrap superuser exists in every cluster (CREATE would fail
 * and stop a script run with ON_ERROR_STOP): it only gets the ALTER.
 */
export function emitRole(r: RoleInfo, o: RoleEmitOptions): string {
  const name = quoteIdent(r.name);
  const lines: string[] = [];
  if (!r.bootstrap) lines.push(`CREATE ROLE ${name};`);
  const flag = (on: boolean, word: string) => (on ? word : `NO${word}`);
  let alter =
    `ALTER ROLE ${name} WITH ${flag(r.superuser, 'SUPERUSER')} ${flag(r.inherit, 'INHERIT')} ` +
    `${flag(r.createRole, 'CREATEROLE')} ${flag(r.createDb, 'CREATEDB')} ${flag(r.canLogin, 'LOGIN')} ` +
    `${flag(r.replication, 'REPLICATION')} ${flag(r.bypassRls, 'BYPASSRLS')}`;
  if (r.connectionLimit !== -1) alter += ` CONNECTION LIMIT ${r.connectionLimit}`;
  if (r.password !== null && !o.noPasswords) alter += ` PASSWORD ${quoteLiteral(r.password)}`;
  if (r.validUntil !== null) alter += ` VALID UNTIL ${quoteLiteral(r.validUntil)}`;
  lines.push(`${alter};`);
  if (!o.noComments && r.comment !== null) lines.push(`COMMENT ON ROLE ${name} IS ${quoteLiteral(r.comment)};`);
  if (!o.noSecurityLabels) lines.push(...emitSharedLabels(`ROLE ${name}`, r.securityLabels));
  return lines.join('\n');
}

/** `ALTER ROLE r SET x TO 'v';` from a stored `x=v`; list settings get one literal per element. */
export function emitRoleSetting(role: string, setting: string): string {
  const eq = setting.indexOf('=');
  if (eq < 0) return '';
  const name = setting.slice(0, eq);
  const value = setting.slice(eq + 1);
  let rendered = quoteLiteral(value);
  if (LIST_QUOTED_SETTINGS.has(name.toLowerCase())) {
    const parts = splitGucList(value);
    if (parts) rendered = parts.map(quoteLiteral).join(', ');
  }
  return `ALTER ROLE ${quoteIdent(role)} SET ${quoteIdent(name)} TO ${rendered};`;
}

/**
 * Memberships in an order that restores: from 16 on, the grantor named in GRANTED BY must hold
 * ADMIN OPTION on the role already (the bootstrap superuser always may). Role by role, grants
 * whose grantor is allowed go first, and each grant WITH ADMIN OPTION allows its member next.
 * Before 16 grantors are not checked and the catalog order stands.
 */
export function orderMemberships(memberships: readonly RoleMembership[], grantorsChecked: boolean): RoleMembership[] {
  if (!grantorsChecked) return [...memberships];
  const out: RoleMembership[] = [];
  const byRole = new Map<string, RoleMembership[]>();
  for (const m of memberships) {
    let list = byRole.get(m.role);
    if (!list) byRole.set(m.role, (list = []));
    list.push(m);
  }
  for (const [role, grants] of byRole) {
    const admins = new Set<string>();
    let pending = grants;
    while (pending.length > 0) {
      const next: RoleMembership[] = [];
      for (const m of pending) {
        if (m.grantor !== null && !m.grantorIsBootstrap && !admins.has(m.grantor)) {
          next.push(m);
          continue;
        }
        out.push(m);
        if (m.adminOption) admins.add(m.member);
      }
      if (next.length === pending.length) {
        throw new DumpError(
          'unsupported',
          `could not find a legal dump ordering for memberships in role "${role}": a grantor never holds ADMIN OPTION on it`,
        );
      }
      pending = next;
    }
  }
  return out;
}

/** GRANT role TO member with its options (16+: INHERIT always, SET only when false) and grantor. */
export function emitMembership(m: RoleMembership): string {
  const options: string[] = [];
  if (m.adminOption) options.push('ADMIN OPTION');
  if (m.inheritOption !== null) options.push(`INHERIT ${m.inheritOption ? 'TRUE' : 'FALSE'}`);
  if (m.setOption === false) options.push('SET FALSE');
  let sql = `GRANT ${quoteIdent(m.role)} TO ${quoteIdent(m.member)}`;
  if (options.length) sql += ` WITH ${options.join(', ')}`;
  if (m.grantor !== null) sql += ` GRANTED BY ${quoteIdent(m.grantor)}`;
  return `${sql};`;
}

/** GRANT SET / ALTER SYSTEM ON PARAMETER (15+). */
export function emitParameterAcl(p: ParameterAcl): string {
  return emitAcl({ target: `PARAMETER ${quoteIdent(p.name)}`, cls: 'parameter', owner: p.owner, serverHasMaintain: false }, p.acl, p.baseAcl);
}

export function emitDropRole(name: string, ifExists: boolean): string {
  return `DROP ROLE ${ifExists ? 'IF EXISTS ' : ''}${quoteIdent(name)};`;
}
