import { PassThrough } from 'node:stream';
import type { DumpOptions, DumpResult, ProgressEvent } from './options.js';

/** The progress event of the given type. */
export type ProgressEventOf<K extends ProgressEvent['type']> = ProgressEvent extends infer E
  ? E extends {
      /** the event's type */
      readonly type: infer T;
    }
    ? K extends T
      ? Omit<E, 'type'> & {
          /** the event's type */
          readonly type: K;
        }
      : never
    : never
  : never;

/**
 * The events of a {@link DumpHandle} besides the stream's own, with their arguments.
 * Every {@link ProgressEvent} is emitted as `progress` and, unless its type is one of the
 * stream's own event names (`data`), also under its type; `object` is each written object
 * (the `entry` events).
 */
export interface DumpEvents {
  /** an object (TOC entry) is being written */
  object: [event: ProgressEventOf<'entry'>];
  /** a table's rows are about to be written */
  'table-start': [event: ProgressEventOf<'table-start'>];
  /** more of a table's rows were written (running totals) */
  'table-progress': [event: ProgressEventOf<'table-progress'>];
  /** all of a table's rows were written */
  'table-done': [event: ProgressEventOf<'table-done'>];
  /** the catalog is read */
  catalog: [event: ProgressEventOf<'catalog'>];
  /** same as object */
  entry: [event: ProgressEventOf<'entry'>];
  /** every progress event, whatever its type */
  progress: [event: ProgressEvent];
  /** a warning (also in the result's `warnings`) */
  warning: [message: string];
}

/** Event names the stream itself uses: progress events of these types are only emitted as `progress`. */
const STREAM_EVENTS: ReadonlySet<string> = new Set(['data', 'end', 'error', 'close', 'readable', 'pause', 'resume', 'pipe', 'unpipe', 'finish', 'drain']);

/**
 * What {@link dump} returns: a Node `Readable` of the script (or custom archive), and a
 * `PromiseLike` of the {@link DumpResult}: `await` it once the stream is consumed (piped,
 * read or iterated). A failed or aborted dump rejects, and destroys the stream with the error
 * (without it when nobody listens for the stream's errors but the result is awaited).
 * Destroying the handle before the end cancels the dump, as its `signal` would.
 * Awaiting a handle nobody reads from drains it (the output is discarded) rather than waiting
 * for ever for a reader.
 *
 * @example
 * ```ts
 * const d = dump({ dbname: 'app' });
 * d.on('table-done', (t) => console.log(`${t.schema}.${t.table}: ${t.rows} rows`));
 * await pipeline(d, createWriteStream('app.sql'));
 * const summary = await d;
 * ```
 */
export class DumpHandle extends PassThrough implements PromiseLike<DumpResult> {
  private readonly outcome: Promise<DumpResult>;
  /** someone awaits the result: a failure is theirs to handle, not necessarily the stream's */
  private awaited = false;
  /** the dump is over (done or failed) */
  private settled = false;
  /** cancels the dump when the handle is destroyed before the end */
  private readonly stop = new AbortController();

  /** The result; rejects with the {@link DumpError} that failed the dump. */
  get result(): Promise<DumpResult> {
    this.awaited = true;
    return this.outcome;
  }

  /** @internal */
  constructor(start: (options: DumpOptions, out: PassThrough) => Promise<DumpResult>, options: DumpOptions) {
    super();
    const stop = this.stop;
    const withEvents: DumpOptions = {
      ...options,
      signal: options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal,
      onProgress: (e) => {
        options.onProgress?.(e);
        this.emit('progress', e);
        if (!STREAM_EVENTS.has(e.type)) this.emit(e.type, e);
        if (e.type === 'entry') this.emit('object', e);
      },
      onWarning: (m) => {
        options.onWarning?.(m);
        this.emit('warning', m);
      },
    };
    // Started on the next tick, so listeners attached right after dump() returns see every event.
    this.outcome = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => start(withEvents, this))
      .then(
        (r) => {
          this.settled = true;
          this.end();
          return r;
        },
        (e: unknown) => {
          this.settled = true;
          // The stream errors too, unless nobody listens for that and the error goes to whoever
          // awaits the result (an unheard stream error would crash the process).
          this.destroy(e as Error);
          throw e;
        },
      );
    // A caller who only reads the stream sees the error there: the promise must not also
    // surface as an unhandled rejection.
    this.outcome.catch(() => undefined);
  }

  /** @internal A handle destroyed before the dump is done (the reader gave up) cancels the dump. */
  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.settled) this.stop.abort();
    // Nobody listens for the stream's errors but someone awaits the result: the error goes
    // there (as a rejection), not to an unheard 'error' event that would crash the process.
    super._destroy(this.awaited && this.listenerCount('error') === 0 ? null : error, callback);
  }

  /** Awaits the {@link DumpResult} (drains the stream if nobody reads it). */
  then<T = DumpResult, E = never>(
    onfulfilled?: ((value: DumpResult) => T | PromiseLike<T>) | null,
    onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null,
  ): Promise<T | E> {
    // Nobody reads and nobody will (the caller is waiting for the end): drain.
    setImmediate(() => {
      if (this.readableFlowing === null && !this.destroyed) this.resume();
    });
    return this.result.then(onfulfilled, onrejected);
  }

  /** Like a promise's catch: the result's failure. */
  catch<E = never>(onrejected?: ((reason: unknown) => E | PromiseLike<E>) | null): Promise<DumpResult | E> {
    return this.then(undefined, onrejected);
  }

  /** Like a promise's finally. */
  finally(onfinally?: (() => void) | null): Promise<DumpResult> {
    return this.then().finally(onfinally);
  }
}

/** Typed overloads for the dump's own events; the stream's events keep their usual types. */
export interface DumpHandle {
  /** Listens to one of the dump's events ({@link DumpEvents}), typed. */
  on<K extends keyof DumpEvents>(event: K, listener: (...args: DumpEvents[K]) => void): this;
  /** The stream's own events, and any other. */
  on(event: string | symbol, listener: (...args: any[]) => void): this;
  /** Listens to one of the dump's events ({@link DumpEvents}), typed. */
  once<K extends keyof DumpEvents>(event: K, listener: (...args: DumpEvents[K]) => void): this;
  /** The stream's own events, and any other. */
  once(event: string | symbol, listener: (...args: any[]) => void): this;
  /** Listens to one of the dump's events ({@link DumpEvents}), typed. */
  off<K extends keyof DumpEvents>(event: K, listener: (...args: DumpEvents[K]) => void): this;
  /** The stream's own events, and any other. */
  off(event: string | symbol, listener: (...args: any[]) => void): this;
  /** Listens to one of the dump's events ({@link DumpEvents}), typed. */
  addListener<K extends keyof DumpEvents>(event: K, listener: (...args: DumpEvents[K]) => void): this;
  /** The stream's own events, and any other. */
  addListener(event: string | symbol, listener: (...args: any[]) => void): this;
  /** Listens to one of the dump's events ({@link DumpEvents}), typed. */
  removeListener<K extends keyof DumpEvents>(event: K, listener: (...args: DumpEvents[K]) => void): this;
  /** The stream's own events, and any other. */
  removeListener(event: string | symbol, listener: (...args: any[]) => void): this;
}
