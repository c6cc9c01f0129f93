// Every option of pg_dump 18 and pg_dumpall 18 (their long_options tables and getopt strings in
// PostgreSQL 18.3's pg_dump.c and pg_dumpall.c) exists in pgdump-ts / pgdumpall-ts with the same
// name and short form, or is refused with one line saying why. Each flag is given alone (with a
// valid value) against a port where nothing listens: a flag that parses reaches the connection
// step (exit code 3); a refused one exits with the usage code and its reason.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_CODES } from '../src/errors.js';
import { cleanEnv, expectOneLineError } from './util/reliability.js';
import { spawn } from 'node:child_process';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-flags-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const filterFile = path.join(tmp, 'filter.txt');
writeFileSync(filterFile, '# nothing\n');

/** pg_dump 18: long name, short letter (if any), takes a value. */
const PG_DUMP: ReadonlyArray<readonly [string, string | null, boolean]> = [
  ['data-only', 'a', false], ['blobs', 'b', false], ['large-objects', 'b', false], ['no-blobs', 'B', false],
  ['no-large-objects', 'B', false], ['clean', 'c', false], ['create', 'C', false], ['dbname', 'd', true],
  ['extension', 'e', true], ['file', 'f', true], ['format', 'F', true], ['host', 'h', true], ['no-reconnect', 'R', false],
  ['no-owner', 'O', false], ['port', 'p', true], ['schema', 'n', true], ['exclude-schema', 'N', true],
  ['schema-only', 's', false], ['superuser', 'S', true], ['table', 't', true], ['exclude-table', 'T', true],
  ['no-password', 'w', false], ['password', 'W', false], ['username', 'U', true], ['verbose', 'v', false],
  ['no-privileges', 'x', false], ['no-acl', 'x', false], ['compress', 'Z', true], ['encoding', 'E', true],
  ['help', '?', false], ['version', 'V', false], ['attribute-inserts', null, false], ['binary-upgrade', null, false],
  ['column-inserts', null, false], ['disable-dollar-quoting', null, false], ['disable-triggers', null, false],
  ['enable-row-security', null, false], ['exclude-table-data', null, true], ['extra-float-digits', null, true],
  ['if-exists', null, false], ['inserts', null, false], ['lock-wait-timeout', null, true],
  ['no-table-access-method', null, false], ['no-tablespaces', null, false], ['quote-all-identifiers', null, false],
  ['load-via-partition-root', null, false], ['role', null, true], ['section', null, true],
  ['serializable-deferrable', null, false], ['snapshot', null, true], ['statistics', null, false],
  ['statistics-only', null, false], ['strict-names', null, false], ['use-set-session-authorization', null, false],
  ['no-comments', null, false], ['no-data', null, false], ['no-policies', null, false], ['no-publications', null, false],
  ['no-schema', null, false], ['no-security-labels', null, false], ['no-statistics', null, false],
  ['no-subscriptions', null, false], ['no-toast-compression', null, false], ['no-unlogged-table-data', null, false],
  ['no-sync', null, false], ['on-conflict-do-nothing', null, false], ['rows-per-insert', null, true],
  ['include-foreign-data', null, true], ['table-and-children', null, true], ['exclude-table-and-children', null, true],
  ['exclude-table-data-and-children', null, true], ['sync-method', null, true], ['filter', null, true],
  ['exclude-extension', null, true], ['sequence-data', null, false], ['restrict-key', null, true], ['jobs', 'j', true],
];

const PG_DUMPALL: ReadonlyArray<readonly [string, string | null, boolean]> = [
  ['data-only', 'a', false], ['clean', 'c', false], ['encoding', 'E', true], ['file', 'f', true],
  ['globals-only', 'g', false], ['host', 'h', true], ['dbname', 'd', true], ['database', 'l', true],
  ['no-owner', 'O', false], ['port', 'p', true], ['roles-only', 'r', false], ['schema-only', 's', false],
  ['superuser', 'S', true], ['tablespaces-only', 't', false], ['username', 'U', true], ['verbose', 'v', false],
  ['no-password', 'w', false], ['password', 'W', false], ['no-privileges', 'x', false], ['no-acl', 'x', false],
  ['attribute-inserts', null, false], ['binary-upgrade', null, false], ['column-inserts', null, false],
  ['disable-dollar-quoting', null, false], ['disable-triggers', null, false], ['exclude-database', null, true],
  ['extra-float-digits', null, true], ['if-exists', null, false], ['inserts', null, false],
  ['lock-wait-timeout', null, true], ['no-table-access-method', null, false], ['no-tablespaces', null, false],
  ['quote-all-identifiers', null, false], ['load-via-partition-root', null, false], ['role', null, true],
  ['use-set-session-authorization', null, false], ['no-comments', null, false], ['no-data', null, false],
  ['no-policies', null, false], ['no-publications', null, false], ['no-role-passwords', null, false],
  ['no-schema', null, false], ['no-security-labels', null, false], ['no-subscriptions', null, false],
  ['no-statistics', null, false], ['no-sync', null, false], ['no-toast-compression', null, false],
  ['no-unlogged-table-data', null, false], ['on-conflict-do-nothing', null, false], ['rows-per-insert', null, true],
  ['statistics', null, false], ['statistics-only', null, false], ['filter', null, true], ['sequence-data', null, false],
  ['restrict-key', null, true],
];

