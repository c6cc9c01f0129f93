import type { DatabaseInfo } from '../../catalog/database.js';
import { quoteIdent, quoteLiteral } from '../sql/quote.js';
import { emitAcl } from './acl.js';

/**
 * Settings whose stored value is a list of already-quoted elements; like pg_dump, each element
 * is split out and written as its own literal (`SET search_path TO '$user', 'public'`).
 */
export const LIST_QUOTED_SETTINGS: ReadonlySet<string> = new Set([
  'local_preload_libraries',
  'search_path',
  'session_preload_libraries',
  'shared_preload_libraries',
  'temp_tablespaces',
  'unix_socket_directories',
]);

/** Splits a flattened GUC list (`"$user", public`) into its elements; null when malformed. */
export function splitGucList(raw: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  const n = raw.length;
  const space = (c: string | undefined) => c !== undefined && /\s/.test(c);
  while (space(raw[i])) i++;
  if (i >= n) return out;
  for (;;) {
    let name = '';
    if (raw[i] === '"') {
      i++;
      for (;;) {
        const q = raw.indexOf('"', i);
        if (q < 0) return null;
        name += raw.slice(i, q);
        if (raw[q + 1] === '"') {
          name += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
    } else {
      const start = i;
      while (i < n && raw[i] !== ',' && !space(raw[i])) i++;
      if (i === start) return null;
      name = raw.slice(start, i);
    }
    while (space(raw[i])) i++;
    out.push(name);
    if (i >= n) return out;
    if (raw[i] !== ',') return null;
    i++;
    while (space(raw[i])) i++;
  }
}

/** `ALTER DATABASE d SET x TO 'v';` (or `ALTER ROLE r IN DATABASE d SET ...`) from a stored `x=v`. */
export function emitAlterConfig(setting: string, database: string, role: string | null): string {
  const eq = setting.indexOf('=');
  if (eq < 0) return '';
  const name = setting.slice(0, eq);
  const value = setting.slice(eq + 1);
  const target = role === null ? `DATABASE ${quoteIdent(database)}` : `ROLE ${quoteIdent(role)} IN DATABASE ${quoteIdent(database)}`;
  let rendered = quoteLiteral(value);
  if (LIST_QUOTED_SETTINGS.has(name.toLowerCase())) {
    const parts = splitGucList(value);
    if (parts) rendered = parts.map(quoteLiteral).join(', ');
  }
  return `ALTER ${target} SET ${quoteIdent(name)} TO ${rendered};`;
}

const PROVIDERS = { c: 'libc', i: 'icu', b: 'builtin' } as const;

/**
 * CREATE DATABASE with what cannot be changed afterwards: encoding, locale, provider, tablespace.
 * From template0, so the restored database starts empty whatever template1 holds.
 */
export function emitCreateDatabase(db: DatabaseInfo, version: number): string {
  let sql = `CREATE DATABASE ${quoteIdent(db.name)} WITH TEMPLATE = template0`;
  if (db.encoding) sql += ` ENCODING = ${quoteLiteral(db.encoding)}`;
  // LOCALE_PROVIDER came with 15; older servers only have libc and reject the keyword.
  if (version >= 150000) sql += ` LOCALE_PROVIDER = ${PROVIDERS[db.localeProvider]}`;
  if (db.collate && db.collate === db.ctype) {
    sql += ` LOCALE = ${quoteLiteral(db.collate)}`;
  } else {
    if (db.collate) sql += ` LC_COLLATE = ${quoteLiteral(db.collate)}`;
    if (db.ctype) sql += ` LC_CTYPE = ${quoteLiteral(db.ctype)}`;
  }
  if (db.locale !== null) {
    sql += `${db.localeProvider === 'b' ? ' BUILTIN_LOCALE' : ' ICU_LOCALE'} = ${quoteLiteral(db.locale)}`;
  }
  if (db.icuRules !== null) sql += ` ICU_RULES = ${quoteLiteral(db.icuRules)}`;
  if (db.tablespace !== null) sql += ` TABLESPACE = ${quoteIdent(db.tablespace)}`;
  return `${sql};`;
}

export function emitDropDatabase(db: DatabaseInfo): string {
  return `DROP DATABASE ${quoteIdent(db.name)};`;
}

/**
 * What pg_dump's DATABASE PROPERTIES entry holds: settings that must be applied from inside
 * the new database (connection limit, template flag, per-database and per-role settings).
 */
export function emitDatabaseProperties(db: DatabaseInfo): { create: string; drop: string } {
  const name = quoteIdent(db.name);
  const lines: string[] = [];
  if (db.connectionLimit !== -1) lines.push(`ALTER DATABASE ${name} CONNECTION LIMIT = ${db.connectionLimit};`);
  let drop = '';
  if (db.isTemplate) {
    lines.push(`ALTER DATABASE ${name} IS_TEMPLATE = true;`);
    // A template database cannot be dropped, and ALTER DATABASE has no IF EXISTS: unmark it directly.
    drop = `UPDATE pg_catalog.pg_database SET datistemplate = false WHERE datname = ${quoteLiteral(db.name)};`;
  }
  for (const s of db.settings) lines.push(emitAlterConfig(s, db.name, null));
  for (const s of db.roleSettings) lines.push(emitAlterConfig(s.setting, db.name, s.role));
  return { create: lines.filter((l) => l).join('\n'), drop };
}

export function emitDatabaseComment(db: DatabaseInfo): string | null {
  return db.comment === null || db.comment === '' ? null : `COMMENT ON DATABASE ${quoteIdent(db.name)} IS ${quoteLiteral(db.comment)};`;
}

export function emitDatabaseSecurityLabels(db: DatabaseInfo): string | null {
  if (!db.securityLabels.length) return null;
  return db.securityLabels
    .map((l) => `SECURITY LABEL FOR ${quoteIdent(l.provider)} ON DATABASE ${quoteIdent(db.name)} IS ${quoteLiteral(l.label)};`)
    .join('\n');
}

export function emitDatabaseAcl(db: DatabaseInfo): string {
  return emitAcl({ target: `DATABASE ${quoteIdent(db.name)}`, cls: 'database', owner: db.owner, serverHasMaintain: false }, db.acl, db.baseAcl);
}

export function emitDatabaseOwner(db: DatabaseInfo): string {
  return `ALTER DATABASE ${quoteIdent(db.name)} OWNER TO ${quoteIdent(db.owner)};`;
}
