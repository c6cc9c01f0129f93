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
    // events.once rejects if 'error' fires while waiting, so a failing output stops the dump.
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async end(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(() => resolve());
    });
  }
}
