// One restore session: either a script written to a stream (pg_restore -f) or a connection
// that runs each entry's statements (pg_restore -d). It tracks what pg_restore's archiver
// tracks (search_path, tablespace, table access method) and prints or runs an entry the same way.
import type { Writable } from 'node:stream';
import pg from 'pg';
import { DumpError } from '../../errors.js';
import { psqlConnect } from '../../../writers/plain-script.js';
import { qualify, quoteIdent, quoteLiteral } from '../../sql/quote.js';
import { CopyIn } from '../copy-in.js';
import { ScriptSplitter } from '../splitter.js';
import { textCodec, type ArchiveInfo, type ArchiveReader, type TocItem } from './reader.js';
import { isAclEntry } from './select.js';

/** pg_restore's LOBBUFSIZE: a large object is written in pieces of this size. */
const LO_PIECE = 16384;
const INV_WRITE = 0x20000;

export interface SessionOptions {
  /** -O/--no-owner: do not set objects' owners (no ALTER ... OWNER TO or SET SESSION AUTHORIZATION) */
  noOwner?: boolean;
  /** --no-tablespaces: create everything in the default tablespace (no SET default_tablespace) */
  noTablespaces?: boolean;
  /** --no-table-access-method: create tables with the default access method (no SET default_table_access_method) */
  noTableAccessMethod?: boolean;
  role?: string;
  /** --enable-row-security: restore with row_security on (off by default) */
  enableRowSecurity?: boolean;
  /** -1/--single-transaction: restore in one transaction; the first error stops it */
  singleTransaction?: boolean;
  /** --disable-triggers: in a data-only restore, disable the tables' triggers while loading their data */
  disableTriggers?: boolean;
  /** -S/--superuser: the user that disables triggers (with disableTriggers); the login user by default */
  superuser?: string;
  /** -e/--exit-on-error: stop at the first failed statement instead of counting it and going on */
  exitOnError?: boolean;
  /** pg_restore -v: the TOC entry, its dependencies and its data's place in each header */
  verbose?: boolean;
  /** own objects by SET SESSION AUTHORIZATION instead of ALTER ... OWNER TO */
  useSetSessionAuthorization?: boolean;
  /** effective data-only restore (given, or implied by the selection) */
  dataOnly?: boolean;
  restrictKey?: string;
}

export interface ArchiveRestoreError {
  /** the TOC entry being restored, null for session setup */
  entry: {
    /** the entry's dump id, as in the -l listing */
    dumpId: number;
    /** the kind of object: TABLE, INDEX, TABLE DATA, ... */
    desc: string;
    /** its schema, null when it has none */
    namespace: string | null;
    /** its name */
    tag: string;
    /** its owner, null when it has none */
    owner: string | null;
  } | null;
  statement: string;
  message: string;
}

/** Counts and reports errors for all sessions of one restore. */
export class ErrorLog {
  count = 0;
  /** entries that had an error */
  readonly failed = new Set<number>();
  constructor(private readonly exitOnError: boolean, private readonly onError?: (e: ArchiveRestoreError) => void) {}

  fail(te: TocItem | null, statement: string, message: string, cause?: unknown): void {
    this.count++;
    if (te) this.failed.add(te.dumpId);
    const entry = te ? { dumpId: te.dumpId, desc: te.desc, namespace: te.namespace, tag: te.tag, owner: te.owner } : null;
    if (this.exitOnError) {
      // reported once, by the error that stops the restore
      const head = statement.replace(/\s+/g, ' ').trim().slice(0, 100);
      throw new DumpError('query', `${describeEntry(te)}: ${message.replace(/\s*\n\s*/g, ' ')}${head ? ` (in: ${head})` : ''}`, { cause });
    }
    this.onError?.({ entry, statement, message });
  }
}

export function describeEntry(te: TocItem | null): string {
  if (!te) return 'while setting up the session';
  return `TOC entry ${te.dumpId}; ${te.desc} ${te.namespace ? `${te.namespace}.` : ''}${te.tag}${te.owner ? ` (owner ${te.owner})` : ''}`;
}

/** A connection factory: the database named, or the current one when omitted. */
export type Connector = (dbname?: string) => Promise<pg.Client>;

export class Session {
  private schema: string | null = null;
  private tablespace: string | null = null;
  private tableAm: string | null = null;
  /** the session user as SET SESSION AUTHORIZATION left it; null when unknown */
  private user: string | null = null;
  private current: TocItem | null = null;

