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
  let graph = indexGraph(items);
  let warnings: SortWarning[] = [];
  const suspects = itemsBehindLoops(graph);
  if (suspects.size > 0) {
    warnings = breakAllLoops(items, suspects);
    // Breaking loops changed edges (and may have added items): index again.
    graph = indexGraph(items);
  }
  const { list, dependents, offsets } = graph;
  const waiting = graph.waiting.slice();
  const ready = new MinHeap<Item>(before);
  for (let i = 0; i < list.length; i++) if (waiting[i] === 0) ready.push(list[i]!);
  const order: Item[] = [];
  const position = graph.position;
  for (let next = ready.pop(); next; next = ready.pop()) {
    order.push(next);
    const at = position.get(next)!;
    for (let j = offsets[at]!; j < offsets[at + 1]!; j++) {
      const k = dependents[j]!;
      if (--waiting[k] === 0) ready.push(list[k]!);
    }
  }
  if (order.length !== items.size) throw new Error('dependency sort left items behind after breaking loops');
  return { order, warnings };
}

/**
 * The dependency graph by position, built once per sort: who waits on each item (as one flat
 * array with offsets) and how many of its own dependencies each item waits for. Integer
 * arrays instead of string-keyed maps and per-item lists: a 10,000-table dump has ~55,000
 * items and their edges.
 */
interface Graph {
  readonly list: readonly Item[];
  readonly position: ReadonlyMap<Item, number>;
  /** dependents of item i: dependents[offsets[i] .. offsets[i + 1]) */
  readonly dependents: Int32Array;
  readonly offsets: Int32Array;
  /** number of dependencies of item i that are items */
  readonly waiting: Int32Array;
}

function indexGraph(items: Map<string, Item>): Graph {
  const list = [...items.values()];
  const n = list.length;
  const byKey = new Map<string, number>();
  const position = new Map<Item, number>();
  for (let i = 0; i < n; i++) {
    byKey.set(list[i]!.key, i);
    position.set(list[i]!, i);
  }
  const waiting = new Int32Array(n);
  const counts = new Int32Array(n + 1);
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const d of list[i]!.deps) {
      const j = byKey.get(d);
      if (j === undefined) continue;
      waiting[i]!++;
      counts[j]!++;
      from.push(j);
      to.push(i);
    }
  }
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + counts[i]!;
  const fill = offsets.slice(0, n);
  const dependents = new Int32Array(from.length);
  for (let e = 0; e < from.length; e++) dependents[fill[from[e]!]!++] = to[e]!;
  return { list, position, dependents, offsets, waiting };
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
function itemsBehindLoops(graph: Graph): Set<string> {
  const { list, dependents, offsets } = graph;
  const waiting = graph.waiting.slice();
  const queue: number[] = [];
  for (let i = 0; i < list.length; i++) if (waiting[i] === 0) queue.push(i);
  for (let q = 0; q < queue.length; q++) {
    const at = queue[q]!;
    for (let j = offsets[at]!; j < offsets[at + 1]!; j++) {
      const k = dependents[j]!;
      if (--waiting[k] === 0) queue.push(k);
    }
  }
  const left = new Set<string>();
  if (queue.length === list.length) return left;
  for (let i = 0; i < list.length; i++) if (waiting[i]! > 0) left.add(list[i]!.key);
  return left;
}

function breakAllLoops(items: Map<string, Item>, suspects: Set<string>): SortWarning[] {
  const warnings: SortWarning[] = [];
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
