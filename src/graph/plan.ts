import type { Catalog } from '../../catalog/index.js';
import type { DumpObject } from '../../catalog/objects.js';
import type { ConstraintObject } from '../../catalog/constraints.js';
import { printsColumn, type TableObject } from '../../catalog/tables.js';
import { definitionPriority, PART_PRIORITY, sectionOf, sortNameOf, type Item, type ItemPart } from './items.js';
import { sortItems, type SortWarning } from './sort.js';

export interface Plan {
  /** items in dump order, absorbed ones excluded */
  readonly items: readonly Item[];
  readonly inlineDefaults: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly inlineChecks: ReadonlyMap<string, readonly DumpObject[]>;
  readonly warnings: readonly SortWarning[];
}

export interface PlanOptions {
  /** include table data, sequence values and matview refreshes */
  readonly data: boolean;
  /** include definitions */
  readonly schema: boolean;
  /** --include-foreign-data: servers (by name) whose foreign tables' rows are dumped */
  readonly foreignDataServers?: ReadonlySet<string>;
}

/** The table a part (default, constraint, index, trigger) belongs to. */
export function ownerTableOf(o: DumpObject): string | null {
  return 'tableId' in o ? o.tableId : null;
}

/** A part that normally prints inside its table's CREATE TABLE. */
function startsAbsorbed(o: DumpObject, tables: ReadonlyMap<string, TableObject>): boolean {
  if (o.kind === 'column-default') {
    const t = tables.get(o.tableId);
    const column = t?.columns.find((c) => c.name === o.column);
    return !o.tableOnView && (!t || !column || printsColumn(t, column));
  }
  if (o.kind === 'constraint') return o.contype === 'c' && o.validated;
  return false;
}

/**
 * Which constraints are dumped on their own: a foreign key cloned onto partitions comes back
 * with its parent; an inherited CHECK comes back through INHERITS, except on a partition,
 * which is created standalone and must carry it before it is attached.
 */
function dumpsConstraint(c: ConstraintObject): boolean {
  if (c.contype === 'f') return !c.inheritedFromPartitionParent;
  if (c.contype === 'c') return c.isLocal || (c.tableIsPartition && c.validated);
  return true;
}

function objectIdOf(relid: number): string {
  return `pg_class:${relid}`;
}

/**
 * Turns the catalog into sorted dump items: one definition per object plus data, sequence
 * values and matview refreshes; pg_depend rows become edges between items, with parts
 * printed inside their table modelled as the table depending on them, so a loop through
 * one (a serial column's default and its OWNED BY sequence) is broken by printing that part
 * separately, as pg_dump does.
 */
