// Replays a plain SQL script (pg_dump's plain format) without psql: statements over the simple
// query protocol, COPY data streamed, and the few psql meta-commands pg_dump writes.
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import pg from 'pg';
import type { ClientConfig } from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { DumpError } from '../errors.js';
import { CopyIn } from './copy-in.js';
import { connectTarget, parsePsqlBool } from './meta.js';
import { ScriptSplitter, SUPPORTED_META, type ScriptItem } from './splitter.js';

/** A statement of the script that failed. */
export interface RestoreStatementError {
  /** 1-based script line where the failing statement (or meta-command) starts. */
  line: number;
  /** the statement's text */
  statement: string;
  /** the server's error message */
  message: string;
}

/** What {@link restorePlain} replays, and where. */
export interface RestorePlainOptions {
  /** the target database: a connection string or a `pg` ClientConfig */
  connection: ClientConfig | string;
  /** A readable stream of the script, or a file path. */
  input: NodeJS.ReadableStream | string;
  /** Stop at the first error, like psql's ON_ERROR_STOP (the script can also `\set ON_ERROR_STOP on`). */
  exitOnError?: boolean;
  /** Wrap the script in BEGIN/COMMIT; implies exitOnError, as `psql -1 -v ON_ERROR_STOP=1` does. */
  singleTransaction?: boolean;
  /** Called with each failed statement (the replay goes on unless exitOnError). */
  onError?: (e: RestoreStatementError) => void;
  /** Server notices, as `SEVERITY:  message`. */
  onNotice?: (msg: string) => void;
  /** Skipped meta-commands and similar; falls back to onNotice. */
  onWarning?: (msg: string) => void;
}

/** The outcome of a replay. */
export interface RestorePlainResult {
  /** Statements sent to the server, COPYs included, failed ones included. */
  statements: number;
  /** statements that failed */
  errors: number;
  /** rows loaded by COPY statements */
  copiedRows: number;
}

/**
 * Replays a plain SQL script (what {@link dump} writes) into a database without psql: its
 * statements, COPY data and the psql meta-commands pg_dump scripts use (\connect,
 * \restrict, ...). Archives (custom, directory, tar) are restored with pg_restore.
 */
export async function restorePlain(opts: RestorePlainOptions): Promise<RestorePlainResult> {
  return new PlainReplayer(opts).run();
}

const UTF8_NAMES = /^(utf-?8|unicode|default)$/i;
const SET_ENCODING = /^\s*SET\s+(?:SESSION\s+)?(?:client_encoding\s*(?:=|TO)|NAMES)\s*'?([^';\s]+)/i;

class PlainReplayer {
  private readonly result: RestorePlainResult = { statements: 0, errors: 0, copiedRows: 0 };
  private config: ClientConfig;
  private client: pg.Client | null = null;
  private exitOnError: boolean;
  private restrictKey: string | null = null;
  private copy: CopyIn | null = null;
  private copyReported = false;

  constructor(private readonly opts: RestorePlainOptions) {
    this.config = resolveConfig(opts.connection);
    this.exitOnError = Boolean(opts.exitOnError || opts.singleTransaction);
  }

  async run(): Promise<RestorePlainResult> {
    this.client = await this.open(this.config);
    try {
      if (this.opts.singleTransaction) await this.client.query('BEGIN');
      const splitter = new ScriptSplitter();
      for await (const text of readText(this.opts.input)) {
        for (const item of splitter.feed(text)) await this.handle(item);
      }
      for (const item of splitter.end()) await this.handle(item);
      if (this.opts.singleTransaction) {
        await this.requireClient().query('COMMIT').catch((e: Error) => this.fail(0, 'COMMIT', e.message, e));
      }
      return { ...this.result };
    } finally {
      // Without COMMIT the server rolls a single transaction back when the session ends.
      await this.client.end().catch(() => undefined);
    }
  }

  private async handle(item: ScriptItem): Promise<void> {
    switch (item.kind) {
      case 'sql':
        return this.sql(item.text, item.line);
      case 'copy':
        this.result.statements++;
        this.copy = new CopyIn(this.requireClient(), item.text, item.line);
        this.copyReported = false;
        return;
      case 'copy-data':
        if (!this.copy) return;
        await this.copy.write(item.chunk);
        // Reported as soon as seen, so exitOnError need not read the rest of a huge data block.
        if (this.copy.error && !this.copyReported) this.copyFailed(this.copy, this.copy.error);
        return;
      case 'copy-end': {
        const c = this.copy;
        this.copy = null;
        if (!c) return;
        const r = await c.finish();
        if ('rows' in r) this.result.copiedRows += r.rows;
        else if (!this.copyReported) this.copyFailed(c, r.error);
        return;
      }
      case 'meta':
        return this.meta(item.command, item.args, item.line);
      default: {
        const never: never = item;
        throw new DumpError('internal', `unknown script item ${JSON.stringify(never)}`);
      }
    }
  }

  private async sql(text: string, line: number): Promise<void> {
    const enc = SET_ENCODING.exec(text)?.[1];
    if (enc !== undefined && !UTF8_NAMES.test(enc)) {
      // pg always talks UTF-8, and the script was decoded as UTF-8: running this would corrupt text.
      throw new DumpError('unsupported', `line ${line}: the script sets client encoding ${enc}; only UTF8 scripts can be restored (dump with --encoding=UTF8)`);
    }
    this.result.statements++;
    try {
      await this.requireClient().query(text);
    } catch (e) {
      if (!(e instanceof pg.DatabaseError)) {
        throw new DumpError('connection', `line ${line}: lost the connection: ${(e as Error).message}`, { cause: e });
      }
      this.fail(line, text, e.message, e);
    }
  }

