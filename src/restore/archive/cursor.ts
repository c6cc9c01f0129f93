// Buffered, synchronous reads of an archive file at a position: the TOC is read field by field,
// data blocks in bounded chunks. Each reader (the leader, each parallel job) has its own cursor.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { DumpError } from '../../errors.js';

const BUFFER = 1 << 16;

export class FileCursor {
  private readonly fd: number;
  private readonly buf = Buffer.alloc(BUFFER);
  private bufStart = 0;
  private bufLen = 0;
  private at = 0;
  readonly size: number;
  /** bytes of an int after its sign byte, and of an offset after its flag (from the header) */
  intSize = 4;
  offSize = 8;
  /** the archive's version as major*10000 + minor*100 + rev (ints had no sign byte in 1.0) */
  version = 0;

  constructor(readonly path: string, private readonly base = 0, length?: number) {
    try {
      this.fd = openSync(path, 'r');
    } catch (e) {
      throw new DumpError('usage', `could not open input file "${path}": ${(e as Error).message}`, { cause: e });
    }
    this.size = length ?? fstatSync(this.fd).size - base;
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
  }

  get position(): number {
    return this.at;
  }

  seek(pos: number): void {
    this.at = pos;
  }

  get eof(): boolean {
    return this.at >= this.size;
  }

  private fill(): void {
    this.bufStart = this.at;
    const want = Math.min(BUFFER, this.size - this.at);
    this.bufLen = want > 0 ? readSync(this.fd, this.buf, 0, want, this.base + this.at) : 0;
  }

  byte(): number {
    if (this.at < this.bufStart || this.at >= this.bufStart + this.bufLen) this.fill();
    if (this.at >= this.bufStart + this.bufLen) throw this.truncated();
    return this.buf[this.at++ - this.bufStart]!;
  }

  /** Up to `n` bytes (fewer only at the end of the file), as a fresh buffer. */
  bytes(n: number): Buffer {
    const out = Buffer.alloc(Math.max(0, Math.min(n, this.size - this.at)));
    let done = 0;
    while (done < out.length) {
      if (this.at < this.bufStart || this.at >= this.bufStart + this.bufLen) this.fill();
      const from = this.at - this.bufStart;
      const take = Math.min(out.length - done, this.bufLen - from);
      this.buf.copy(out, done, from, from + take);
      done += take;
      this.at += take;
    }
    return out;
  }

  exactly(n: number): Buffer {
    const b = this.bytes(n);
    if (b.length !== n) throw this.truncated();
    return b;
  }

  int(): number {
    const sign = this.version > 10000 ? this.byte() : 0;
    let v = 0;
    for (let i = 0; i < this.intSize; i++) {
      const b = this.byte();
      if (i < 4) v += b * 2 ** (8 * i);
    }
    // pg_dump keeps a C int: what went in as a large OID comes back negative, like ReadInt
    if (v > 0x7fffffff) v -= 0x100000000;
    return sign ? -v : v;
  }

  str(decode: (b: Buffer) => string): string | null {
    const len = this.int();
    if (len < 0) return null;
    return decode(this.exactly(len));
  }

  /** A data offset: its flag (1 unset, 2 set, 3 no data) and the position. */
  offset(): { flag: number; pos: number } {
    const flag = this.byte();
    let pos = 0;
    for (let i = 0; i < this.offSize; i++) pos += this.byte() * 2 ** (8 * i);
    return { flag, pos };
  }

  truncated(): DumpError {
    return new DumpError('usage', `could not read input file "${this.path}": the archive ends early (truncated or corrupt)`);
  }
}
