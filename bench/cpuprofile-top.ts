// Summarises a V8 .cpuprofile (from `node --cpu-prof`): top functions by self time, and by file.
// usage: node dist/bench/cpuprofile-top.js <file.cpuprofile> [N]
import fs from 'node:fs';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number }

const [file, nArg] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: cpuprofile-top <file.cpuprofile> [N]\n');
  process.exit(2);
}
const p = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const n = Number(nArg ?? 25);
const byId = new Map(p.nodes.map((x) => [x.id, x]));
const parent = new Map<number, number>();
for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const selfUs = new Map<number, number>();
p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
const total = p.timeDeltas.reduce((a, b) => a + b, 0);

const short = (url: string) => url.replace(/^file:\/\//, '').replace(/^.*\/node_modules\//, 'nm:').replace(/^.*\/dist\//, '');
const label = (x: Node) => `${x.callFrame.functionName || '(anonymous)'} ${short(x.callFrame.url)}:${x.callFrame.lineNumber + 1}`;

const selfByFn = new Map<string, number>();
const inclByFn = new Map<string, number>();
const selfByFile = new Map<string, number>();
for (const [id, us] of selfUs) {
  const x = byId.get(id)!;
  selfByFn.set(label(x), (selfByFn.get(label(x)) ?? 0) + us);
  const f = short(x.callFrame.url) || `(${x.callFrame.functionName})`;
  selfByFile.set(f, (selfByFile.get(f) ?? 0) + us);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur)!);
    if (!seen.has(l)) { seen.add(l); inclByFn.set(l, (inclByFn.get(l) ?? 0) + us); }
  }
}
const pct = (us: number) => `${(us / 1000).toFixed(0).padStart(6)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%`;
const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
console.log(`total sampled ${(total / 1000).toFixed(0)} ms\n\nself time by function:`);
for (const [l, us] of top(selfByFn, n)) console.log(`${pct(us)}  ${l}`);
console.log('\nself time by file:');
for (const [l, us] of top(selfByFile, 15)) console.log(`${pct(us)}  ${l}`);
console.log('\ninclusive time (project code):');
for (const [l, us] of top(new Map([...inclByFn].filter(([l]) => !l.includes('nm:') && !l.startsWith('(') && !l.includes('node:'))), n)) console.log(`${pct(us)}  ${l}`);