/** A value each option accepts. */
const VALUES: Record<string, string> = {
  dbname: 'postgres', extension: 'x', file: '', format: 'p', host: '127.0.0.1', port: '1', schema: 'x', 'exclude-schema': 'x',
  superuser: 'x', table: 'x', 'exclude-table': 'x', username: 'nobody', compress: '0', encoding: 'UTF8',
  'exclude-table-data': 'x', 'extra-float-digits': '1', 'lock-wait-timeout': '1s', role: 'x', section: 'data',
  snapshot: '00000003-00000002-1', 'rows-per-insert': '10', 'include-foreign-data': 'x', 'table-and-children': 'x',
  'exclude-table-and-children': 'x', 'exclude-table-data-and-children': 'x', 'sync-method': 'fsync', filter: filterFile,
  'exclude-extension': 'x', 'restrict-key': 'abc', jobs: '2', database: 'postgres', 'exclude-database': 'x',
};

/** Flags that only make sense with another one, as in pg_dump. */
const NEEDS: Record<string, string[]> = { 'if-exists': ['-c'], 'on-conflict-do-nothing': ['--inserts'] };

/** Refused on purpose, with the reason the message must give. */
const REFUSED: Record<string, RegExp> = { 'binary-upgrade': /--binary-upgrade is not supported: it serves pg_upgrade/ };

interface Outcome { code: number | null; stderr: string }

function runBin(bin: string, args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.resolve(`dist/src/cli/${bin}.js`), ...args], { env: cleanEnv({ PGCONNECT_TIMEOUT: '2' }), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

async function inBatches<T, R>(items: readonly T[], size: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += size) out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

describe.each([['pgdump', PG_DUMP, 'pgdump-ts'], ['pgdumpall', PG_DUMPALL, 'pgdumpall-ts']] as const)('%s has every option of the real tool', (bin, spec, tool) => {
  const target = ['-h', '127.0.0.1', '-p', '1', '-w', '-U', 'nobody'];
  const forms: Array<{ name: string; args: string[] }> = [];
  for (const [name, short, takesValue] of spec) {
    const value = VALUES[name] ?? '';
    const outputTo = name === 'file' ? path.join(tmp, `${bin}-out`) : value;
    const extra = NEEDS[name] ?? [];
    forms.push({ name: `--${name}`, args: [...extra, takesValue ? `--${name}=${outputTo}` : `--${name}`] });
    if (short) forms.push({ name: `-${short}`, args: [...extra, ...(takesValue ? [`-${short}`, outputTo] : [`-${short}`])] });
  }

  it(`${forms.length} spellings: each parses (and fails only at connecting), prints help/version, or is refused with its reason`, async () => {
    // Many flags per run first; a run that does not reach the connection step (a conflict, a
    // refusal, help) is retried flag by flag, so every flag ends up judged on its own result.
    const special = (f: { name: string }) => ['help', 'version', '?', 'V'].includes(f.name.replace(/^--?/, '')) || f.name.replace(/^--?/, '') in REFUSED;
    const chunks: Array<typeof forms> = [];
    const plain = forms.filter((f) => !special(f));
    for (let i = 0; i < plain.length; i += 12) chunks.push(plain.slice(i, i + 12));
    const grouped = await inBatches(chunks, 2, async (c) => ({ c, r: await runBin(bin, [...c.flatMap((f) => f.args), ...target]) }));
    const single = [...forms.filter(special), ...grouped.filter(({ r }) => r.code !== EXIT_CODES.connection).flatMap(({ c }) => c)];
    const results = await inBatches(single, 4, async (f) => ({ f, r: await runBin(bin, [...f.args, ...target]) }));
    expect(results.length).toBeLessThan(forms.length / 2);
    for (const { f, r } of results) {
      const name = f.name.replace(/^--?/, '');
      if (['help', 'version', '?', 'V'].includes(name)) {
        expect(r.code, f.name).toBe(0);
        continue;
      }
      const refused = REFUSED[name];
      if (refused) {
        expect(r.code, f.name).toBe(EXIT_CODES.usage);
        expectOneLineError(r.stderr.replace(new RegExp(`^${tool}`), 'pgdump-ts'), refused);
        continue;
      }
      expect(r.stderr, f.name).not.toMatch(/unknown option|too many command-line arguments/);
      expect({ flag: f.name, code: r.code, stderr: r.stderr.trim() }).toMatchObject({ flag: f.name, code: EXIT_CODES.connection });
    }
  });
});