export function planDump(catalog: Catalog, opts: PlanOptions): Plan {
  const items = new Map<string, Item>();
  const byCatalogId = new Map<string, Item>();
  const add = (object: DumpObject, part: ItemPart, extra?: Partial<Item>): Item => {
    const key = part === 'definition' ? object.id : `${object.id}/${part}${extra?.sequence ? `/${extra.sequence.id}` : ''}`;
    const absorbed = part === 'definition' && startsAbsorbed(object, tables);
    // An absorbed part has no output; priority 0 lets it go as soon as its own needs are met.
    const priority = absorbed ? 0 : part === 'definition' ? definitionPriority(object) : PART_PRIORITY[part];
    const item: Item = {
      key,
      object,
      part,
      section: sectionOf(priority),
      priority,
      absorbed,
      deps: new Set(),
      sortName: sortNameOf(object),
      ...extra,
    };
    items.set(key, item);
    return item;
  };

  const objects = catalog.objects.filter((o) => o.kind !== 'constraint' || dumpsConstraint(o));
  const tables = new Map<string, TableObject>();
  for (const o of objects) if (o.kind === 'table') tables.set(o.id, o);
  for (const o of objects) {
    const def = add(o, 'definition');
    byCatalogId.set(o.id, def);
    for (const a of o.aliases) byCatalogId.set(a, def);
    if (o.kind === 'table' && o.relkind === 'r') add(o, 'data').deps.add(def.key);
    if (o.kind === 'foreign-table' && opts.foreignDataServers?.has(o.server)) add(o, 'data').deps.add(def.key);
    if (o.kind === 'table' && o.isPartition && o.partitionBound !== null) {
      const attach = add(o, 'attach');
      attach.deps.add(def.key);
      attach.deps.add(objectIdOf(o.parents[0]!.oid));
    }
    if (o.kind === 'sequence') add(o, 'sequence-set').deps.add(def.key);
    if (o.kind === 'large-object') add(o, 'data').deps.add(def.key);
    if (o.kind === 'table' || o.kind === 'foreign-table') {
      for (const seq of o.identitySequences.values()) add(o, 'sequence-set', { sequence: seq }).deps.add(def.key);
    }
    if (o.kind === 'view' && o.relkind === 'm' && o.populated) add(o, 'refresh').deps.add(def.key);
    // NOT VALID domain checks are added after the data, which need not satisfy them.
    if (o.kind === 'domain' && o.constraints.some((c) => !c.validated)) add(o, 'domain-checks').deps.add(def.key);
    if (o.kind === 'table' && o.rowSecurity) add(o, 'row-security').deps.add(def.key);
  }

  // Needing an object an extension made means needing the extension.
  for (const [member, extension] of catalog.extensionMembers) {
    if (!byCatalogId.has(member) && byCatalogId.has(extension)) byCatalogId.set(member, byCatalogId.get(extension)!);
  }
  // Rows of extension configuration tables, loaded after CREATE EXTENSION made the table.
  for (const c of catalog.configTables ?? []) {
    const extension = items.get(c.extensionId);
    if (extension) add(c.table, 'data', { configCondition: c.condition }).deps.add(extension.key);
  }
  const defItem = (id: string) => byCatalogId.get(id);
  const link = (from: Item, to: Item | undefined) => {
    if (to && to !== from) from.deps.add(to.key);
  };

  for (const e of catalog.dependencies) {
    const from = defItem(e.from);
    const to = defItem(e.to);
    if (!from || !to || from === to) continue;
    // A part's tie to its own table is modelled below, by whether it is printed inline.
    if (ownerTableOf(from.object) === to.object.id) continue;
    link(from, to);
  }
  for (const item of [...items.values()]) {
    if (item.part !== 'definition') continue;
    for (const d of item.object.implicitDeps) {
      const to = defItem(d);
      if (to && ownerTableOf(item.object) === to.object.id) continue;
      link(item, to);
    }
    const owner = ownerTableOf(item.object);
    const table = owner === null ? undefined : defItem(owner);
    if (table) {
      if (item.absorbed) link(table, item);
      else link(item, table);
    }
  }
  // A matview reading another matview, directly or through views and functions, must be
  // refreshed after it.
  for (const item of items.values()) {
    if (item.part !== 'refresh') continue;
    const seen = new Set<string>();
    const pending = [...items.get(item.object.id)!.deps];
    while (pending.length) {
      const d = pending.pop()!;
      if (seen.has(d)) continue;
      seen.add(d);
      const other = items.get(`${d}/refresh`);
      if (other) {
        if (other !== item) item.deps.add(other.key);
        continue;
      }
      const via = items.get(d);
      if (via && (via.object.kind === 'view' || via.object.kind === 'function')) pending.push(...via.deps);
    }
  }
  promotePostDataDependencies(items);

  const { order, warnings } = sortItems(items);
  const inlineDefaults = new Map<string, Map<string, string>>();
  const inlineChecks = new Map<string, DumpObject[]>();
  for (const item of items.values()) {
    if (!item.absorbed) continue;
    const o = item.object;
    if (o.kind === 'column-default') {
      const m = inlineDefaults.get(o.tableId) ?? new Map<string, string>();
      m.set(o.column, o.expression);
      inlineDefaults.set(o.tableId, m);
    } else if (o.kind === 'constraint') {
      inlineChecks.set(o.tableId, [...(inlineChecks.get(o.tableId) ?? []), o]);
    }
  }
  // Checks print in name order inside CREATE TABLE, whatever order the sort released them in.
  for (const list of inlineChecks.values()) list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const isSchema = (i: Item) =>
    i.part === 'definition' || i.part === 'view-body' || i.part === 'domain-checks' || i.part === 'shell-type' || i.part === 'attach' || i.part === 'row-security';
  const wanted = order.filter((i) => !i.absorbed && (isSchema(i) ? opts.schema : opts.data));
  return { items: wanted, inlineDefaults, inlineChecks, warnings };
}

/**
 * A pre-data object that needs a post-data one (a view grouping by a primary key relies on
 * that constraint) pulls it into pre-data, right after its table, as pg_dump does.
 */
function promotePostDataDependencies(items: Map<string, Item>): void {
  for (const item of items.values()) {
    if (item.section !== 'pre-data' || item.part !== 'definition') continue;
    for (const d of item.deps) {
      const dep = items.get(d);
      if (dep && dep.section === 'post-data' && dep.object.kind === 'constraint') {
        dep.priority = 10.5;
        dep.section = 'pre-data';
      }
    }
  }
}
