import type { CatalogContext } from '../catalog/client.js';
import { readParameterAcls, readRoleMemberships, readRoles, type ParameterAcl, type RoleInfo, type RoleMembership } from '../catalog/roles.js';
import { readTablespaces, type TablespaceInfo } from '../catalog/tablespaces.js';
import { emitDropRole, emitMembership, emitParameterAcl, emitRole, emitRoleSetting, orderMemberships } from './ddl/role.js';
import { emitDropTablespace, emitTablespace } from './ddl/tablespace.js';
import { quoteIdent } from './sql/quote.js';

/** What the cluster dump writes before any database: roles and tablespaces. */
export interface ClusterGlobals {
  readonly roles: readonly RoleInfo[];
  readonly memberships: readonly RoleMembership[];
  readonly parameterAcls: readonly ParameterAcl[];
  readonly tablespaces: readonly TablespaceInfo[];
}

export interface GlobalsScope {
  /** roles, their settings and memberships, privileges on parameters */
  readonly roles: boolean;
  readonly tablespaces: boolean;
  /** read pg_authid for password hashes */
  readonly passwords: boolean;
}

export async function readGlobals(ctx: CatalogContext, scope: GlobalsScope): Promise<ClusterGlobals> {
  return {
    roles: scope.roles ? await readRoles(ctx, scope.passwords) : [],
    memberships: scope.roles ? await readRoleMemberships(ctx) : [],
    parameterAcls: scope.roles ? await readParameterAcls(ctx) : [],
    tablespaces: scope.tablespaces ? await readTablespaces(ctx) : [],
  };
}

export interface GlobalsScriptOptions {
  readonly version: number;
  readonly roles: boolean;
  readonly tablespaces: boolean;
  readonly clean: boolean;
  readonly ifExists: boolean;
  /** the databases are dumped too (not -g, -r, -t) */
  readonly databases: boolean;
  /** with --clean, the databases dropped first (postgres and template1 are never among them) */
  readonly dropDatabases: readonly string[];
  readonly noPasswords: boolean;
  readonly noPrivileges: boolean;
  readonly noComments: boolean;
  readonly noSecurityLabels: boolean;
}

/** Names inside `--` comments must not end the comment. */
export function commentSafe(s: string): string {
  return s.replace(/[\r\n]/g, ' ');
}

function section(title: string, lines: readonly string[]): string {
  return lines.length ? `--\n-- ${title}\n--\n\n${lines.join('\n')}\n` : '';
}

/** The start of a cluster script, as pg_dumpall writes it. */
export function clusterHeader(restrictKey: string): string {
  return `--
-- PostgreSQL database cluster dump
--

\\restrict ${restrictKey}

SET default_transaction_read_only = off;

SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;

`;
}

export const CLUSTER_TRAILER = '--\n-- PostgreSQL database cluster dump complete\n--\n\n';

/**
 * The global part of the script, in pg_dumpall's order and layout: with --clean the drops
 * (databases, tablespaces, roles); then roles, their settings, memberships, privileges on
 * parameters, and tablespaces. The bootstrap superuser is never dropped: it cannot be.
 */
export function globalsScript(g: ClusterGlobals, o: GlobalsScriptOptions): string {
  let out = '';
  if (o.clean) {
    const drops = o.dropDatabases.map((d) => `DROP DATABASE ${o.ifExists ? 'IF EXISTS ' : ''}${quoteIdent(d)};`);
    if (o.databases) out += section('Drop databases (except postgres and template1)', drops) + '\n\n';
    if (o.tablespaces) {
      const names = g.tablespaces.map((t) => t.name).sort(byCodePoint);
      out += section('Drop tablespaces', names.map((n) => emitDropTablespace(n, o.ifExists))) + '\n\n';
    }
    if (o.roles) {
      out += section('Drop roles', g.roles.filter((r) => !r.bootstrap).map((r) => emitDropRole(r.name, o.ifExists))) + '\n\n';
    }
  }
  if (o.roles) {
    const roleOpts = { noPasswords: o.noPasswords, noComments: o.noComments, noSecurityLabels: o.noSecurityLabels };
    out += section('Roles', g.roles.map((r) => emitRole(r, roleOpts)));
    if (g.roles.length) out += '\n--\n-- User Configurations\n--\n';
    for (const r of g.roles) {
      const lines = r.settings.map((s) => emitRoleSetting(r.name, s)).filter((l) => l);
      if (lines.length) out += `\n--\n-- User Config "${commentSafe(r.name)}"\n--\n\n${lines.join('\n')}\n`;
    }
    out += '\n\n';
    const memberships = orderMemberships(g.memberships, o.version >= 160000);
    out += section('Role memberships', memberships.map(emitMembership)) + '\n\n';
    if (o.version >= 150000 && !o.noPrivileges) {
      const grants = g.parameterAcls.map(emitParameterAcl).filter((s) => s);
      out += section('Role privileges on configuration parameters', grants) + '\n\n';
    }
  }
  if (o.tablespaces) {
    const tsOpts = { noPrivileges: o.noPrivileges, noComments: o.noComments, noSecurityLabels: o.noSecurityLabels };
    out += section('Tablespaces', g.tablespaces.map((t) => emitTablespace(t, tsOpts))) + '\n\n';
  }
  return out;
}

/** Byte order of the names, as the server's `name` type sorts them. */
function byCodePoint(a: string, b: string): number {
  const [x, y] = [Buffer.from(a), Buffer.from(b)];
  return Buffer.compare(x, y);
}

/** The comment that opens each database's part of the script. */
export function databaseBanner(name: string): string {
  return `--\n-- Database "${commentSafe(name)}" dump\n--\n\n`;
}
