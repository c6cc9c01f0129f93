import type { Plan } from '../graph/plan.js';
import type { Item } from '../graph/items.js';
import type { TocEntry } from './toc.js';

type Unnumbered = Omit<TocEntry, 'dumpId'>;

/** Entries that only decorate another one: they go wherever their object goes. */
export function isDecoration(desc: string): boolean {
  return desc === 'COMMENT' || desc === 'ACL' || desc === 'SECURITY LABEL';
}

/**
 * Numbers the entries in order and fills their dependencies from the plan: an entry depends on
 * the entries of the items its item depends on; comments and privileges depend on their
 * object's entry (pg_restore restores them with it in a selective restore, and after it in a
 * parallel one). Only earlier entries count: the order is already a topological one, and an edge
 * pointing forward is one the sort broke.
 */
export function linkDependencies(entries: readonly Unnumbered[], plan: Plan): TocEntry[] {
  const primary = new Map<string, number>();
  entries.forEach((e, i) => {
    if (e.planKey !== undefined && !isDecoration(e.desc) && !primary.has(e.planKey)) primary.set(e.planKey, i + 1);
  });
  const itemDeps = new Map<string, ReadonlySet<string>>();
  for (const item of plan.items) itemDeps.set(item.key, foreignKeyNeeds(item, plan) ?? item.deps);
  // The entries are the builder's own, fresh objects: numbered in place rather than copied.
  const numbered = entries as (Unnumbered & { dumpId: number; deps: readonly number[] })[];
  entries.forEach((e, i) => {
    const dumpId = i + 1;
    const out = e as Unnumbered & { dumpId: number; deps: readonly number[] };
    out.dumpId = dumpId;
    if (e.planKey === undefined) return;
    const own = primary.get(e.planKey);
    // a comment, a privilege or another part of an object: it goes with the object's entry
    if (own !== undefined && own !== dumpId) {
      out.deps = own < dumpId ? [own] : [];
      return;
    }
    const deps = new Set<number>();
    for (const key of itemDeps.get(e.planKey) ?? []) {
      const id = primary.get(key);
      if (id !== undefined && id < dumpId) deps.add(id);
    }
    out.deps = [...deps].sort((a, b) => a - b);
  });
  return numbered;
}

/**
 * A foreign key referencing a partitioned table needs that table's unique index complete: the
 * index of a partitioned table is valid only once every partition's index is attached to it
 * (recursively for sub-partitions), so the key also depends on those attachments. Without
 * this a parallel pg_restore may add the key too early. Null when nothing is to be added.
 */
function foreignKeyNeeds(item: Item, plan: Plan): Set<string> | null {
  const o = item.object;
  if (item.part !== 'definition' || o.kind !== 'constraint' || o.contype !== 'f') return null;
  const attaches = attachmentsByParent(plan);
  if (!attaches.size) return null;
  const out = new Set(item.deps);
  const pending = [...item.deps];
  while (pending.length) {
    const key = pending.pop()!;
    for (const a of attaches.get(key) ?? []) {
      if (out.has(a.attach)) continue;
      out.add(a.attach);
      if (a.child) pending.push(a.child);
    }
  }
  return out;
}

interface Attachment {
  readonly attach: string;
  readonly child: string | undefined;
}

const attachmentCache = new WeakMap<Plan, Map<string, Attachment[]>>();

/** INDEX ATTACH items by the item of the partitioned index they attach to. */
function attachmentsByParent(plan: Plan): Map<string, Attachment[]> {
  const cached = attachmentCache.get(plan);
  if (cached) return cached;
  const byKey = new Map(plan.items.map((i) => [i.key, i]));
  const names = (i: Item) => [i.object.id, ...i.object.aliases];
  const out = new Map<string, Attachment[]>();
  for (const item of plan.items) {
    if (item.part !== 'definition' || item.object.kind !== 'index-attach') continue;
    const [childId, parentId] = item.object.implicitDeps;
    let parent: string | undefined;
    let child: string | undefined;
    for (const d of item.deps) {
      const dep = byKey.get(d);
      if (!dep) continue;
      if (parentId !== undefined && names(dep).includes(parentId)) parent = d;
      if (childId !== undefined && names(dep).includes(childId)) child = d;
    }
    if (parent !== undefined) out.set(parent, [...(out.get(parent) ?? []), { attach: item.key, child }]);
  }
  attachmentCache.set(plan, out);
  return out;
}

/**
 * Numbers entries anew after entries were added or moved, keeping the dependencies of those
 * that had a number pointing at the same entries.
 */
export function renumberEntries(entries: readonly (Unnumbered & { dumpId?: number })[]): TocEntry[] {
  const moved = new Map<number, number>();
  entries.forEach((e, i) => {
    if (e.dumpId !== undefined) moved.set(e.dumpId, i + 1);
  });
  return entries.map((e, i) => ({
    ...e,
    dumpId: i + 1,
    deps: e.deps.map((d) => moved.get(d)).filter((d): d is number => d !== undefined),
  }));
}
