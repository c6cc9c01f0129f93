// The fixture corpus: test/cases/<kind>/<case>.sql, loaded in the order the files define.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { psqlFile } from './pg.js';

export const CASES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cases');

export interface CaseFile {
  readonly name: string;
  readonly file: string;
  readonly minVersion: number | null;
  readonly maxVersion: number | null;
}

function header(text: string, key: string): number | null {
  const m = new RegExp(`^-- ${key}:\\s*(\\d+)`, 'm').exec(text.split('\n').slice(0, 3).join('\n'));
  return m ? Number(m[1]) : null;
}

/** `_setup/*` first, then every other case, each sorted by path. */
export function listCases(): CaseFile[] {
  const dirs = readdirSync(CASES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort((a, b) => (a === '_setup' ? -1 : b === '_setup' ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const out: CaseFile[] = [];
  for (const dir of dirs) {
    for (const f of readdirSync(path.join(CASES_DIR, dir)).filter((f) => f.endsWith('.sql')).sort()) {
      const file = path.join(CASES_DIR, dir, f);
      const text = readFileSync(file, 'utf8');
      out.push({ name: `${dir}/${f}`, file, minVersion: header(text, 'min-version'), maxVersion: header(text, 'max-version') });
    }
  }
  return out;
}

/**
 * Cases enabled on `major`. PGDUMP_CASES=views,rules/ narrows a run to cases whose path
 * contains one of the words (plus _setup), for working on one kind at a time.
 */
export function casesFor(major: number): CaseFile[] {
  const only = (process.env.PGDUMP_CASES ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return listCases().filter(
    (c) =>
      (c.minVersion ?? 0) <= major &&
      (c.maxVersion ?? 99) >= major &&
      (only.length === 0 || c.name.startsWith('_setup/') || only.some((w) => c.name.includes(w))),
  );
}

/** Loads every case enabled on `major` into the database at `url`, stopping at the first error. */
export async function loadCases(url: string, major: number): Promise<string[]> {
  const loaded: string[] = [];
  for (const c of casesFor(major)) {
    try {
      await psqlFile(url, c.file);
    } catch (e) {
      throw new Error(`fixture ${c.name} failed to load on PostgreSQL ${major}: ${(e as Error).message}`);
    }
    loaded.push(c.name);
  }
  return loaded;
}
