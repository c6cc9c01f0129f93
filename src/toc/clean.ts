import { qualify, quoteLiteral } from '../sql/quote.js';
import type { TocEntry } from './toc.js';

/**
 * A drop statement made conditional the way pg_dump's --if-exists does it: after `ALTER TABLE`
 * (which takes IF EXISTS itself) and after `DROP <entry type>` or `DROP CONSTRAINT`; large
 * objects get a query that only unlinks an existing one. Column defaults have no conditional
 * form and stay as they are.
 */
export function withIfExists(e: Pick<TocEntry, 'desc' | 'tag' | 'dropStmt'>): string {
  const stmt = e.dropStmt;
  if (stmt.startsWith('--')) return stmt;
  if (e.desc === 'BLOB' || e.desc === 'LARGE OBJECT') {
    return `SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata WHERE oid = ${quoteLiteral(e.tag)};`;
  }
  let head = '';
  let rest = stmt;
  if (rest.startsWith('ALTER TABLE')) {
    head = 'ALTER TABLE IF EXISTS';
    rest = rest.slice('ALTER TABLE'.length);
  }
  if (e.desc === 'DEFAULT' || e.desc === 'DATABASE PROPERTIES' || rest.startsWith('CREATE OR REPLACE VIEW')) return head + rest;
  const keyword = ['CONSTRAINT', 'CHECK CONSTRAINT', 'FK CONSTRAINT'].includes(e.desc) ? 'DROP CONSTRAINT' : `DROP ${e.desc}`;
  const at = rest.indexOf(keyword);
  // pg_dump warns and keeps the statement as it is when it cannot find the spot.
  if (at < 0) return head + rest;
  return `${head}${rest.slice(0, at)}${keyword} IF EXISTS${rest.slice(at + keyword.length)}`;
}

/**
 * The entries whose drop statements a --clean script starts with, last created first. With
 * --create only the database itself is dropped: the script is then connected to another
 * database, and dropping the database takes everything in it along.
 */
export function entriesToDrop(entries: readonly TocEntry[], createDatabase: boolean): TocEntry[] {
  // An index attached to its parent's partitioned index cannot be dropped by itself (the
  // parent's drop takes it along); pg_dump writes no drop for it. Nor can the constraint such
  // an index implements (pg_dump writes that one, which then fails: we leave it out too).
  const attached = new Set(entries.filter((e) => e.desc === 'INDEX ATTACH').map((e) => `${e.namespace}\0${e.tag}`));
  // A constraint's tag is `table name`, and either may contain spaces: try every split.
  const isAttachedConstraint = (e: TocEntry) => {
    if (e.desc !== 'CONSTRAINT') return false;
    for (let i = e.tag.indexOf(' '); i >= 0; i = e.tag.indexOf(' ', i + 1)) {
      if (attached.has(`${e.namespace}\0${e.tag.slice(i + 1)}`)) return true;
    }
    return false;
  };
  const out: TocEntry[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (createDatabase && e.desc !== 'DATABASE' && e.desc !== 'DATABASE PROPERTIES') continue;
    if (e.desc === 'INDEX' && attached.has(`${e.namespace}\0${e.tag}`)) continue;
    if (isAttachedConstraint(e)) continue;
    // A publication's members go with it; ALTER PUBLICATION ... DROP has no IF EXISTS form, so
    // pg_dump writes no drop for them.
    if (e.desc === 'PUBLICATION TABLE' || e.desc === 'PUBLICATION TABLES IN SCHEMA') continue;
    if (e.dropStmt) out.push(e);
    else if (e.desc === 'VIEW' && e.defn.startsWith('CREATE OR REPLACE VIEW ')) {
      const stub = viewStubOf(entries, i);
      if (stub) out.push({ ...e, dropStmt: stub });
    }
  }
  return out;
}

/**
 * A view created as a stub and given its body later (to break a dependency loop, such as a view
 * reading a function that returns the view's row type) drops its body first, as pg_dump does:
 * putting the stub back cuts the ties to what the body reads, so those drop before the view.
 * The stub is the view's earlier entry, up to its ALTER ... OWNER TO.
 */
function viewStubOf(entries: readonly TocEntry[], bodyAt: number): string | null {
  const body = entries[bodyAt]!;
  for (let i = bodyAt - 1; i >= 0; i--) {
    const e = entries[i]!;
    if (e.desc !== 'VIEW' || e.namespace !== body.namespace || e.tag !== body.tag || !e.defn.startsWith('CREATE VIEW ')) continue;
    const owner = e.defn.indexOf(`\nALTER TABLE ${qualify(e.namespace, e.tag)} OWNER TO `);
    return `CREATE OR REPLACE VIEW ${(owner < 0 ? e.defn : e.defn.slice(0, owner)).slice('CREATE VIEW '.length)}`;
  }
  return null;
}
