// Which TOC entries a restore wants, and in what order: pg_restore's selection rules (sections,
// -L list, -n/-N/-t/-I/-P/-T, -s/-a, -x, --no-comments, ...) applied to an archive's TOC.
import { readFileSync } from 'node:fs';
import { DumpError } from '../../errors.js';
import type { TocItem } from './reader.js';

export const REQ_SCHEMA = 1;
export const REQ_DATA = 2;
export const REQ_SPECIAL = 4;

export const SECTION = { none: 1, 'pre-data': 2, data: 3, 'post-data': 4 } as const;
/** A pg_restore --section: definitions before the data, the data, or what comes after it (indexes, constraints, triggers). */
export type SectionName = 'pre-data' | 'data' | 'post-data';

export interface SelectionOptions {
  /** --section; empty or absent means all */
  sections?: readonly SectionName[];
  /** -s/--schema-only: restore only the definitions, no data */
  schemaOnly?: boolean;
  /** -a/--data-only: restore only the data (table data, large objects, sequence values), no definitions */
  dataOnly?: boolean;
  /** -C/--create: create the database first and restore into it */
  createDB?: boolean;
  /** -x/--no-privileges: skip GRANT/REVOKE (ACL entries) */
  noPrivileges?: boolean;
  /** --no-comments: skip COMMENT entries */
  noComments?: boolean;
  /** --no-publications: skip publications, their tables and their comments */
  noPublications?: boolean;
  /** --no-subscriptions: skip subscriptions and their comments */
  noSubscriptions?: boolean;
  /** --no-security-labels: skip SECURITY LABEL entries */
  noSecurityLabels?: boolean;
  /** -n: restore only the objects in these schemas */
  schemas?: readonly string[];
  /** -N: skip the objects in these schemas */
  excludeSchemas?: readonly string[];
  /**
   * -t: restore only these tables (and views, materialized views, foreign tables, sequences),
   * by name. Any of -t, -I, -P, -T restricts the restore to the kinds of objects given.
   */
  tables?: readonly string[];
  /** -I: restore only these indexes, by name */
  indexes?: readonly string[];
  /** -P: restore only these functions (and procedures, aggregates), by name with arguments as in the TOC */
  functions?: readonly string[];
  /** -T: restore only these triggers, by name */
  triggers?: readonly string[];
  /** --strict-names: each -n/-t/-I/-P/-T must match something */
  strictNames?: boolean;
}

/** A -L list file's entry ids in file order (pg_restore's SortTocFromFile). */
export function readUseList(file: string, entries: readonly TocItem[], warn: (m: string) => void): number[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DumpError('usage', `could not open TOC file "${file}": ${(e as Error).message}`, { cause: e });
  }
  const known = new Set(entries.map((e) => e.dumpId));
  const maxId = Math.max(0, ...known);
  const seen = new Set<number>();
  const ids: number[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/;.*$/s, '');
    if (/^[ \t\r\n]*$/.test(line)) continue;
    const m = /^\s*([+-]?\d+)/.exec(line);
    const id = m ? parseInt(m[1]!, 10) : NaN;
    if (!m || id <= 0 || id > maxId || seen.has(id)) {
      warn(`line ignored: ${line}`);
      continue;
    }
    if (!known.has(id)) throw new DumpError('usage', `could not find entry for ID ${id} (from TOC file "${file}")`);
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

/** Unwanted entries first in archive order, then the wanted ones in list order. */
export function orderByList(entries: readonly TocItem[], ids: readonly number[]): TocItem[] {
  const wanted = new Set(ids);
  const byId = new Map(entries.map((e) => [e.dumpId, e]));
  return [...entries.filter((e) => !wanted.has(e.dumpId)), ...ids.map((id) => byId.get(id)!)];
}

const isLargeObjectDecoration = (e: TocItem) =>
  (e.desc === 'ACL' || e.desc === 'COMMENT' || e.desc === 'SECURITY LABEL') && e.tag.startsWith('LARGE OBJECT ');

/**
 * What to restore of each entry (REQ_* bits), walking entries in `order` the way
 * _tocEntryRequired does: entries without a section take the current one.
 */
