// CopyOutReader's protocol walk, without a server: a fake connection whose socket delivers a
// scripted byte stream cut at every possible place. What the reader keeps must be exactly the
// CopyData payloads, in order; what it hands back to pg's parser must be exactly the bytes of
// every other message (notices inside the COPY, and everything from the error or from the
// message after CopyDone on), and pg's listener must be back on the socket afterwards.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CopyOutReader, END_OF_COPY } from '../src/data/copy-reader.js';

/** Everything a reader queues until its end, without the END_OF_COPY markers. */
async function takeAll(reader: CopyOutReader): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let b = await reader.next(); b !== null; b = await reader.next()) if (b !== END_OF_COPY) out.push(Buffer.from(b));
  return out;
}

function message(type: string, body: Buffer | string): Buffer {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const head = Buffer.alloc(5);
  head[0] = type.charCodeAt(0);
  head.writeUInt32BE(b.length + 4, 1);
  return Buffer.concat([head, b]);
}

class FakeSocket extends EventEmitter {
  paused = false;
  pause(): this {
    this.paused = true;
    return this;
  }
  resume(): this {
    this.paused = false;
    return this;
  }
}

/** Runs a reader over `stream` delivered in `cuts` pieces; returns what it kept and what pg got. */
async function run(stream: Buffer, cuts: number[], consume = true, statements = 1) {
  const socket = new FakeSocket();
  const toPg: Buffer[] = [];
  const pgListener = (b: Buffer) => toPg.push(Buffer.from(b));
  socket.on('data', pgListener);
  const reader = new CopyOutReader('COPY t TO STDOUT', statements);
  let sent = '';
  reader.submit({ stream: socket as never, query: (text: string) => (sent = text) });
  expect(sent).toBe('COPY t TO STDOUT');
  expect(socket.listeners('data')).not.toContain(pgListener);
  let at = 0;
  for (const cut of [...cuts, stream.length]) {
    // the socket hands over a fresh buffer per read, as a real one does (the reader packs it in place)
    if (cut > at) socket.emit('data', Buffer.from(stream.subarray(at, cut)));
    at = cut;
  }
  const kept: Buffer[] = [];
  if (consume) {
    reader.handleReadyForQuery();
    kept.push(...(await takeAll(reader)));
  }
  return { kept: Buffer.concat(kept), toPg: Buffer.concat(toPg), socket, pgListener, reader };
}

const rows = ['1\talpha\n', '2\t' + 'x'.repeat(300) + '\n', '3\tüñî\\t\\n€ 😀\n', '', '4\t\\N\n'];
const copyOutResponse = message('H', Buffer.from([0, 0, 2, 0, 0, 0, 0]));
const notice = message('N', 'SNOTICE\0Mhello from inside\0\0');
const tail = Buffer.concat([message('C', 'COPY 5\0'), message('Z', 'T')]);

