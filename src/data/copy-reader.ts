import type { Socket } from 'node:net';

/** Size of the buffers the reader fills with row bytes, and hands on one at a time. */
const OUT_BYTES = 1 << 20;
/**
 * Size of a COPY's first buffer: most tables of a many-table database are small, and a 1 MB
 * buffer for each would be 10 GB of allocations for 10,000 tables.
 */
const FIRST_OUT_BYTES = 16 << 10;
/** Full buffers held for a slow consumer before the socket is paused (and resumed below LOW). */
const HIGH_WATER = 4;
const LOW_WATER = 1;

// Backend message types the reader looks at (protocol 3.0).
const COPY_DATA = 0x64; // 'd'
const COPY_DONE = 0x63; // 'c'
const COPY_OUT_RESPONSE = 0x48; // 'H'
const COMMAND_COMPLETE = 0x43; // 'C'
const ERROR_RESPONSE = 0x45; // 'E'

/** In the queue of a reader running several COPY statements: the end of one statement's rows. */
export const END_OF_COPY: unique symbol = Symbol('end of one COPY');

/** The part of pg's Connection the reader uses: the socket it reads, and its one data listener. */
interface PgConnection {
  readonly stream: Socket;
  query(text: string): void;
}

type DataListener = (chunk: Buffer) => void;

/**
 * `COPY ... TO STDOUT` as a pg "submittable" that reads the rows off the socket itself. While
 * the COPY runs it takes the place of pg's own data listener, walks the protocol messages of
 * each socket chunk, and copies the payload of every CopyData message straight into 1 MB
 * buffers: no Buffer, no object and no event per row (pg-protocol makes one of each, and
 * pg-copy-streams a slice and a concatenation), which is most of a client's CPU on a large
 * table. Everything that is not row data (the error, notices, and CommandComplete /
 * ReadyForQuery after CopyDone) goes back to pg's parser, so errors, notices and the
 * connection's state are pg's as usual.
 *
 * Rows are counted as they pass (one CopyData message per row in text format). The consumer
 * pulls buffers with `next()`; when it falls behind by HIGH_WATER buffers the socket is paused,
 * which is TCP backpressure on the server.
 *
 * `statements` > 1: `text` is that many `COPY ... TO STDOUT` statements in one query string,
 * which the server runs back to back, without a round trip between them. The reader then also
 * takes the CommandComplete of each but the last itself, and each statement's rows end with an
 * END_OF_COPY in the queue (never mixed with the next statement's in one buffer).
 */
export class CopyOutReader {
  /** Rows read so far; after the end, the count from the server's CommandComplete. */
  rows = 0;

  private socket: Socket | null = null;
  /** the last statement's rows, or the error, came: the socket is pg's again */
  private handedBack = false;
  private pgListener: DataListener | null = null;
  private readonly onChunk: DataListener = (chunk) => this.parse(chunk);

  // parser state
  private readonly header = Buffer.allocUnsafe(5);
  private rowsBefore = 0; // rows of the statements before the current one
  private headerFill = 0;
  private type = 0;
  private left = 0; // body bytes of the current message not yet seen
  private inBody = false;
  private passOn: Buffer[] | null = null; // a message for pg's parser, being gathered

  private out = Buffer.allocUnsafe(FIRST_OUT_BYTES);
  private outFill = 0;
  private readonly full: (Buffer | typeof END_OF_COPY)[] = [];
  private paused = false;
  private discarding = false;

  private finished = false; // ReadyForQuery seen (or the connection failed)
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  /** rows of each statement that has ended (several statements) */
  readonly rowsByStatement: number[] = [];
  private statementsLeft: number;

  constructor(readonly text: string, readonly statements = 1) {
    this.statementsLeft = statements;
  }

  // ---- pg's Submittable interface ----

  submit(connection: PgConnection): void {
    const socket = connection.stream;
    const listeners = socket.listeners('data') as DataListener[];
    if (listeners.length !== 1) throw new Error(`COPY reader: expected pg's one data listener on the socket, found ${listeners.length}`);
    this.socket = socket;
    this.pgListener = listeners[0]!;
    socket.removeListener('data', this.pgListener);
    socket.on('data', this.onChunk);
    connection.query(this.text);
  }

  handleCommandComplete(msg: { text?: string }): void {
    // (with several statements, pg sees only the last one's: the reader counts the rest)
    const m = /^COPY (\d+)/.exec(msg.text ?? '');
    if (m && this.statements === 1) this.rows = Number(m[1]);
  }

  handleReadyForQuery(): void {
    this.finished = true;
    this.signal();
  }

  handleError(err: Error): void {
    // the connection failed while we were reading: give the socket back all the same
    this.detach(null);
    this.failure ??= err;
    this.finished = true;
    this.signal();
  }

  handleRowDescription(): void {
    this.failure ??= new Error(`not a COPY ... TO STDOUT statement: ${this.text.slice(0, 80)}`);
  }

  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handleCopyInResponse(): void {}
  handleCopyData(): void {}
  handlePortalSuspended(): void {}

  // ---- consumer side ----

