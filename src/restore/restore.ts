// restore(): what pgrestore-ts does. Finds out what the input is (plain script, custom file,
// directory or tar archive, as pg_restore does) and restores it into a database, or writes an
// archive's script (-f) or its TOC listing (-l).
import { createWriteStream, mkdtempSync, openSync, readSync, closeSync, rmSync, statSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import type pg from 'pg';
import { connect, resolveConnection, type ConnectionOptions, type ResolvedConnection } from '../connection/index.js';
import { DumpError } from '../errors.js';
import { listArchive, restoreArchive, type ArchiveRestoreOptions } from './archive/engine.js';
import { ArchiveReader, textCodec } from './archive/reader.js';
import type { ArchiveRestoreError } from './archive/session.js';
import { isTarHeader } from './archive/tar-index.js';
import { restorePlain, type RestoreStatementError } from './plain.js';

/** What a dump input is: a plain SQL script, or a custom, directory or tar archive (pg_restore -F). */
export type InputKind = 'plain' | 'custom' | 'directory' | 'tar';

/** The options of {@link restore}: pg_restore's, plus where to connect. */
export interface RestoreOptions extends ConnectionOptions, Omit<ArchiveRestoreOptions, 'onError' | 'restrictKey'> {
  /** The dump: a file, an archive directory, or a stream (standard input). */
  input: string | NodeJS.ReadableStream;
  /** -F: what the input is; found out from its first bytes when absent. */
  format?: InputKind;
  /**
   * -f: write the SQL script to this file ('-' or a stream: standard output) instead of
   * restoring into a database. Archives only.
   */
  file?: string | Writable;
  /** -l: write the archive's TOC listing to `file` (standard output by default). */
  list?: boolean;
  /** \restrict key of the written script (default: a random one, as pg_restore does) */
  restrictKey?: string;
  /** Called for each failed statement that is counted and passed over (not with exitOnError or singleTransaction). */
  onError?: (e: RestoreError) => void;
  /** Server notices, as `SEVERITY:  message`. */
  onNotice?: (msg: string) => void;
}

/** A statement that failed during a restore, as passed to {@link RestoreOptions.onError}. */
export interface RestoreError {
  /** the script line (plain scripts) */
  line?: number;
  /** the TOC entry (archives) */
  entry?: ArchiveRestoreError['entry'];
  /** the SQL that failed */
  statement: string;
  /** the server's error, as `SEVERITY:  message` */
  message: string;
}

/** What {@link restore} resolves to. */
export interface RestoreResult {
  /** what the input turned out to be (or -F said it was) */
  kind: InputKind;
  /** errors that were counted and passed over (without exitOnError) */
  errors: number;
}

/** The kind of dump at `file`, by its first bytes (what pg_restore's _discoverArchiveFormat looks at). */
export function detectInputKind(file: string): InputKind {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    throw new DumpError('usage', `could not open input file "${file}": ${(e as Error).message}`, { cause: e });
  }
  if (st.isDirectory()) {
    if (existsSync(path.join(file, 'toc.dat'))) return 'directory';
    throw new DumpError('usage', `directory "${file}" does not appear to be a valid archive ("toc.dat" does not exist)`);
  }
  const fd = openSync(file, 'r');
  const head = Buffer.alloc(512);
  let n = 0;
  try {
    n = readSync(fd, head, 0, 512, 0);
  } finally {
    closeSync(fd);
  }
  const b = head.subarray(0, n);
  if (b.subarray(0, 5).toString('latin1') === 'PGDMP') return 'custom';
  if (n === 512 && isTarHeader(b)) return 'tar';
  if (b[0] === 0x1f && b[1] === 0x8b) throw new DumpError('usage', `input file "${file}" is gzip-compressed: decompress it first (gunzip -c ${file} | pgrestore-ts ...)`);
  if (b.includes(0)) throw new DumpError('usage', `input file "${file}" does not appear to be a valid archive or SQL script`);
  return 'plain';
}

function withDatabase(r: ResolvedConnection, database: string): ResolvedConnection {
  return {
    ...r,
    database,
    config: { ...r.config, database },
    targets: r.targets.map((t) => ({ ...t, config: { ...t.config, database } })),
    describe: () => r.describe().replace(/^database "(?:[^"]|"")*"/, `database "${database}"`),
  };
}

