import { MinHeap } from './heap.js';
import { definitionPriority, PART_PRIORITY, sectionOf, type Item } from './items.js';

export interface SortWarning {
  readonly message: string;
}

function before(a: Item, b: Item): boolean {
  if (a.priority !== b.priority) return a.priority < b.priority;
  if (a.sortName !== b.sortName) return a.sortName < b.sortName;
  if (a.object.kind !== b.object.kind) return a.object.kind < b.object.kind;
  return a.key < b.key;
}

/**
 * Topological sort that always emits the ready item that sorts first by (priority, name),
 * so the order is deterministic and reads like pg_dump's. Loops are broken first, inside
 * each strongly connected component: a part printed inside its table is split out (the
 * table no longer waits for it); failing that, one edge is dropped with a warning.
 */
export function sortItems(items: Map<string, Item>): { order: Item[]; warnings: SortWarning[] } {
  const warnings = breakAllLoops(items);
  const { dependents, waiting } = indexDependents(items);
  const ready = new MinHeap<Item>(before);
  for (const item of items.values()) if (waiting.get(item.key) === 0) ready.push(item);
  const order: Item[] = [];
  for (let next = ready.pop(); next; next = ready.pop()) {
    order.push(next);
    for (const k of dependents.get(next.key) ?? []) {
      const left = waiting.get(k)! - 1;
      waiting.set(k, left);
      if (left === 0) ready.push(items.get(k)!);
    }
  }
  if (order.length !== items.size) throw new Error('dependency sort left items behind after breaking loops');
  return { order, warnings };
}

/** For each item, who waits on it, and how many of its own dependencies are still to come. */
function indexDependents(items: Map<string, Item>): { dependents: Map<string, string[]>; waiting: Map<string, number> } {
  const dependents = new Map<string, string[]>();
  const waiting = new Map<string, number>();
  for (const item of items.values()) {
    let n = 0;
    for (const d of item.deps) {
      if (!items.has(d)) continue;
      n++;
      const list = dependents.get(d);
      if (list) list.push(item.key);
      else dependents.set(d, [item.key]);
    }
    waiting.set(item.key, n);
  }
  return { dependents, waiting };
}

/** Tarjan's strongly connected components, iteratively (deep dependency chains exist). */
function stronglyConnected(items: Map<string, Item>, within: ReadonlySet<string> | null): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  const edges = (k: string) => [...items.get(k)!.deps].filter((d) => items.has(d) && (!within || within.has(d)));
  for (const root of within ?? items.keys()) {
    if (index.has(root)) continue;
    const work: { key: string; next: string[]; i: number }[] = [];
    const open = (k: string) => {
      index.set(k, counter);
      low.set(k, counter++);
      stack.push(k);
      onStack.add(k);
      work.push({ key: k, next: edges(k), i: 0 });
    };
    open(root);
    while (work.length) {
      const top = work[work.length - 1]!;
      if (top.i < top.next.length) {
        const d = top.next[top.i++]!;
        if (!index.has(d)) open(d);
        else if (onStack.has(d)) low.set(top.key, Math.min(low.get(top.key)!, index.get(d)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1]!.key;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.key)!));
      }
      if (low.get(top.key) === index.get(top.key)) {
        const comp: string[] = [];
        let k: string;
        do {
          k = stack.pop()!;
          onStack.delete(k);
          comp.push(k);
        } while (k !== top.key);
        if (comp.length > 1) out.push(comp);
      }
    }
  }
  return out;
}

/**
 * Items a plain (unprioritised) topological pass cannot reach: those in loops and those that
 * wait on one. Linear time; on a loop-free graph it is empty and Tarjan never runs.
 */
function itemsBehindLoops(items: Map<string, Item>): Set<string> {
  const { dependents, waiting } = indexDependents(items);
  const queue = [...waiting].filter(([, n]) => n === 0).map(([k]) => k);
  for (let i = 0; i < queue.length; i++) {
    for (const k of dependents.get(queue[i]!) ?? []) {
      const left = waiting.get(k)! - 1;
      waiting.set(k, left);
      if (left === 0) queue.push(k);
    }
  }
  const left = new Set<string>();
  if (queue.length === items.size) return left;
  for (const [k, n] of waiting) if (n > 0) left.add(k);
  return left;
}

function breakAllLoops(items: Map<string, Item>): SortWarning[] {
  const warnings: SortWarning[] = [];
  const suspects = itemsBehindLoops(items);
  if (suspects.size === 0) return warnings;
  const pending = stronglyConnected(items, suspects);
  while (pending.length) {
    const comp = new Set(pending.pop()!);
    const cycle = findCycle(items, comp);
    if (cycle.length === 0) continue;
    const added = breakCycle(items, cycle, warnings);
    if (added) comp.add(added);
    pending.push(...stronglyConnected(items, comp));
  }
  return warnings;
}