  private constructor(
    private readonly info: ArchiveInfo,
    private readonly opts: SessionOptions,
    private readonly errors: ErrorLog,
    private out: Writable | null,
    private client: pg.Client | null,
    private readonly connector: Connector | null,
  ) {}

  static toStream(info: ArchiveInfo, opts: SessionOptions, errors: ErrorLog, out: Writable): Session {
    return new Session(info, opts, errors, out, null, null);
  }

  static async toDatabase(info: ArchiveInfo, opts: SessionOptions, errors: ErrorLog, connector: Connector): Promise<Session> {
    return new Session(info, opts, errors, null, await connector(), connector);
  }

  get isDb(): boolean {
    return this.client !== null;
  }

  async close(): Promise<void> {
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  // --- output primitives ----------------------------------------------------------------------

  /** Text for the script only (header comments): a connection gets nothing. */
  async comment(text: string): Promise<void> {
    if (this.out) await this.write(text);
  }

  private async write(text: string | Buffer): Promise<void> {
    const out = this.out!;
    const b = typeof text === 'string' ? Buffer.from(text, textCodec(this.info.encoding)) : text;
    if (!out.write(b)) {
      await new Promise<void>((resolve, reject) => {
        const done = (e?: Error) => {
          out.off('drain', done);
          out.off('error', done);
          if (e) reject(new DumpError('output', `cannot write the script: ${e.message}`, { cause: e }));
          else resolve();
        };
        out.on('drain', done);
        out.on('error', done);
      });
    }
  }

  /** ahprintf: written to the script, or run as one query (several statements at once). */
  async sql(text: string): Promise<void> {
    if (this.out) return this.write(text);
    await this.run(text);
  }

  /** Runs a query on the connection; a server error is counted (or stops the restore). */
  async run(text: string, values?: unknown[]): Promise<pg.QueryResult | null> {
    const client = this.requireClient();
    try {
      return await client.query(values ? { text, values } : text);
    } catch (e) {
      if (!(e instanceof pg.DatabaseError)) {
        throw new DumpError('connection', `${describeEntry(this.current)}: lost the connection: ${(e as Error).message}`, { cause: e });
      }
      this.errors.fail(this.current, text, `${e.severity ?? 'ERROR'}:  ${e.message}`, e);
      return null;
    }
  }

  private requireClient(): pg.Client {
    if (!this.client) throw new DumpError('internal', 'restore session has no connection');
    return this.client;
  }

  // --- session state ------------------------------------------------------------------------

  /** _doSetFixedOutputState */
  async fixedState(): Promise<void> {
    const i = this.info;
    let s = 'SET statement_timeout = 0;\nSET lock_timeout = 0;\nSET idle_in_transaction_session_timeout = 0;\n';
    s += `SET client_encoding = '${i.encoding}';\n`;
    s += `SET standard_conforming_strings = ${i.stdStrings ? 'on' : 'off'};\n`;
    if (this.opts.role) s += `SET ROLE ${quoteIdent(this.opts.role)};\n`;
    if (i.searchPath) s += i.searchPath;
    s += 'SET check_function_bodies = false;\nSET xmloption = content;\nSET client_min_messages = warning;\n';
    if (!i.stdStrings) s += 'SET escape_string_warning = off;\n';
    s += `SET row_security = ${this.opts.enableRowSecurity ? 'on' : 'off'};\n`;
    if (this.out) return this.write(`${s}\n`);
    // one statement at a time, as pg_restore sends them
    for (const stmt of s.split('\n').filter(Boolean)) await this.run(stmt);
  }

  /** _reconnectToDB: \connect in a script, a new connection otherwise. */
  async reconnect(dbname: string): Promise<void> {
    if (this.out) {
      const key = this.opts.restrictKey;
      await this.write(`\\unrestrict ${key}\n${psqlConnect(dbname)}\\restrict ${key}\n\n`);
    } else {
      const next = await this.connector!(dbname);
      await this.client?.end().catch(() => undefined);
      this.client = next;
    }
    this.schema = this.tablespace = this.tableAm = this.user = null;
    await this.fixedState();
  }

  async begin(): Promise<void> {
    if (this.out) return this.write('BEGIN;\n\n');
    await this.run('BEGIN');
  }

  async commit(): Promise<void> {
    if (this.out) return this.write('COMMIT;\n\n');
    await this.run('COMMIT');
  }

  setCurrent(te: TocItem | null): void {
    this.current = te;
  }

  private async selectSchema(name: string | null): Promise<void> {
    // With a SEARCHPATH entry (every archive since 1.13 has one) the dump-time path stays.
    if (this.info.searchPath || !name || this.schema === name) return;
    await this.sql(`SET search_path = ${quoteIdent(name)}${name === 'pg_catalog' ? '' : ', pg_catalog'}${this.out ? ';\n\n' : ''}`);
    this.schema = name;
  }

  private async selectTablespace(want: string | null): Promise<void> {
    if (this.opts.noTablespaces || want === null || this.tablespace === want) return;
    const q = want === '' ? "SET default_tablespace = ''" : `SET default_tablespace = ${quoteIdent(want)}`;
    await this.sql(this.out ? `${q};\n\n` : q);
    this.tablespace = want;
  }

  private async selectTableAm(want: string | null): Promise<void> {
    if (this.opts.noTableAccessMethod || want === null || this.tableAm === want) return;
    const q = `SET default_table_access_method = ${quoteIdent(want)};`;
    await this.sql(this.out ? `${q}\n\n` : q);
    this.tableAm = want;
  }

  // --- entries ------------------------------------------------------------------------------

  /** _printTocEntry: header comment, definition, ALTER ... OWNER TO. */
  async printEntry(te: TocItem, isData: boolean): Promise<void> {
    await this.becomeOwner(te);
    await this.selectSchema(te.namespace);
    await this.selectTablespace(te.tablespace);
    await this.selectTableAm(te.tableam);
    if (this.out) {
      const clean = (s: string | null, hyphen: boolean) => (s === null ? (hyphen ? '-' : '') : s.replace(/[\r\n]/g, ' '));
      let h = '--\n';
      if (this.opts.verbose) {
        h += `-- TOC entry ${te.dumpId} (class ${te.tableoid} OID ${te.oid})\n`;
        if (te.deps.length) h += `-- Dependencies: ${te.deps.join(' ')}\n`;
      }
      h += `-- ${isData ? 'Data for ' : ''}Name: ${clean(te.tag, false)}; Type: ${te.desc}; Schema: ${clean(te.namespace, true)}; Owner: ${clean(this.opts.noOwner ? null : te.owner, true)}`;
      if (te.tablespace && !this.opts.noTablespaces) h += `; Tablespace: ${clean(te.tablespace, false)}`;
      h += '\n';
      if (this.opts.verbose) {
        if (this.info.kind === 'custom') h += `-- Data Pos: ${te.dataPos}\n`;
        else if (te.filename) h += `-- File: ${te.filename}\n`;
      }
      await this.write(`${h}--\n\n`);
    }
    if (this.opts.noOwner && te.desc === 'SCHEMA' && !(te.defn ?? '').startsWith('--')) {
      await this.sql(`CREATE SCHEMA ${quoteIdent(te.tag)};\n\n\n`);
    } else if (te.defn) {
      await this.sql(`${te.defn}\n\n`);
    }
    const ownedBySession = this.opts.useSetSessionAuthorization && !(te.desc === 'SCHEMA' && (te.defn ?? '').startsWith('--'));
    if (!this.opts.noOwner && !ownedBySession && te.owner && te.dropStmt && OWNED.has(te.desc)) {
      const what = objectDescription(te);
      if (what) await this.sql(`ALTER ${what} OWNER TO ${quoteIdent(te.owner)};\n\n`);
    }
    // a privileges entry may change the session user
    if (isAclEntry(te)) this.user = null;
  }

  /** _becomeOwner: with --use-set-session-authorization, become the entry's owner. */
  async becomeOwner(te: TocItem): Promise<void> {
    if (this.opts.noOwner || !this.opts.useSetSessionAuthorization) return;
    await this.becomeUser(te.owner ?? '');
  }

  /** _becomeUser: SET SESSION AUTHORIZATION when the session user changes ('' = the login user). */
  private async becomeUser(user: string): Promise<void> {
    if (this.user === user) return;
    const q = `SET SESSION AUTHORIZATION ${user ? quoteLiteral(user) : 'DEFAULT'};`;
    if (this.out) await this.write(`${q}\n\n`);
    else if ((await this.run(q)) === null) return;
    this.user = user;
  }

  /** The data of a TABLE DATA entry: COPY with its rows, or the INSERTs of an --inserts dump. */
  async tableData(te: TocItem, reader: ArchiveReader, truncateFirst = false): Promise<void> {
    await this.disableTriggers(te, 'DISABLE');
    await this.becomeOwner(te);
    await this.selectSchema(te.namespace);
    if (truncateFirst && this.client) {
      await this.run('BEGIN');
      await this.run(`TRUNCATE TABLE ONLY ${qualify(te.namespace, te.tag)};\n\n`);
    }
    const data = reader.tableData(te);
    if (te.copyStmt) {
      if (this.out) {
        await this.write(te.copyStmt);
        for await (const b of data) await this.write(b);
      } else {
        await this.copyIn(te, te.copyStmt, data);
      }
    } else if (this.out) {
      for await (const b of data) await this.write(b);
    } else {
      // --inserts data: statements, run one by one like pg_restore's ExecuteSimpleCommands
      const splitter = new ScriptSplitter();
      const decode = new TextDecoder();
      for await (const b of data) for (const item of splitter.feed(decode.decode(b, { stream: true }))) if (item.kind === 'sql') await this.run(item.text);
      for (const item of splitter.end()) if (item.kind === 'sql') await this.run(item.text);
    }
    if (truncateFirst && this.client) await this.run('COMMIT');
    await this.disableTriggers(te, 'ENABLE');
  }

  private async copyIn(te: TocItem, stmt: string, data: AsyncIterable<Buffer>): Promise<void> {
    const copy = new CopyIn(this.requireClient(), stmt, 0);
    let reported = false;
    for await (const b of withoutEndMarker(data)) {
      await copy.write(b);
      if (copy.error) break;
    }
    const r = await copy.finish();
    if ('error' in r && !reported) {
      reported = true;
      const e = r.error;
      if (!(e instanceof pg.DatabaseError)) throw new DumpError('connection', `${describeEntry(te)}: lost the connection: ${e.message}`, { cause: e });
      this.errors.fail(te, stmt, `COPY failed for table "${te.tag}": ERROR:  ${e.message}${e.where ? ` (${e.where})` : ''}`, e);
    }
  }

  private async disableTriggers(te: TocItem, how: 'DISABLE' | 'ENABLE'): Promise<void> {
    if (!this.opts.dataOnly || !this.opts.disableTriggers) return;
    // as the superuser (-S), or the login user, which is assumed to be one
    await this.becomeUser(this.opts.superuser ?? '');
    await this.sql(`ALTER TABLE ${qualify(te.namespace, te.tag)} ${how} TRIGGER ALL;\n\n`);
  }

  /** The large objects of a BLOBS entry, in one transaction unless the whole restore is one. */
  async blobs(te: TocItem, reader: ArchiveReader): Promise<void> {
    await this.selectSchema('pg_catalog');
    if (!this.opts.singleTransaction) await this.begin();
    for await (const blob of reader.blobs(te)) {
      if (this.out) {
        await this.write(`SELECT pg_catalog.lo_open('${blob.oid}', ${INV_WRITE});\n`);
        let pending: Buffer = Buffer.alloc(0);
        for await (const b of blob.data) {
          pending = pending.length ? Buffer.concat([pending, b]) : b;
          while (pending.length >= LO_PIECE) {
            await this.write(this.lowrite(pending.subarray(0, LO_PIECE)));
            pending = pending.subarray(LO_PIECE);
          }
        }
        if (pending.length) await this.write(this.lowrite(pending));
        await this.write('SELECT pg_catalog.lo_close(0);\n\n');
      } else {
        const opened = await this.run('SELECT pg_catalog.lo_open($1, $2) AS fd', [blob.oid, INV_WRITE]);
        let ok = opened !== null;
        const fd = opened?.rows[0]?.fd as number | undefined;
        let pending: Buffer[] = [];
        let size = 0;
        const flush = async () => {
          if (ok && size) ok = (await this.run('SELECT pg_catalog.lowrite($1, $2)', [fd, Buffer.concat(pending)])) !== null;
          pending = [];
          size = 0;
        };
        for await (const b of blob.data) {
          pending.push(b);
          size += b.length;
          if (size >= 1 << 20) await flush();
        }
        await flush();
        if (ok) await this.run('SELECT pg_catalog.lo_close($1)', [fd]);
      }
    }
    if (!this.opts.singleTransaction) await this.commit();
  }

  private lowrite(b: Buffer): string {
    return `SELECT pg_catalog.lowrite(0, '${this.info.stdStrings ? '' : '\\'}\\x${b.toString('hex')}');\n`;
  }
}

/** Types whose owner pg_restore sets with ALTER ... OWNER TO. */
const OWNED = new Set([
  'AGGREGATE', 'BLOB', 'COLLATION', 'CONVERSION', 'DATABASE', 'DOMAIN', 'FUNCTION', 'OPERATOR', 'OPERATOR CLASS',
  'OPERATOR FAMILY', 'PROCEDURE', 'PROCEDURAL LANGUAGE', 'SCHEMA', 'EVENT TRIGGER', 'TABLE', 'TYPE', 'VIEW',
  'MATERIALIZED VIEW', 'SEQUENCE', 'FOREIGN TABLE', 'TEXT SEARCH DICTIONARY', 'TEXT SEARCH CONFIGURATION',
  'FOREIGN DATA WRAPPER', 'SERVER', 'STATISTICS', 'PUBLICATION', 'SUBSCRIPTION',
]);

const PLAIN_KINDS = new Set([
  'COLLATION', 'CONVERSION', 'DOMAIN', 'TABLE', 'TYPE', 'FOREIGN TABLE', 'TEXT SEARCH DICTIONARY', 'TEXT SEARCH CONFIGURATION',
  'STATISTICS', 'DATABASE', 'PROCEDURAL LANGUAGE', 'SCHEMA', 'EVENT TRIGGER', 'FOREIGN DATA WRAPPER', 'SERVER', 'PUBLICATION',
  'SUBSCRIPTION', 'USER MAPPING',
]);

/** _getObjectDescription: the object as ALTER ... OWNER TO names it. */
function objectDescription(te: TocItem): string | null {
  let type = te.desc;
  if (type === 'VIEW' || type === 'SEQUENCE' || type === 'MATERIALIZED VIEW') type = 'TABLE';
  if (PLAIN_KINDS.has(type)) return `${type} ${te.namespace ? `${quoteIdent(te.namespace)}.` : ''}${quoteIdent(te.tag)}`;
  if (type === 'BLOB') return `LARGE OBJECT ${te.tag}`;
  if (['AGGREGATE', 'FUNCTION', 'OPERATOR', 'OPERATOR CLASS', 'OPERATOR FAMILY', 'PROCEDURE'].includes(type)) {
    return (te.dropStmt ?? '').slice(5).replace(/[\n;]+$/, '');
  }
  return null;
}

/**
 * COPY data as the archive holds it ends with pg_dump's `\.` line (and a blank line); a
 * connection's COPY ends by protocol instead, so stop at that line.
 */
export async function* withoutEndMarker(data: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const nextLine = (b: Buffer, from: number) => {
    const i = b.indexOf(0x0a, from);
    return i < 0 ? -1 : i + 1;
  };
  let carry: Buffer | null = null;
  let lineStart = true;
  for await (const chunk of data) {
    const b: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    carry = null;
    let p = lineStart ? 0 : nextLine(b, 0);
    let cut = -1;
    let hold = -1;
    while (p >= 0 && p < b.length) {
      if (b[p] === 0x5c) {
        const rest = b.length - p;
        if (rest < 3) {
          if (rest === 1 || b[p + 1] === 0x2e) hold = p;
          break;
        }
        if (b[p + 1] === 0x2e && (b[p + 2] === 0x0a || b[p + 2] === 0x0d)) {
          cut = p;
          break;
        }
      }
      p = nextLine(b, p);
    }
    if (cut >= 0) {
      if (cut > 0) yield b.subarray(0, cut);
      for await (const rest of data) void rest; // what follows the marker is not data
      return;
    }
    if (hold >= 0) {
      if (hold > 0) yield b.subarray(0, hold);
      carry = b.subarray(hold);
      lineStart = true;
      continue;
    }
    if (b.length) yield b;
    lineStart = b.length ? b[b.length - 1] === 0x0a : lineStart;
  }
  if (carry && !(carry.length === 2 && carry[1] === 0x2e)) yield carry;
}