/** Spools a stream to a temporary file: archives are read at positions, like pg_restore's seeks. */
async function spool(input: NodeJS.ReadableStream): Promise<{ file: string; cleanup: () => void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pgrestore-ts-'));
  const file = path.join(dir, 'input');
  try {
    await pipeline(input, createWriteStream(file));
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw new DumpError('usage', `cannot read the input stream: ${(e as Error).message}`, { cause: e });
  }
  return { file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function randomRestrictKey(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...randomBytes(32)].map((b) => alphabet[b % alphabet.length]).join('');
}

async function openOutput(file: string | Writable | undefined): Promise<{ out: Writable; finish: () => Promise<void> }> {
  if (file === undefined || file === '-') {
    return { out: process.stdout, finish: async () => undefined };
  }
  if (typeof file !== 'string') return { out: file, finish: async () => undefined };
  const out = createWriteStream(file);
  await new Promise<void>((resolve, reject) => {
    out.once('open', () => resolve());
    out.once('error', (e) => reject(new DumpError('output', `could not open output file "${file}": ${e.message}`, { cause: e })));
  });
  return {
    out,
    finish: () =>
      new Promise<void>((resolve, reject) => {
        out.end(() => resolve());
        out.once('error', (e) => reject(new DumpError('output', `could not write output file "${file}": ${e.message}`, { cause: e })));
      }),
  };
}

/**
 * Restores a dump as pg_restore does: a plain script or an archive into the database of
 * `dbname` (-d), or an archive's script into `file` (-f) or its TOC listing (-l). Resolves to
 * the input kind and the number of errors passed over; rejects on a usage error, or on the
 * first failed statement with exitOnError or singleTransaction.
 */
export async function restore(options: RestoreOptions): Promise<RestoreResult> {
  checkOptions(options);
  let cleanup = () => undefined as void;
  let inputFile: string;
  if (typeof options.input === 'string' && options.input !== '-') inputFile = options.input;
  else {
    const spooled = await spool(typeof options.input === 'string' ? process.stdin : options.input);
    inputFile = spooled.file;
    cleanup = spooled.cleanup;
  }
  try {
    const kind = options.format ?? detectInputKind(inputFile);
    if (kind === 'plain') return await restorePlainInput(inputFile, options);
    const reader = ArchiveReader.open(inputFile);
    try {
      if (reader.info.kind !== kind) throw new DumpError('usage', `input is a ${reader.info.kind} archive, not ${kind} as -F says`);
      return await restoreArchiveInput(reader, kind, options);
    } finally {
      reader.close();
    }
  } finally {
    cleanup();
  }
}

function checkOptions(o: RestoreOptions): void {
  if (o.dataOnly && o.schemaOnly) throw new DumpError('usage', 'options -s/--schema-only and -a/--data-only cannot be used together');
  if (o.dataOnly && o.clean) throw new DumpError('usage', 'options -c/--clean and -a/--data-only cannot be used together');
  if (o.createDB && o.singleTransaction) throw new DumpError('usage', 'options -C/--create and -1/--single-transaction cannot be used together');
  if (o.singleTransaction && (o.jobs ?? 1) > 1) throw new DumpError('usage', 'cannot specify both --single-transaction and multiple jobs');
  if (o.ifExists && !o.clean) throw new DumpError('usage', 'option --if-exists requires option -c/--clean');
  if (o.jobs !== undefined && (!Number.isInteger(o.jobs) || o.jobs < 1 || o.jobs > 1024)) throw new DumpError('usage', '-j/--jobs must be in range 1..1024');
  if (o.dbname && o.file !== undefined) throw new DumpError('usage', 'options -d/--dbname and -f/--file cannot be used together');
  if (o.dbname && o.restrictKey) throw new DumpError('usage', 'options -d/--dbname and --restrict-key cannot be used together');
  if (!o.dbname && o.file === undefined && !o.list) throw new DumpError('usage', 'one of -d/--dbname and -f/--file must be specified');
  if (o.restrictKey !== undefined && !/^[A-Za-z0-9]+$/.test(o.restrictKey)) throw new DumpError('usage', 'invalid restrict key: use letters and digits only');
}

async function restorePlainInput(file: string, o: RestoreOptions): Promise<RestoreResult> {
  if (o.list || o.file !== undefined) {
    throw new DumpError('usage', `input file "${file}" is a plain SQL script: -l and -f apply to archives only (restore it with -d)`);
  }
  const archiveOnly: [unknown, string][] = [
    [o.useList, '-L'], [o.tables?.length, '-t'], [o.schemas?.length, '-n'], [o.excludeSchemas?.length, '-N'], [o.indexes?.length, '-I'],
    [o.functions?.length, '-P'], [o.triggers?.length, '-T'], [o.sections?.length, '--section'], [o.clean, '-c'], [o.createDB, '-C'],
    [o.schemaOnly, '-s'], [o.dataOnly, '-a'], [o.noOwner, '-O'], [o.noPrivileges, '-x'], [o.disableTriggers, '--disable-triggers'],
    [(o.jobs ?? 1) > 1, '-j'], [o.role, '--role'],
  ];
  const given = archiveOnly.filter(([v]) => v).map(([, f]) => f);
  if (given.length) {
    throw new DumpError('usage', `input file "${file}" is a plain SQL script; ${given.join(', ')} apply to archives only (a plain script is replayed as it is)`);
  }
  const resolved = await resolveConnection(o);
  // Checks the target up front, with the connection layer's clear messages.
  const probe = await connect(resolved);
  // The host and SSL setting that worked (sslmode=prefer may have fallen back to plain).
  const used = (probe as unknown as { connectionParameters: pg.ClientConfig }).connectionParameters;
  const config: pg.ClientConfig = { ...resolved.config, host: used.host, port: used.port, ssl: used.ssl };
  await probe.end().catch(() => undefined);
  const r = await restorePlain({
    connection: config,
    input: file,
    exitOnError: o.exitOnError,
    singleTransaction: o.singleTransaction,
    // with exitOnError the error that stops the restore reports itself
    onError: (e: RestoreStatementError) => o.exitOnError || o.singleTransaction ? undefined : o.onError?.({ line: e.line, statement: e.statement, message: e.message }),
    onWarning: o.onWarning,
  });
  return { kind: 'plain', errors: r.errors };
}

async function restoreArchiveInput(reader: ArchiveReader, kind: InputKind, o: RestoreOptions): Promise<RestoreResult> {
  const onError = (e: ArchiveRestoreError) => o.onError?.({ entry: e.entry, statement: e.statement, message: e.message });
  if (o.list) {
    const { out, finish } = await openOutput(o.file);
    // in the archive's own encoding, as its names are
    const text = Buffer.from(listArchive(reader, o), textCodec(reader.info.encoding));
    await new Promise<void>((resolve, reject) => out.write(text, (e) => (e ? reject(e) : resolve())));
    await finish();
    return { kind, errors: 0 };
  }
  if (!o.dbname) {
    const { out, finish } = await openOutput(o.file);
    const r = await restoreArchive(reader, { ...o, onError, restrictKey: o.restrictKey ?? randomRestrictKey(), jobs: 1 }, { out });
    await finish();
    return { kind, errors: r.errors };
  }
  if (kind === 'tar' && (o.jobs ?? 1) > 1) {
    throw new DumpError('usage', 'parallel restore is not supported with the tar archive format (use -F c or -F d)');
  }
  const resolved = await resolveConnection(o);
  let current = resolved;
  const connector = async (dbname?: string): Promise<pg.Client> => {
    if (dbname !== undefined) current = withDatabase(resolved, dbname);
    const client = await connect(current);
    client.on('error', () => undefined);
    if (o.onNotice) client.on('notice', (n) => o.onNotice!(`${n.severity ?? 'NOTICE'}:  ${n.message ?? ''}`));
    return client;
  };
  const r = await restoreArchive(reader, { ...o, onError, restrictKey: undefined }, { connector });
  return { kind, errors: r.errors };
}

export type { ArchiveRestoreError };