function findCycle(items: Map<string, Item>, within: ReadonlySet<string>): Item[] {
  const state = new Map<string, number>(); // 1 on stack, 2 finished
  const stack: Item[] = [];
  const visit = (item: Item): Item[] | null => {
    state.set(item.key, 1);
    stack.push(item);
    for (const d of [...item.deps].sort()) {
      const dep = items.get(d);
      if (!dep || !within.has(d)) continue;
      const s = state.get(d);
      if (s === 1) return stack.slice(stack.findIndex((x) => x.key === d));
      if (s === undefined) {
        const found = visit(dep);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(item.key, 2);
    return null;
  };
  const pending = [...within].map((k) => items.get(k)!).sort((a, b) => (before(a, b) ? -1 : 1));
  for (const item of pending) {
    if (state.has(item.key)) continue;
    const cycle = visit(item);
    if (cycle) return cycle;
  }
  return [];
}

/** Returns the key of an item it created, if any. */
function breakCycle(items: Map<string, Item>, cycle: Item[], warnings: SortWarning[]): string | null {
  for (let i = 0; i < cycle.length; i++) {
    const from = cycle[i]!;
    const to = cycle[(i + 1) % cycle.length]!;
    if (to.absorbed && 'tableId' in to.object && to.object.tableId === from.object.id) {
      to.absorbed = false;
      to.priority = Math.max(definitionPriority(to.object), from.priority + 0.5);
      to.section = sectionOf(to.priority);
      from.deps.delete(to.key);
      to.deps.add(from.key);
      return null;
    }
  }
  const shell = breakTypeFunctionLoop(items, cycle);
  if (shell !== false) return shell;
  // A view in the loop is created first as a placeholder with the right columns, and its
  // real query is put in place later with CREATE OR REPLACE VIEW, as pg_dump does.
  const view = cycle.find((i) => i.part === 'definition' && i.object.kind === 'view' && i.object.relkind === 'v' && !i.stubbed);
  if (view) {
    const body: Item = {
      key: `${view.key}/view-body`,
      object: view.object,
      part: 'view-body',
      section: 'pre-data',
      priority: PART_PRIORITY['view-body'],
      absorbed: false,
      deps: new Set([...view.deps, view.key]),
      sortName: view.sortName,
    };
    // The placeholder still needs its schema and the types of its columns; only what the
    // query reads (functions, other views) waits for the real definition.
    for (const d of [...view.deps]) {
      const kind = items.get(d)?.object.kind;
      if (kind === 'function' || kind === 'view') view.deps.delete(d);
    }
    view.stubbed = true;
    items.set(body.key, body);
    return body.key;
  }
  const [from, to] = [cycle[0]!, cycle[1 % cycle.length]!];
  warnings.push({ message: `could not resolve dependency loop among: ${cycle.map((c) => `${c.object.kind} ${c.sortName.replace(/\u0000/g, '.')}`).join(' -> ')}` });
  from.deps.delete(to.key);
  return null;
}

/**
 * A base type and its I/O functions (or a range and its canonical function) need each
 * other. As pg_dump does, the type is first created as a shell, the functions are created
 * against the shell, and the real CREATE TYPE fills it in once they exist. Only functions
 * the type itself depends on are redirected to the shell; anything else that uses the
 * type still waits for the full definition. Returns false when the loop is not of this
 * shape, else the key of the shell item if it was just made.
 */
function breakTypeFunctionLoop(items: Map<string, Item>, cycle: Item[]): string | null | false {
  const isShellable = (i: Item) => i.part === 'definition' && (i.object.kind === 'base-type' || i.object.kind === 'range');
  const supportFunctions = (type: Item) =>
    [...type.deps]
      .map((d) => items.get(d))
      .filter((f): f is Item => f !== undefined && f.part === 'definition' && f.object.kind === 'function' && f.deps.has(type.key));
  const type = cycle.find((i) => isShellable(i) && supportFunctions(i).length > 0);
  if (!type) return false;
  const key = `${type.key}/shell-type`;
  const created = !items.has(key);
  if (created) {
    const schemaDep = [...type.deps].filter((d) => d.startsWith('pg_namespace:'));
    items.set(key, {
      key,
      object: type.object,
      part: 'shell-type',
      section: 'pre-data',
      priority: PART_PRIORITY['shell-type'],
      absorbed: false,
      deps: new Set(schemaDep),
      sortName: type.sortName,
    });
  }
  for (const f of supportFunctions(type)) {
    f.deps.delete(type.key);
    f.deps.add(key);
  }
  return created ? key : null;
}
