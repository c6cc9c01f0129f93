import { aclItemKey, parseAclArray, privilegeNames, type AclItem } from '../sql/acl.js';
import { quoteIdent } from '../sql/quote.js';

/** Which privileges make up ALL for each object class, so GRANT ALL is printed like pg_dump does. */
export type AclClass = 'table' | 'sequence' | 'function' | 'type' | 'schema' | 'database' | 'language' | 'fdw' | 'server' | 'large-object' | 'tablespace' | 'parameter';

const ALL_PRIVILEGES: Record<AclClass, string> = {
  table: 'arwdDxt',
  sequence: 'rwU',
  function: 'X',
  type: 'U',
  schema: 'UC',
  database: 'CTc',
  language: 'U',
  fdw: 'U',
  server: 'U',
  'large-object': 'rw',
  tablespace: 'C',
  parameter: 'sA',
};

function roleName(grantee: string): string {
  return grantee === '' ? 'PUBLIC' : quoteIdent(grantee);
}

function privilegeList(letters: string, cls: AclClass, serverHasMaintain: boolean, column: string | null): string {
  const all = ALL_PRIVILEGES[cls] + (cls === 'table' && serverHasMaintain ? 'm' : '');
  const sorted = (s: string) => [...s].sort().join('');
  if (column === null && sorted(letters) === sorted(all)) return 'ALL';
  if (column !== null && sorted(letters) === sorted('arwx')) return `ALL(${quoteIdent(column)})`;
  const names = privilegeNames(letters);
  return column === null ? names.join(',') : names.map((n) => `${n}(${quoteIdent(column)})`).join(',');
}

export interface AclTarget {
  /** e.g. `TABLE s.t`, `FUNCTION s.f(integer)`, `SCHEMA s` */
  readonly target: string;
  readonly cls: AclClass;
  readonly owner: string | null;
  /** for column privileges: GRANT SELECT(col) ON TABLE ... */
  readonly column?: string;
  /** 17+ servers have MAINTAIN in a table's full privilege set */
  readonly serverHasMaintain: boolean;
}

/**
 * GRANT/REVOKE statements turning `base` (what the object gets on creation) into `acl`.
 * Items of the baseline that are gone are revoked (their privileges), then every item the object has
 * beyond its baseline is granted; grants made by someone other than the owner are replayed
 * as that grantor so the grantor chain survives.
 */
export function emitAcl(t: AclTarget, aclText: string | null, baseText: string | null): string {
  const acl = parseAclArray(aclText);
  if (acl === null) return '';
  const base = parseAclArray(baseText) ?? [];
  const have = new Set(acl.map(aclItemKey));
  const had = new Set(base.map(aclItemKey));
  const lines: string[] = [];
  const column = t.column ?? null;
  for (const item of base) {
    if (!have.has(aclItemKey(item))) {
      // Revoke what the item held (ALL when that is the full set), as pg_dump does: `REVOKE USAGE
      // ON SCHEMA public FROM PUBLIC`, not ALL, for public's =U/ item.
      const what = privilegeList(item.privs + item.grantable, t.cls, t.serverHasMaintain, column);
      lines.push(`REVOKE ${what} ON ${t.target} FROM ${roleName(item.grantee)};`);
    }
  }
  for (const item of acl) {
    if (had.has(aclItemKey(item))) continue;
    lines.push(...grantLines(t, item, column));
  }
  return lines.join('\n');
}

function grantLines(t: AclTarget, item: AclItem, column: string | null): string[] {
  const out: string[] = [];
  const asGrantor = item.grantor !== '' && t.owner !== null && item.grantor !== t.owner;
  if (asGrantor) out.push(`SET SESSION AUTHORIZATION ${quoteIdent(item.grantor)};`);
  if (item.privs) {
    out.push(`GRANT ${privilegeList(item.privs, t.cls, t.serverHasMaintain, column)} ON ${t.target} TO ${roleName(item.grantee)};`);
  }
  if (item.grantable) {
    out.push(
      `GRANT ${privilegeList(item.grantable, t.cls, t.serverHasMaintain, column)} ON ${t.target} TO ${roleName(item.grantee)} WITH GRANT OPTION;`,
    );
  }
  if (asGrantor) out.push('RESET SESSION AUTHORIZATION;');
  return out;
}

const DEFAULT_ACL_OBJECTS: Record<string, string> = {
  r: 'TABLES',
  S: 'SEQUENCES',
  f: 'FUNCTIONS',
  T: 'TYPES',
  n: 'SCHEMAS',
};

const DEFAULT_ACL_CLASS: Record<string, AclClass> = {
  r: 'table',
  S: 'sequence',
  f: 'function',
  T: 'type',
  n: 'schema',
};

/** ALTER DEFAULT PRIVILEGES statements for one pg_default_acl row. */
export function emitDefaultAcl(
  role: string,
  schema: string | null,
  objectType: string,
  aclText: string,
  baseText: string | null,
  serverHasMaintain: boolean,
): string {
  const prefix = `ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(role)}${schema ? ` IN SCHEMA ${quoteIdent(schema)}` : ''}`;
  const body = emitAcl(
    { target: DEFAULT_ACL_OBJECTS[objectType]!, cls: DEFAULT_ACL_CLASS[objectType]!, owner: role, serverHasMaintain },
    aclText,
    baseText,
  );
  // Default privileges have no grantor to impersonate: every line is for the role itself.
  return body
    .split('\n')
    .filter((l) => l && !l.startsWith('SET SESSION') && !l.startsWith('RESET SESSION'))
    .map((l) => `${prefix} ${l}`)
    .join('\n');
}