  private copyFailed(c: CopyIn, e: Error): void {
    this.copyReported = true;
    const where = e instanceof pg.DatabaseError && e.where ? ` (${e.where})` : '';
    this.fail(c.line, c.text, e.message + where, e);
  }

  private fail(line: number, statement: string, message: string, cause?: unknown): void {
    this.result.errors++;
    this.opts.onError?.({ line, statement, message });
    if (this.exitOnError) {
      const head = statement.replace(/\s+/g, ' ').trim().slice(0, 80);
      throw new DumpError('query', `line ${line}: ${message} (in: ${head})`, { cause });
    }
  }

  private async meta(command: string, args: string[], line: number): Promise<void> {
    const shown = `\\${command}${args.length ? ' ' + args.join(' ') : ''}`;
    // \restrict exists so that a dump cannot run anything but SQL: honour it as psql does.
    if (this.restrictKey !== null && command !== 'unrestrict') {
      return this.fail(line, shown, 'backslash commands are restricted; only \\unrestrict is allowed');
    }
    switch (command) {
      case 'restrict':
        if (!args[0]) return this.fail(line, shown, '\\restrict: missing required argument');
        this.restrictKey = args[0];
        return;
      case 'unrestrict':
        if (this.restrictKey === null) return this.fail(line, shown, '\\unrestrict: not currently in restricted mode');
        if (args[0] !== this.restrictKey) return this.fail(line, shown, '\\unrestrict: wrong key');
        this.restrictKey = null;
        return;
      case 'connect':
      case 'c':
        return this.reconnect(args, line);
      case 'set':
        if (args[0] === 'ON_ERROR_STOP') {
          this.exitOnError = Boolean(this.opts.singleTransaction) || (parsePsqlBool(args[1]) ?? false);
        } else this.warn(`line ${line}: ${shown} ignored: psql variables are not supported`);
        return;
      case 'encoding':
        // pg_dump -C writes the new database's encoding here and `SET client_encoding` right after
        // the reconnect; the connection itself always speaks UTF-8.
        return;
      default:
        if (SUPPORTED_META.has(command)) throw new DumpError('internal', `meta-command ${shown} not dispatched`);
        this.warn(`line ${line}: unsupported psql meta-command \\${command} skipped`);
    }
  }

  private async reconnect(args: string[], line: number): Promise<void> {
    if (this.opts.singleTransaction) {
      throw new DumpError('usage', `line ${line}: \\connect cannot be replayed with singleTransaction: one transaction cannot span databases (restore without --create or without --single-transaction)`);
    }
    const target = connectTarget(this.config, args);
    const next = await this.open(target, line);
    const old = this.client;
    this.client = next;
    this.config = target;
    await old?.end().catch(() => undefined);
  }

  private async open(config: ClientConfig, line?: number): Promise<pg.Client> {
    const client = new pg.Client(config);
    // A dead idle connection emits 'error'; the next query reports it, so only keep the process alive.
    client.on('error', () => undefined);
    client.on('notice', (n) => this.opts.onNotice?.(`${n.severity ?? 'NOTICE'}:  ${n.message ?? ''}`));
    try {
      await client.connect();
    } catch (e) {
      await client.end().catch(() => undefined);
      const where = line !== undefined ? `line ${line}: \\connect: ` : '';
      throw new DumpError('connection', `${where}cannot connect to database "${config.database ?? '(default)'}": ${(e as Error).message}`, { cause: e });
    }
    return client;
  }

  private requireClient(): pg.Client {
    if (!this.client) throw new DumpError('internal', 'restore: no connection');
    return this.client;
  }

  private warn(msg: string): void {
    (this.opts.onWarning ?? this.opts.onNotice)?.(`WARNING:  ${msg}`);
  }
}

/** A pg.ClientConfig without a connection string: \connect must be able to change single fields. */
function resolveConfig(c: ClientConfig | string): ClientConfig {
  const fromString = (s: string): ClientConfig =>
    Object.fromEntries(Object.entries(parseIntoClientConfig(s)).filter(([, v]) => v !== undefined && v !== null)) as ClientConfig;
  if (typeof c === 'string') return fromString(c);
  const { connectionString, ...rest } = c;
  // pg lets the connection string override the other fields; keep that precedence.
  return connectionString ? { ...rest, ...fromString(connectionString) } : rest;
}

/** The script as text, read in bounded pieces; a multi-byte character split across reads stays whole. */
async function* readText(input: NodeJS.ReadableStream | string): AsyncGenerator<string> {
  const stream = typeof input === 'string' ? createReadStream(input, { highWaterMark: 1 << 16 }) : input;
  const decoder = new StringDecoder('utf8');
  const it = stream[Symbol.asyncIterator]();
  try {
    for (;;) {
      let r: IteratorResult<string | Buffer>;
      try {
        r = await it.next();
      } catch (e) {
        const name = typeof input === 'string' ? input : 'the input stream';
        throw new DumpError('usage', `cannot read ${name}: ${(e as Error).message}`, { cause: e });
      }
      if (r.done) break;
      const text = typeof r.value === 'string' ? r.value : decoder.write(r.value);
      if (text !== '') yield text;
    }
    const tail = decoder.end();
    if (tail !== '') yield tail;
  } finally {
    await it.return?.(); // stops and closes the file when the restore ends early
  }
}
