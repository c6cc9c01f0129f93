import { promises as fs } from 'node:fs';
import type { Writable } from 'node:stream';
import { Sink } from '../sink.js';

/** Where an archive's bytes go, in order; `position` counts what was written. */
export interface ByteOut {
  readonly position: number;
  /** can bytes already written be replaced (a file), or only appended (a pipe)? */
  readonly seekable: boolean;
  write(b: Buffer): Promise<void>;
  /** replaces bytes at `at`, which were written before; only when seekable */
  overwrite(b: Buffer, at: number): Promise<void>;
  /** flushes what is buffered */
  flush(): Promise<void>;
}

const BUFFER = 256 * 1024;

/**
 * A file written through its handle: small writes are gathered into one buffer, so the many
 * few-byte fields of the format cost one system call per quarter megabyte.
 */
export class FileOut implements ByteOut {
  readonly seekable = true;
  private pos = 0;
  private flushed = 0;
  private pending: Buffer[] = [];
  private pendingSize = 0;

  constructor(private readonly handle: fs.FileHandle) {}

  get position(): number {
    return this.pos;
  }

  async write(b: Buffer): Promise<void> {
    if (b.length === 0) return;
    this.pos += b.length;
    if (b.length >= BUFFER) {
      await this.flush();
      await this.writeAt(b, this.flushed);
      this.flushed += b.length;
      return;
    }
    this.pending.push(b);
    this.pendingSize += b.length;
    if (this.pendingSize >= BUFFER) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.pendingSize) return;
    const b = Buffer.concat(this.pending, this.pendingSize);
    this.pending = [];
    this.pendingSize = 0;
    await this.writeAt(b, this.flushed);
    this.flushed += b.length;
  }

  async overwrite(b: Buffer, at: number): Promise<void> {
    await this.flush();
    await this.writeAt(b, at);
  }

  private async writeAt(b: Buffer, at: number): Promise<void> {
    let done = 0;
    while (done < b.length) {
      const { bytesWritten } = await this.handle.write(b, done, b.length - done, at + done);
      done += bytesWritten;
    }
  }
}

/** A stream (standard output, a pipe): append only, with backpressure. */
export class StreamOut implements ByteOut {
  readonly seekable = false;
  private pos = 0;
  private readonly sink: Sink;

  constructor(stream: Writable) {
    this.sink = new Sink(stream);
  }

  get position(): number {
    return this.pos;
  }

  async write(b: Buffer): Promise<void> {
    if (b.length === 0) return;
    this.pos += b.length;
    await this.sink.write(b);
  }

  async overwrite(): Promise<void> {
    throw new Error('cannot rewrite a stream');
  }

  async flush(): Promise<void> {}
}
