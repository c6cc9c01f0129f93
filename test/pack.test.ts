// The published package works: `npm pack` gives a tarball that `npx` runs in an empty folder.
// Needs no database server, but does need the npm registry for the tarball's dependencies.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PKG = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
const TIMEOUT = 180_000;
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a user's shell: none of the variables npm sets for the script running us. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_(package|lifecycle)_/i.test(k) || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  // npm's own warnings (deprecated transitive packages and such) are not the CLI's output.
  env.npm_config_loglevel = 'error';
  env.npm_config_update_notifier = 'false';
  env.npm_config_fund = 'false';
  env.npm_config_audit = 'false';
  return env;
}

function exec(cmd: string, args: string[], cwd: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

const work = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-pack-'));
const packDir = path.join(work, 'pack');
const emptyDir = path.join(work, 'empty');
let tarball = '';

beforeAll(async () => {
  // `npm test` has just built dist/; build only when it is missing. Packing with
  // --ignore-scripts keeps `prepack` from rebuilding dist/ under the other test files' feet.
  if (!existsSync(path.join(ROOT, 'dist/src/cli/pgdump.js'))) {
    const build = await exec(NPM, ['run', 'build'], ROOT);
    if (build.code !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  }
  mkdirSync(packDir);
  mkdirSync(emptyDir);
  const pack = await exec(NPM, ['pack', '--ignore-scripts', '--pack-destination', packDir], ROOT);
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  const files = readdirSync(packDir).filter((f) => f.endsWith('.tgz'));
  if (files.length !== 1) throw new Error(`npm pack left ${files.length} tarballs in ${packDir}`);
  tarball = path.join(packDir, files[0]!);
}, TIMEOUT);

afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  // npx keeps an install per package spec in <cache>/_npx; ours names a temp path never used again.
  const cache = (await exec(NPM, ['config', 'get', 'cache'], os.tmpdir())).stdout.trim();
  const npxDir = path.join(cache, '_npx');
  if (!tarball || !existsSync(npxDir)) return;
  for (const entry of readdirSync(npxDir)) {
    try {
      const manifest = JSON.parse(readFileSync(path.join(npxDir, entry, 'package.json'), 'utf8')) as { _npx?: { packages?: string[] } };
      if (manifest._npx?.packages?.includes(tarball)) rmSync(path.join(npxDir, entry), { recursive: true, force: true });
    } catch {
      // not an npx install of ours
    }
  }
});

/** Runs the packed CLI the way a user without a checkout would. */
const npx = (args: string[]) => exec(NPX, ['--yes', `--package=${tarball}`, 'pgdump-ts', ...args], emptyDir);

describe('npm pack', () => {
  it('names the tarball after the package and ships the built CLI, not the sources', async () => {
    expect(path.basename(tarball)).toBe(`${PKG.name}-${PKG.version}.tgz`);
    const list = await exec('tar', ['-tzf', tarball], work);
    expect(list.code).toBe(0);
    const files = list.stdout.split('\n').filter(Boolean);
    expect(files).toContain('package/package.json');
    expect(files).toContain('package/dist/src/cli/pgdump.js');
    expect(files).toContain('package/dist/src/index.js');
    expect(files).toContain('package/dist/src/index.d.ts');
    expect(files.some((f) => f.startsWith('package/dist/catalog/'))).toBe(true);
    expect(files.some((f) => f.startsWith('package/dist/writers/'))).toBe(true);
    expect(files.some((f) => f.startsWith('package/dist/test/'))).toBe(false);
    expect(files.some((f) => /\.ts$/.test(f) && !f.endsWith('.d.ts'))).toBe(false);
  });

  it(
    'runs --help through npx in an empty folder',
    async () => {
      const r = await npx(['--help']);
      expect(r.stderr, r.stderr).not.toMatch(/\n\s+at /);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('--schema-only');
      expect(r.stdout).toContain('--file');
      expect(r.stdout).toMatch(/Usage: pgdump-ts/);
      // nothing was installed into the folder itself
      expect(readdirSync(emptyDir)).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'prints the package version for --version',
    async () => {
      const r = await npx(['--version']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout.trim()).toBe(PKG.version);
    },
    TIMEOUT,
  );

  it(
    'rejects an unknown flag with one line on stderr and no stack trace',
    async () => {
      const r = await npx(['--no-such-flag']);
      expect(r.code).not.toBe(0);
      expect(r.stdout).toBe('');
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toContain('--no-such-flag');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    },
    TIMEOUT,
  );
});
