import type { DumpObject } from '../../catalog/objects.js';
import type { TableObject } from '../../catalog/tables.js';
import type { DatabaseInfo } from '../../catalog/database.js';
import { qualify } from '../sql/quote.js';
import { databaseEntries, type DatabaseEntryOptions } from './database.js';
import type { TocEntry } from './toc.js';
import { renumberEntries } from './deps.js';

/** The topmost ancestor of a partition (the table itself when it is none), looked up among `tables`. */
export function partitionRoot(t: TableObject, tables: ReadonlyMap<number, TableObject>): TableObject {
  let cur = t;
  const seen = new Set<number>();
  while (cur.isPartition && cur.parents.length) {
    const parent = tables.get(cur.parents[0]!.oid);
    if (!parent || seen.has(parent.oid)) break;
    seen.add(parent.oid);
    cur = parent;
  }
  return cur;
}

export function tablesByOid(objects: readonly DumpObject[]): Map<number, TableObject> {
  const m = new Map<number, TableObject>();
  for (const o of objects) if (o.kind === 'table') m.set(o.oid, o);
  return m;
}

export interface ShapeOptions extends DatabaseEntryOptions {
  /** data as INSERT statements: no COPY header */
  readonly inserts: boolean;
  readonly loadViaPartitionRoot: boolean;
  readonly tables: ReadonlyMap<number, TableObject>;
  /** -C: the database's own entries join the list */
  readonly database: DatabaseInfo | null;
}

/**
 * Applies the output options that change entries rather than the script around them: data
 * loaded through the partition root (pg_dump marks such an entry with a comment as its
 * definition), INSERT data without COPY statements, and the --create entries.
 */
export function shapeToc(entries: readonly TocEntry[], opts: ShapeOptions): TocEntry[] {
  const out: Omit<TocEntry, 'dumpId'>[] = entries.map((e) => {
    if (e.data?.kind !== 'copy') return e;
    let shaped: Omit<TocEntry, 'dumpId'> = e;
    const t = e.data.object;
    if (opts.loadViaPartitionRoot && t.isPartition) {
      const root = partitionRoot(t, opts.tables);
      if (root !== t) {
        const rootName = qualify(root.schema, root.name);
        const prefix = `COPY ${e.data.table}`;
        const copyStmt = e.copyStmt?.startsWith(prefix) ? `COPY ${rootName}${e.copyStmt.slice(prefix.length)}` : e.copyStmt;
        shaped = { ...shaped, defn: `-- load via partition root ${rootName}`, copyStmt };
      }
    }
    if (opts.inserts) shaped = { ...shaped, copyStmt: null };
    return shaped;
  });
  // Nothing added or moved: the numbers and dependencies stand (no copy of every entry).
  if (!opts.database && out.every((e, i) => e === entries[i])) return out as TocEntry[];
  if (opts.database) {
    const { head, acl } = databaseEntries(opts.database, opts);
    if (acl) {
      // pg_dump creates the database's ACL entry before any other object's, so it leads the grants.
      let at = out.findIndex((e) => e.desc === 'ACL' || e.desc === 'DEFAULT ACL');
      if (at < 0) at = out.findIndex((e) => e.desc === 'MATERIALIZED VIEW DATA');
      out.splice(at < 0 ? out.length : at, 0, acl);
    }
    out.unshift(...head);
  }
  return renumberEntries(out);
}

/** No entry defines anything: pg_dump then treats the dump as data-only (for --disable-triggers). */
export function isDataOnly(entries: readonly TocEntry[]): boolean {
  return entries.every((e) => e.section === 'data');
}
