// One `COPY ... FROM STDIN` through pg-copy-streams, written with backpressure and safe to abandon
// when the server rejects it part-way.
import type pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';

// The parts of pg-copy-streams' CopyStreamQuery (v7) that quiesce() has to reach.
interface CopyStreamInternals {
  chunks: unknown[];
  flush: (callback?: () => void) => void;
}

export class CopyIn {
  private readonly stream: CopyStreamQuery;
  private readonly settled: Promise<void>;
  private failure: Error | null = null;
  private ended = false;

  constructor(client: pg.Client, readonly text: string, readonly line: number) {
    this.stream = client.query(copyFrom(text));
    // Listeners stay attached for the stream's whole life: a late 'error' (e.g. the connection
    // closing after an abandoned COPY) must never go unhandled.
    this.settled = new Promise<void>((resolve) => {
      this.stream.on('error', (e: Error) => {
        this.failure ??= e;
        this.quiesce();
        resolve();
      });
      this.stream.on('finish', () => resolve());
    });
  }

  /** The server's error, once it rejected the COPY (before or during the data). */
  get error(): Error | null {
    return this.failure;
  }

  /** Sends a piece of data, waiting while the socket is backed up. Dropped once the COPY failed. */
  async write(chunk: string | Buffer): Promise<void> {
    if (this.failure || this.ended) return;
    if (this.stream.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        resolve();
      };
      this.stream.on('drain', done);
      void this.settled.then(done);
    });
  }

  /** Ends the data and waits for the server's verdict; returns the row count, or the error. */
  async finish(): Promise<{ rows: number } | { error: Error }> {
    // After a failure the stream must not be ended: its final step writes to a connection that
    // pg-copy-streams has already let go of.
    if (!this.failure && !this.ended) {
      this.ended = true;
      this.stream.end();
    }
    await this.settled;
    return this.failure ? { error: this.failure } : { rows: this.stream.rowCount };
  }

  // Defensive: once the server has answered with an error, pg-copy-streams drops its connection
  // reference, and any data still buffered in the Writable (or waiting for the socket to drain)
  // would be flushed into that null connection and throw from an event handler. write() never
  // leaves more than one chunk pending, but make sure: drop the data and never complete pending
  // write callbacks, so the abandoned stream just stalls. (The server ignores CopyData after an error.)
  private quiesce(): void {
    const internals = this.stream as unknown as CopyStreamInternals;
    internals.chunks = [];
    internals.flush = (): void => {
      internals.chunks = [];
    };
  }
}
