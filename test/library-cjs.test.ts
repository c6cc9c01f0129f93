// CommonJS consumers: test/fixtures/cjs-consumer is a "type": "commonjs" package that
// require()s pgdump-ts (the built dist, linked into its node_modules as an installed package
// would be, so package.json "exports" decides what loads). It must load without top-level side
// effects, dump a real database, and its TypeScript (.cts, `import x = require(...)`) must
// type-check against the declarations. The library graph must also stay free of the CLI.
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, psqlString, query } from './util/pg.js';

const run = promisify(execFile);
const servers = inject('servers');
const server = servers[servers.length - 1]!;
const root = path.resolve('.');
const consumer = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-cjs-'));
let db = '';

beforeAll(async () => {
  cpSync(path.join(root, 'test/fixtures/cjs-consumer'), consumer, { recursive: true });
  mkdirSync(path.join(consumer, 'node_modules'));
  symlinkSync(root, path.join(consumer, 'node_modules/pgdump-ts'), 'dir');
  symlinkSync(path.join(root, 'node_modules/@types'), path.join(consumer, 'node_modules/@types'), 'dir');
  db = await createDatabase(server.url, 'lib_cjs');
  await psqlString(db, `CREATE TABLE t (id int); INSERT INTO t SELECT generate_series(1, 42); CREATE TABLE u (x text); INSERT INTO u VALUES ('a');`);
});
afterAll(() => rmSync(consumer, { recursive: true, force: true }));

describe('CommonJS', () => {
  it('require("pgdump-ts") loads the library without side effects and dumps', async () => {
    const { stdout, stderr } = await run(process.execPath, ['index.cjs', db], { cwd: consumer });
    expect(stderr).toBe('');
    const out = JSON.parse(stdout) as {
      exports: string[]; sideEffects: { listenersBefore: number[]; listenersAfter: number[]; stdoutErrors: number };
      exitCodes: number; summary: { rows: number; tables: number; serverVersion: string }; scriptBytes: number;
      usage: { isDumpError: boolean; code: string; message: string } | null;
    };
    expect(out.exports).toEqual(expect.arrayContaining(['dump', 'dumpToFile', 'dumpAll', 'restore', 'DumpError', 'EXIT_CODES', 'validateDumpOptions']));
    expect(out.sideEffects.listenersAfter).toEqual(out.sideEffects.listenersBefore);
    expect(out.sideEffects.stdoutErrors).toBe(0);
    expect(out.exitCodes).toBe(2);
    const [v] = await query<{ v: string }>(db, `SELECT current_setting('server_version') AS v`);
    expect(out.summary).toEqual({ rows: 43, tables: 2, serverVersion: v!.v });
    expect(out.scriptBytes).toBeGreaterThan(500);
    expect(out.usage).toEqual({ isDumpError: true, code: 'usage', message: 'options -s/--schema-only and -a/--data-only cannot be used together' });
  });

  it('the declarations type-check for a CommonJS TypeScript consumer', async () => {
    const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
    const r = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: consumer }).catch((e: { stdout: string }) => ({ stdout: e.stdout, failed: true }));
    expect(r.stdout).toBe('');
  });

  it('the library graph has no top-level await and does not reach the CLI', () => {
    // Every module index.js imports, transitively, from the built output.
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s+'(\.[^']+)'/gm)) visit(path.resolve(path.dirname(file), m[1]!));
      for (const m of text.matchAll(/\bimport\('(\.[^']+)'\)/g)) visit(path.resolve(path.dirname(file), m[1]!));
    };
    visit(path.join(root, 'dist/src/index.js'));
    expect(seen.size).toBeGreaterThan(50);
    const cli = [...seen].filter((f) => f.includes(`${path.sep}cli${path.sep}`));
    expect(cli).toEqual([]);
    // require(esm) refuses graphs with top-level await; the run above proves it, this names the file
    const withTla = [...seen].filter((f) => /^await\s/m.test(readFileSync(f, 'utf8')));
    expect(withTla).toEqual([]);
    expect(readdirSync(path.join(root, 'dist/src/cli')).length).toBeGreaterThan(0);
  });
});
