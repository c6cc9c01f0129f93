import type { Writable } from 'node:stream';
import { once } from 'node:events';

/** Text gathered before one write, when a Sink coalesces. */
const COALESCE_CHARS = 1 << 16;

/**
 * A Writable with awaited backpressure: a write resolves once the stream can take more.
 *
 * With `coalesce`, strings are gathered and written ~64 kB at a time (a schema of 10,000 tables
 * is ~100,000 small pieces of text, each a stream write otherwise); a Buffer, flush() and end()
 * write what is gathered first, so the order is kept. Only for a Sink that is the stream's one
 * writer until it flushes.
 */
export class Sink {
  private failure: Error | null = null;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(readonly stream: Writable, private readonly options: { coalesce?: boolean } = {}) {
    stream.on('error', (e: Error) => {
      this.failure = e;
    });
  }

  async write(chunk: string | Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.options.coalesce && typeof chunk === 'string') {
      this.pending.push(chunk);
      this.pendingChars += chunk.length;
      if (this.pendingChars >= COALESCE_CHARS) await this.flush();
      return;
    }
    if (this.pendingChars > 0) await this.flush();
    await this.put(chunk);
  }

  /** Writes the text gathered so far. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    await this.put(text);
  }

  private async put(chunk: string | Buffer): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.stream.destroyed) throw new Error('the output stream was closed');
    if (!this.stream.write(chunk)) await this.drained();
  }

  /** 'drain'; a failing output ('error') or one destroyed without an error ('close') stops the dump instead. */
  private drained(): Promise<void> {
    const s = this.stream;
    return new Promise<void>((resolve, reject) => {
      const done = (e?: Error) => {
        s.off('drain', onDrain);
        s.off('error', onError);
        s.off('close', onClose);
        if (e) reject(e);
        else resolve();
      };
      const onDrain = () => done();
      const onError = (e: Error) => done(e);
      const onClose = () => done(this.failure ?? new Error('the output stream was closed'));
      s.on('drain', onDrain);
      s.on('error', onError);
      s.on('close', onClose);
    });
  }

  async end(): Promise<void> {
    await this.flush();
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}