describe('CopyOutReader', () => {
  const stream = Buffer.concat([
    copyOutResponse,
    message('d', rows[0]!),
    message('d', rows[1]!),
    notice,
    message('d', rows[2]!),
    message('d', rows[3]!),
    message('d', rows[4]!),
    message('c', ''),
    tail,
  ]);
  const expected = Buffer.from(rows.join(''));

  it('keeps exactly the row bytes and hands the rest to pg, for every single cut', async () => {
    for (let cut = 0; cut <= stream.length; cut++) {
      const r = await run(stream, [cut]);
      expect(r.kept.equals(expected), `cut at ${cut}`).toBe(true);
      expect(r.toPg.equals(Buffer.concat([notice, tail])), `cut at ${cut}`).toBe(true);
      expect(r.socket.listeners('data')).toEqual([r.pgListener]);
      expect(r.reader.rows).toBe(5);
    }
  });

  it('survives a byte at a time and random cuts', async () => {
    const every = Array.from({ length: stream.length }, (_, i) => i);
    const r = await run(stream, every);
    expect(r.kept.equals(expected)).toBe(true);
    expect(r.toPg.equals(Buffer.concat([notice, tail]))).toBe(true);
    let seed = 7;
    for (let round = 0; round < 200; round++) {
      const cuts = new Set<number>();
      for (let k = 0; k < 6; k++) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        cuts.add(seed % stream.length);
      }
      const r2 = await run(stream, [...cuts].sort((a, b) => a - b));
      expect(r2.kept.equals(expected)).toBe(true);
      expect(r2.toPg.equals(Buffer.concat([notice, tail]))).toBe(true);
    }
  });

  it('an ErrorResponse mid-COPY goes to pg whole, wherever the cut falls, and the rows before it are kept', async () => {
    const error = message('E', 'SERROR\0C22012\0Mdivision by zero\0\0');
    const after = message('Z', 'E');
    const s = Buffer.concat([copyOutResponse, message('d', rows[0]!), message('d', rows[1]!), error, after]);
    for (let cut = 0; cut <= s.length; cut++) {
      const r = await run(s, [cut], false);
      expect(r.toPg.equals(Buffer.concat([error, after])), `cut at ${cut}`).toBe(true);
      expect(r.socket.listeners('data')).toEqual([r.pgListener]);
      r.reader.handleError(new Error('division by zero'));
      await expect(takeAll(r.reader)).rejects.toThrow('division by zero');
    }
  });

  it('an error before any row (no CopyOutResponse) goes to pg', async () => {
    const error = message('E', 'SERROR\0C42P01\0Mrelation "t" does not exist\0\0');
    const r = await run(Buffer.concat([error, message('Z', 'I')]), [3], false);
    expect(r.toPg.length).toBe(error.length + 6);
  });

  it('fills a 16 kB then 1 MB buffers across rows larger than a buffer, and pauses the socket for a slow consumer', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024 + 17, 0x61);
    big[big.length - 1] = 0x0a;
    const parts = [copyOutResponse];
    for (let i = 0; i < 3; i++) parts.push(message('d', big));
    parts.push(message('c', ''), tail);
    const s = Buffer.concat(parts);
    const cuts: number[] = [];
    for (let c = 65536; c < s.length; c += 65536) cuts.push(c);
    const r = await run(s, cuts, false);
    // nobody has read: the socket was paused once four buffers were waiting
    expect(r.socket.paused).toBe(false); // CopyDone hands the socket back to pg, resumed
    r.reader.handleReadyForQuery();
    const kept = await takeAll(r.reader);
    // a small first buffer (most tables are small), then 1 MB ones
    expect(kept[0]!.length).toBe(16 << 10);
    expect(kept.slice(1, -1).every((b) => b.length === 1 << 20)).toBe(true);
    expect(Buffer.concat(kept).equals(Buffer.concat([big, big, big]))).toBe(true);
    expect(r.reader.rows).toBe(3); // counted from the CopyData messages (CommandComplete went to pg)
  });

  it('pauses the socket while the consumer is behind and resumes it as buffers are taken', async () => {
    const row = Buffer.alloc(1 << 20, 0x62);
    const parts = [copyOutResponse];
    for (let i = 0; i < 6; i++) parts.push(message('d', row));
    const s = Buffer.concat(parts);
    const r = await run(s, [100, 2 ** 21, 2 ** 22 + 3], false);
    expect(r.socket.paused).toBe(true);
    const taken: Buffer[] = [];
    while (r.socket.paused) taken.push((await r.reader.next()) as Buffer);
    // resumed once only one buffer was left waiting
    expect(taken.length).toBe(5);
    expect(taken.map((b) => b.length)).toEqual([16 << 10, 1 << 20, 1 << 20, 1 << 20, 1 << 20]);
    expect(taken.every((b) => b.every((x) => x === 0x62))).toBe(true);
  });

  it('several COPY statements in one query: the rows of each end with END_OF_COPY; the last CommandComplete and ReadyForQuery go to pg', async () => {
    const done = (n: number) => message('C', `COPY ${n}\0`);
    const s = Buffer.concat([
      copyOutResponse, message('d', 'a1\n'), message('d', 'a2\n'), message('c', ''), done(2),
      copyOutResponse, message('c', ''), done(0),
      copyOutResponse, message('d', 'c1\n'), message('c', ''), done(1), message('Z', 'T'),
    ]);
    for (let cut = 0; cut <= s.length; cut++) {
      const r = await run(s, [cut], false, 3);
      r.reader.handleReadyForQuery();
      const items: string[] = [];
      for (let b = await r.reader.next(); b !== null; b = await r.reader.next()) items.push(b === END_OF_COPY ? '|' : b.toString());
      expect(items.join(''), `cut at ${cut}`).toBe('a1\na2\n||c1\n|');
      expect(r.reader.rowsByStatement).toEqual([2, 0, 1]);
      expect(r.toPg.equals(Buffer.concat([done(1), message('Z', 'T')])), `cut at ${cut}`).toBe(true);
      expect(r.socket.listeners('data')).toEqual([r.pgListener]);
    }
  });

  it('several COPY statements: an error in a later one comes after the earlier rows', async () => {
    const error = message('E', 'SERROR\0C42501\0Mpermission denied for table t2\0\0');
    const s = Buffer.concat([copyOutResponse, message('d', 'a1\n'), message('c', ''), message('C', 'COPY 1\0'), error, message('Z', 'E')]);
    const r = await run(s, [9], false, 2);
    expect(r.toPg.equals(Buffer.concat([error, message('Z', 'E')]))).toBe(true);
    r.reader.handleError(new Error('permission denied for table t2'));
    expect((await r.reader.next())?.toString()).toBe('a1\n');
    expect(await r.reader.next()).toBe(END_OF_COPY);
    await expect(r.reader.next()).rejects.toThrow('permission denied');
  });

  it('several COPY statements: the last buffer of one is not overwritten by the rows of the next, read late', async () => {
    const first = Buffer.alloc(10_000, 0x78);
    const second = Buffer.alloc(9_000, 0x79);
    const s = Buffer.concat([
      copyOutResponse, message('d', first), message('c', ''), message('C', 'COPY 1\0'),
      copyOutResponse, message('d', second), message('c', ''), message('C', 'COPY 1\0'), message('Z', 'I'),
    ]);
    // everything arrives before anything is read
    const r = await run(s, [], false, 2);
    r.reader.handleReadyForQuery();
    const items: Buffer[][] = [[]];
    for (let b = await r.reader.next(); b !== null; b = await r.reader.next()) {
      if (b === END_OF_COPY) items.push([]);
      else items.at(-1)!.push(b);
    }
    expect(Buffer.concat(items[0]!).equals(first)).toBe(true);
    expect(Buffer.concat(items[1]!).equals(second)).toBe(true);
  });
});