export function markRequired(order: readonly TocItem[], opts: SelectionOptions, listed: ReadonlySet<number> | null): Map<number, number> {
  const reqs = new Map<number, number>();
  const byId = new Map(order.map((e) => [e.dumpId, e]));
  const sections = new Set<number>((opts.sections?.length ? opts.sections : (['pre-data', 'data', 'post-data'] as const)).map((s) => SECTION[s]));
  const selTypes = !!(opts.tables?.length || opts.indexes?.length || opts.functions?.length || opts.triggers?.length);
  const touched = { schemas: new Set<string>(), tables: new Set<string>(), indexes: new Set<string>(), functions: new Set<string>(), triggers: new Set<string>() };
  const member = (list: readonly string[] | undefined, name: string | null, mark: Set<string>) => {
    if (name === null || !list?.includes(name)) return false;
    mark.add(name);
    return true;
  };

  let cur: number = SECTION['pre-data'];
  for (const te of order) {
    if (te.section !== SECTION.none) cur = te.section;
    reqs.set(te.dumpId, required(te, cur));
  }

  if (opts.strictNames) {
    const check = (list: readonly string[] | undefined, seen: Set<string>, what: string) => {
      const missing = list?.find((n) => !seen.has(n));
      if (missing !== undefined) throw new DumpError('not-found', `${what} "${missing}" not found in the archive`);
    };
    check(opts.schemas, touched.schemas, 'schema');
    check(opts.tables, touched.tables, 'table');
    check(opts.indexes, touched.indexes, 'index');
    check(opts.functions, touched.functions, 'function');
    check(opts.triggers, touched.triggers, 'trigger');
  }
  return reqs;

  function required(te: TocItem, section: number): number {
    let res = REQ_SCHEMA | REQ_DATA;
    const { desc, tag } = te;
    if (desc === 'ENCODING' || desc === 'STDSTRINGS' || desc === 'SEARCHPATH') return REQ_SPECIAL;
    if (desc === 'DATABASE' || desc === 'DATABASE PROPERTIES') return opts.createDB ? REQ_SCHEMA : 0;
    if (opts.noPrivileges && (desc === 'ACL' || desc === 'ACL LANGUAGE' || desc === 'DEFAULT ACL')) return 0;
    if (opts.noComments && desc === 'COMMENT') return 0;
    if (desc === 'COMMENT' || desc === 'SECURITY LABEL') {
      if (opts.noPublications && tag.startsWith('PUBLICATION')) return 0;
      if (opts.noSubscriptions && tag.startsWith('SUBSCRIPTION')) return 0;
    }
    if (opts.noPublications && (desc === 'PUBLICATION' || desc === 'PUBLICATION TABLE' || desc === 'PUBLICATION TABLES IN SCHEMA')) return 0;
    if (opts.noSecurityLabels && desc === 'SECURITY LABEL') return 0;
    if (opts.noSubscriptions && desc === 'SUBSCRIPTION') return 0;
    if (!sections.has(section)) return 0;
    if (listed && !listed.has(te.dumpId)) return 0;

    if (desc === 'ACL' || desc === 'COMMENT' || desc === 'SECURITY LABEL') {
      if (tag.startsWith('DATABASE ')) {
        if (!opts.createDB) return 0;
      } else if (opts.schemas?.length || opts.excludeSchemas?.length || selTypes) {
        // only with a parent object that is restored
        const parent = te.deps.some((d) => {
          const p = byId.get(d);
          return p !== undefined && p.desc !== 'ACL' && (reqs.get(d) ?? 0) !== 0;
        });
        if (!parent) return 0;
      }
    } else {
      if (opts.schemas?.length) {
        if (!te.namespace) return 0;
        if (!member(opts.schemas, te.namespace, touched.schemas)) return 0;
      }
      if (opts.excludeSchemas?.length && te.namespace && opts.excludeSchemas.includes(te.namespace)) return 0;
      if (selTypes) {
        if (['TABLE', 'TABLE DATA', 'VIEW', 'FOREIGN TABLE', 'MATERIALIZED VIEW', 'MATERIALIZED VIEW DATA', 'SEQUENCE', 'SEQUENCE SET'].includes(desc)) {
          if (!opts.tables?.length || !member(opts.tables, tag, touched.tables)) return 0;
        } else if (desc === 'INDEX') {
          if (!opts.indexes?.length || !member(opts.indexes, tag, touched.indexes)) return 0;
        } else if (desc === 'FUNCTION' || desc === 'AGGREGATE' || desc === 'PROCEDURE') {
          if (!opts.functions?.length || !member(opts.functions, tag, touched.functions)) return 0;
        } else if (desc === 'TRIGGER') {
          if (!opts.triggers?.length || !member(opts.triggers, tag, touched.triggers)) return 0;
        } else return 0;
      }
    }

    if (!te.hadDumper) {
      if (desc === 'SEQUENCE SET' || desc === 'BLOB' || desc === 'BLOB METADATA' || isLargeObjectDecoration(te)) res &= REQ_DATA;
      else res &= ~REQ_DATA;
    }
    if (!te.defn || te.defn.startsWith('-- load via partition root ')) res &= ~REQ_SCHEMA;
    if (desc === '<Init>' && tag === 'Max OID') return 0;
    if (opts.schemaOnly) res &= REQ_SCHEMA;
    if (opts.dataOnly) res &= REQ_DATA;
    return res;
  }
}

/** The pass an entry is restored in: privileges after everything, then what needs them. */
export function restorePass(te: TocItem): 0 | 1 | 2 {
  if (te.desc === 'ACL' || te.desc === 'ACL LANGUAGE' || te.desc === 'DEFAULT ACL') return 1;
  if (te.desc === 'EVENT TRIGGER' || te.desc === 'MATERIALIZED VIEW DATA') return 2;
  if ((te.desc === 'COMMENT' || te.desc === 'SECURITY LABEL') && te.tag.startsWith('EVENT TRIGGER ')) return 2;
  return 0;
}

export function isAclEntry(te: TocItem): boolean {
  return te.desc === 'ACL' || te.desc === 'ACL LANGUAGE' || te.desc === 'DEFAULT ACL';
}
