import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Memory shared by every spool of a dump; past it, spools that nobody is reading go to disk. */
export class SpoolBudget {
  used = 0;
  constructor(readonly limit: number, private readonly spillDir: () => Promise<string>) {}

  dir(): Promise<string> {
    return this.spillDir();
  }
}

/** Bytes a spool being read holds before its producer waits for the reader. */
const LIVE_BYTES = 4 << 20;
/** Size of the reads back from a spill file. */
const READ_BYTES = 1 << 20;

let spoolSeq = 0;

/**
 * One producer's bytes (a worker copying a table or a ctid range of it) on their way to the one
 * reader that will write them, in order, into the output. While the reader is attached the bytes
 * pass through memory with backpressure; before that they stay in memory while the dump's budget
 * allows and then go to a spill file, which the reader reads back (and removes) when it gets
 * there. Once spilling, all later bytes go to the file, so memory chunks always come first.
 */
export class Spool {
  private readonly mem: Buffer[] = [];
  private memBytes = 0;
  private file: fs.FileHandle | null = null;
  private filePath: string | null = null;
  private fileBytes = 0;
  private done = false;
  private error: Error | null = null;
  private attached = false;
  private wakers: (() => void)[] = [];

  constructor(private readonly budget: SpoolBudget) {}

  private notify(): void {
    const w = this.wakers;
    this.wakers = [];
    for (const f of w) f();
  }

  private changed(): Promise<void> {
    return new Promise((resolve) => this.wakers.push(resolve));
  }

  /** Adds the producer's next bytes; resolves when it may produce more. */
  async push(b: Buffer): Promise<void> {
    if (this.error) throw this.error;
    if (!b.length) return;
    if (this.file === null && this.attached) {
      while (this.memBytes >= LIVE_BYTES && !this.error && this.file === null) await this.changed();
      if (this.error) throw this.error;
    }
    if (this.file === null && (this.attached || this.budget.used + b.length <= this.budget.limit)) {
      this.mem.push(b);
      this.memBytes += b.length;
      this.budget.used += b.length;
      this.notify();
      return;
    }
    if (this.file === null) {
      this.filePath = path.join(await this.budget.dir(), `spool-${process.pid}-${++spoolSeq}`);
      this.file = await fs.open(this.filePath, 'w+', 0o600);
      if (this.error) throw this.error;
    }
    let at = 0;
    while (at < b.length) {
      const { bytesWritten } = await this.file.write(b, at, b.length - at, this.fileBytes);
      at += bytesWritten;
      this.fileBytes += bytesWritten;
    }
    this.notify();
  }

  /** The producer is done: everything is pushed. */
  finish(): void {
    this.done = true;
    this.notify();
  }

  /** The bytes will never be read (another worker failed, the dump was cancelled). */
  fail(e: Error): void {
    if (this.error) return;
    this.error = e;
    this.budget.used -= this.memBytes;
    this.mem.length = 0;
    this.memBytes = 0;
    this.notify();
    void this.discard();
  }

  private async discard(): Promise<void> {
    const f = this.file;
    const p = this.filePath;
    this.file = null;
    this.filePath = null;
    if (f) await f.close().catch(() => undefined);
    if (p) await fs.rm(p, { force: true }).catch(() => undefined);
  }

  /** Everything the producer pushed, in order, as it arrives; removes the spill file at the end. */
  async *read(): AsyncGenerator<Buffer> {
    this.attached = true;
    this.notify();
    let offset = 0;
    try {
      for (;;) {
        if (this.error) throw this.error;
        const b = this.mem.shift();
        if (b) {
          this.memBytes -= b.length;
          this.budget.used -= b.length;
          this.notify();
          yield b;
          continue;
        }
        if (this.file && offset < this.fileBytes) {
          const want = Math.min(READ_BYTES, this.fileBytes - offset);
          const buf = Buffer.allocUnsafe(want);
          const { bytesRead } = await this.file.read(buf, 0, want, offset);
          if (bytesRead === 0) throw new Error('spill file ended early');
          offset += bytesRead;
          yield bytesRead === want ? buf : buf.subarray(0, bytesRead);
          continue;
        }
        if (this.done) break;
        await this.changed();
      }
    } finally {
      await this.discard();
    }
  }
}
