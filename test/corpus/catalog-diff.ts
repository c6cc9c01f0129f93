// Compare the catalog snapshots (test/util/catalog-snapshot.ts) of two databases and
// print every row that only one of them has, as "-probe: row" / "+probe: row".
// Usage (after tsc): node dist/test/corpus/catalog-diff.js URL_A URL_B
// Exit code: 0 equal, 1 different, 2 failure.
import { catalogSnapshot } from '../util/catalog-snapshot.js';
import { serverVersionNum } from '../servers/common.js';

function multisetMinus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  const out: string[] = [];
  for (const x of a) {
    const n = left.get(x) ?? 0;
    if (n > 0) left.set(x, n - 1);
    else out.push(x);
  }
  return out;
}

async function main(): Promise<number> {
  const [urlA, urlB] = process.argv.slice(2);
  if (!urlA || !urlB) {
    process.stderr.write('usage: catalog-diff URL_A URL_B\n');
    return 2;
  }
  const v = await serverVersionNum(urlA);
  const [a, b] = await Promise.all([catalogSnapshot(urlA, v), catalogSnapshot(urlB, v)]);
  let changed = 0;
  for (const probe of new Set([...a.keys(), ...b.keys()])) {
    const ra = a.get(probe) ?? [];
    const rb = b.get(probe) ?? [];
    for (const r of multisetMinus(ra, rb)) { process.stdout.write(`-${probe}: ${r}\n`); changed++; }
    for (const r of multisetMinus(rb, ra)) { process.stdout.write(`+${probe}: ${r}\n`); changed++; }
  }
  return changed ? 1 : 0;
}

main().then((code) => process.exit(code), (e: unknown) => {
  process.stderr.write(`catalog-diff: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
