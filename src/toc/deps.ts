import type { Plan } from '../graph/plan.js';
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
  for (const item of plan.items) itemDeps.set(item.key, item.deps);
  return entries.map((e, i) => {
    const dumpId = i + 1;
    if (e.planKey === undefined) return { ...e, dumpId };
    const own = primary.get(e.planKey);
    let deps: number[];
    if (own !== undefined && own !== dumpId) deps = [own];
    else {
      deps = [];
      for (const key of itemDeps.get(e.planKey) ?? []) {
        const id = primary.get(key);
        if (id !== undefined && id < dumpId && !deps.includes(id)) deps.push(id);
      }
      deps.sort((a, b) => a - b);
    }
    return { ...e, dumpId, deps: own !== undefined && own > dumpId ? [] : deps };
  });
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
