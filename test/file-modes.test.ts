// Files and directories a dump creates get the permissions real pg_dump's get under the same
// umask: plain, custom and tar files 0666 less the umask, a directory archive 0700 with its
// files 0666 less the umask. (The temporary name they are written under and renamed from must
// not change that.) On the newest server whose major pg_dump 15 can read: 13..15.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, psqlString, run } from './util/pg.js';

const BIN = path.resolve('dist/src/cli/pgdump.js');
const servers = inject('servers').filter((s) => s.major <= 15);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-modes-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

function ours(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`pgdump-ts exit ${code}: ${err}`))));
  });
}

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe.runIf(servers.length > 0)('file modes', () => {
  const server = servers[servers.length - 1]!;
  it('are pg_dump\'s for every format', async () => {
    const db = await createDatabase(server.url, 'file_modes');
    await psqlString(db, 'CREATE TABLE t (x int); INSERT INTO t VALUES (1);');
    for (const [format, name] of [['p', 'plain.sql'], ['c', 'custom.dump'], ['t', 'archive.tar'], ['d', 'dir']] as const) {
      const mine = path.join(work, `ours-${name}`);
      const theirs = path.join(work, `pg-${name}`);
      await ours(['-F', format, '-f', mine, db]);
      await run('pg_dump', ['-F', format, '-f', theirs, db]);
      expect(mode(mine), format).toBe(mode(theirs));
      if (format === 'd') {
        const dat = (d: string) => path.join(d, fs.readdirSync(d).find((f) => f.endsWith('.dat') || f.endsWith('.dat.gz'))!);
        expect(mode(dat(mine))).toBe(mode(dat(theirs)));
        expect(mode(path.join(mine, 'toc.dat'))).toBe(mode(path.join(theirs, 'toc.dat')));
      }
    }
    // and what they are under this process's umask
    const umask = process.umask();
    expect(mode(path.join(work, 'ours-plain.sql'))).toBe(0o666 & ~umask);
    expect(mode(path.join(work, 'ours-dir'))).toBe(0o700);
  });
});
