// openOutputFile flushes a large file to disk as it is written (fdatasync every 64 MB, one at a
// time), so that the fsync before the rename has only the tail left; --no-sync does none of it;
// the file comes out whole either way, and a discarded one leaves nothing behind.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { openOutputFile } from '../src/output.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-output-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  syncBuiltinESMExports();
});

async function writeMb(stream: NodeJS.WritableStream, mb: number): Promise<void> {
  for (let i = 0; i < mb; i++) {
    const chunk = Buffer.alloc(1 << 20, 97 + (i % 26));
    if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
  }
}

describe('openOutputFile', () => {
  it('flushes in the background while writing, then fsyncs and renames; the file is whole', async () => {
    const flushes = vi.spyOn(fs, 'fdatasync');
    syncBuiltinESMExports();
    const file = path.join(dir, 'big.sql');
    const out = await openOutputFile(file);
    await writeMb(out.stream, 200);
    expect(fs.existsSync(file)).toBe(false);
    await out.commit();
    // 200 MB in 64 MB steps: at least two flushes before the end (at most one running at a time)
    expect(flushes.mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(flushes.mock.calls.length).toBeLessThanOrEqual(3);
    const st = fs.statSync(file);
    expect(st.size).toBe(200 << 20);
    const fd = fs.openSync(file, 'r');
    const b = Buffer.alloc(1);
    for (const i of [0, 63, 64, 199]) {
      fs.readSync(fd, b, 0, 1, i * (1 << 20) + 5);
      expect(b[0]).toBe(97 + (i % 26));
    }
    fs.closeSync(fd);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('with sync off, no flushes', async () => {
    const flushes = vi.spyOn(fs, 'fdatasync');
    syncBuiltinESMExports();
    const file = path.join(dir, 'nosync.sql');
    const out = await openOutputFile(file, undefined, false);
    await writeMb(out.stream, 130);
    await out.commit();
    expect(flushes).not.toHaveBeenCalled();
    expect(fs.statSync(file).size).toBe(130 << 20);
  });

  it('discarded in the middle of a flush: no file, no temporary file', async () => {
    const file = path.join(dir, 'discarded.sql');
    const out = await openOutputFile(file);
    await writeMb(out.stream, 70);
    await out.discard();
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('discarded') || f.startsWith('.discarded'))).toEqual([]);
  });
});