  /**
   * The next buffer of row bytes, END_OF_COPY after each statement's rows, or null at the end.
   * Rejects with the COPY's error, once the rows read before it have been taken.
   */
  async next(): Promise<Buffer | typeof END_OF_COPY | null> {
    for (;;) {
      const b = this.full.shift();
      if (b !== undefined) {
        if (this.paused && this.full.length <= LOW_WATER) {
          this.paused = false;
          this.socket?.resume();
        }
        return b;
      }
      if (this.failure) throw this.failure;
      if (this.finished) return null;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  /** Whether the server has ended the COPY (with its rows, or an error) and the connection is free. */
  get settled(): boolean {
    return this.finished;
  }

  /** Whether the server has sent its last row or its error (the socket is pg's again). */
  get rowsEnded(): boolean {
    return this.handedBack;
  }

  /**
   * Stops keeping rows: from now on they are read and dropped (the socket must still be read
   * for the server's answer to a cancel). Resolves when the statement has ended, or after
   * `timeoutMs`.
   */
  async discard(timeoutMs: number): Promise<void> {
    this.discarding = true;
    this.full.length = 0;
    if (this.paused) {
      this.paused = false;
      this.socket?.resume();
    }
    if (this.finished) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => {
        const check = () => (this.finished ? resolve() : void (this.wake = check));
        check();
      }),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs))),
    ]);
    clearTimeout(timer);
  }

  // ---- the parser ----

  private signal(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  private parse(chunk: Buffer): void {
    const n = chunk.length;
    let i = 0;
    // Row bytes are moved to the front of the chunk (the socket's fresh buffer, ours alone
    // once handed to us) and taken from there in one copy: copyWithin moves bytes without
    // making a view per row, which Buffer#copy and set() of a subarray would.
    let packed = 0;
    while (i < n) {
      if (!this.inBody) {
        let start = i;
        if (this.headerFill === 0 && n - i >= 5) {
          this.type = chunk[i]!;
          this.left = chunk.readUInt32BE(i + 1) - 4;
          i += 5;
        } else {
          const take = Math.min(5 - this.headerFill, n - i);
          chunk.copy(this.header, this.headerFill, i, i + take);
          this.headerFill += take;
          i += take;
          if (this.headerFill < 5) break;
          this.headerFill = 0;
          this.type = this.header[0]!;
          this.left = this.header.readUInt32BE(1) - 4;
          start = -1; // the header is in this.header, not (wholly) in this chunk
        }
        if (this.type === ERROR_RESPONSE) {
          // pg parses the error (and the ReadyForQuery after it) and calls handleError
          const head = start >= 0 ? chunk.subarray(start) : Buffer.concat([this.header, chunk.subarray(i)]);
          this.detach(head);
          return;
        }
        this.inBody = true;
        const ours = this.type === COPY_DATA || this.type === COPY_OUT_RESPONSE || this.type === COPY_DONE || this.type === COMMAND_COMPLETE;
        if (!ours) {
          const h = Buffer.allocUnsafe(5);
          h[0] = this.type;
          h.writeUInt32BE(this.left + 4, 1);
          this.passOn = [h];
        }
        if (this.type === COPY_DATA) this.rows++;
      }
      const take = Math.min(this.left, n - i);
      if (take > 0) {
        if (this.type === COPY_DATA) {
          if (packed !== i) chunk.copyWithin(packed, i, i + take);
          packed += take;
        } else if (this.passOn) this.passOn.push(chunk.subarray(i, i + take));
        i += take;
        this.left -= take;
      }
      if (this.left > 0) break; // the message goes on in the next chunk
      this.inBody = false;
      if (this.passOn) {
        // a notice, parameter status or notification inside the COPY: pg's to report
        const msg = Buffer.concat(this.passOn);
        this.passOn = null;
        this.pgListener?.(msg);
      } else if (this.type === COPY_DONE) {
        this.keep(chunk, packed);
        packed = 0;
        this.flushOut();
        this.rowsByStatement.push(this.rows - this.rowsBefore);
        this.rowsBefore = this.rows;
        this.full.push(END_OF_COPY);
        if (--this.statementsLeft === 0) {
          this.detach(i < n ? chunk.subarray(i) : null);
          return;
        }
      }
    }
    this.keep(chunk, packed);
    if (this.full.length > 0) {
      this.signal();
      if (!this.paused && this.full.length >= HIGH_WATER && !this.discarding) {
        this.paused = true;
        this.socket?.pause();
      }
    }
  }

  /** Takes the first `size` bytes of `chunk` (packed row bytes) into the output buffers. */
  private keep(chunk: Buffer, size: number): void {
    if (this.discarding || size === 0) return;
    let from = 0;
    while (from < size) {
      const take = Math.min(this.out.length - this.outFill, size - from);
      chunk.copy(this.out, this.outFill, from, from + take);
      this.outFill += take;
      from += take;
      if (this.outFill === this.out.length) {
        this.full.push(this.out);
        this.out = Buffer.allocUnsafe(OUT_BYTES);
        this.outFill = 0;
      }
    }
  }

  private flushOut(): void {
    if (this.outFill > 0 && !this.discarding) {
      // A small remainder is copied out, so that it does not hold on to a whole buffer; a
      // large one is handed on as it is, and the next statement's rows get a buffer of their own.
      const rest = this.out.subarray(0, this.outFill);
      if (this.outFill < this.out.length >> 2) {
        this.full.push(Buffer.from(rest));
      } else {
        this.full.push(rest);
        this.out = Buffer.allocUnsafe(FIRST_OUT_BYTES);
      }
    }
    this.outFill = 0;
    this.signal();
  }

  /** Gives the socket back to pg, with `rest` (bytes already read that are pg's) first. */
  private detach(rest: Buffer | null): void {
    const socket = this.socket;
    const listener = this.pgListener;
    if (!socket || !listener) return;
    this.handedBack = true;
    this.socket = null;
    this.pgListener = null;
    socket.removeListener('data', this.onChunk);
    socket.on('data', listener);
    if (this.paused) {
      this.paused = false;
      socket.resume();
    }
    if (rest && rest.length > 0) listener(rest);
  }
}
