import type { Writable } from 'node:stream';
import { once } from 'node:events';

/** A Writable with awaited backpressure: a write resolves once the stream can take more. */
export class Sink {
  private failure: Error | null = null;
  constructor(readonly stream: Writable) {
    stream.on('error', (e: Error) => {
      this.failure = e;
    });
  }

  async write(chunk: string | Buffer): Promise<void> {
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
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}
