import type { TablespaceInfo } from '../../catalog/tablespaces.js';
import { quoteIdent, quoteLiteral } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { emitSharedLabels } from './role.js';

export interface TablespaceEmitOptions {
  readonly noPrivileges: boolean;
  readonly noComments: boolean;
  readonly noSecurityLabels: boolean;
}

/** A stored `name=value` option as SQL: numbers as they are, anything else as a literal. */
function optionText(option: string): string {
  const eq = option.indexOf('=');
  if (eq < 0) return quoteIdent(option);
  const value = option.slice(eq + 1);
  return `${quoteIdent(option.slice(0, eq))}=${/^[0-9A-Za-z_.+-]+$/.test(value) ? value : quoteLiteral(value)}`;
}

/**
 * CREATE TABLESPACE with owner and location, its options, privileges, comment and labels. The
 * owner is written even with --no-owner, as pg_dumpall does: a tablespace has no other way to
 * get one. An in-place tablespace gets LOCATION '' (restores with allow_in_place_tablespaces).
 */
export function emitTablespace(t: TablespaceInfo, o: TablespaceEmitOptions): string {
  const name = quoteIdent(t.name);
  const lines = [`CREATE TABLESPACE ${name} OWNER ${quoteIdent(t.owner)} LOCATION ${quoteLiteral(t.location)};`];
  if (t.options.length) lines.push(`ALTER TABLESPACE ${name} SET (${t.options.map(optionText).join(', ')});`);
  if (!o.noPrivileges) {
    const acl = emitAcl({ target: `TABLESPACE ${name}`, cls: 'tablespace', owner: t.owner, serverHasMaintain: false }, t.acl, t.baseAcl);
    if (acl) lines.push(acl);
  }
  if (!o.noComments && t.comment !== null && t.comment !== '') lines.push(`COMMENT ON TABLESPACE ${name} IS ${quoteLiteral(t.comment)};`);
  if (!o.noSecurityLabels) lines.push(...emitSharedLabels(`TABLESPACE ${name}`, t.securityLabels));
  return lines.join('\n');
}

export function emitDropTablespace(name: string, ifExists: boolean): string {
  return `DROP TABLESPACE ${ifExists ? 'IF EXISTS ' : ''}${quoteIdent(name)};`;
}
