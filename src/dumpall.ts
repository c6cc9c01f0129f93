import type pg from 'pg';
import { readFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { canReadPasswords } from '../catalog/roles.js';
import { canPrompt, connect, isConnectionString, parseConnectionString, promptPassword, resolveConnection, type ConnectionOptions } from './connection/index.js';
import { CountingClient } from './connection/catalog-client.js';
import { beginDumpSession } from './connection/session.js';
import { dumpToStream } from './dump.js';
import { clusterHeader, CLUSTER_TRAILER, databaseBanner, globalsScript, readGlobals } from './dumpall-globals.js';
import { DumpError, isDumpError } from './errors.js';
import type { DumpOptions, DumpResult, ProgressEvent } from './options.js';
import { generateRestrictKey } from './output-options.js';
import { openOutputFile } from './output.js';
import { parseFilterFile } from './select/filter-file.js';
import { patternToRegex } from './select/patterns.js';
import { setQuoteAllIdentifiers, setServerKeywords, withQuoteRules } from './sql/quote.js';
import { psqlConnect } from '../writers/plain-script.js';
import { Sink } from '../writers/sink.js';

/** The pg_dump options that pg_dumpall hands to every database's dump (documented on {@link DumpOptions}). */
export type DumpAllPassThrough = Pick<
  DumpOptions,
  | 'schemaOnly' | 'dataOnly' | 'noOwner' | 'noPrivileges' | 'noComments' | 'noPublications' | 'noSubscriptions'
  | 'noTablespaces' | 'noSecurityLabels' | 'noTableAccessMethod' | 'noToastCompression' | 'noUnloggedTableData'
  | 'noPolicies' | 'noData' | 'noSchema' | 'noStatistics' | 'statistics' | 'statisticsOnly' | 'sequenceData' | 'inserts' | 'columnInserts'
  | 'rowsPerInsert' | 'onConflictDoNothing' | 'disableTriggers' | 'superuser' | 'disableDollarQuoting'
  | 'quoteAllIdentifiers' | 'useSetSessionAuthorization' | 'loadViaPartitionRoot' | 'lockWaitTimeout'
  | 'extraFloatDigits' | 'encoding' | 'restrictKey' | 'noSync' | 'skipUnreadable'
>;

const PASS_THROUGH: readonly (keyof DumpAllPassThrough)[] = [
  'schemaOnly', 'dataOnly', 'noOwner', 'noPrivileges', 'noComments', 'noPublications', 'noSubscriptions',
  'noTablespaces', 'noSecurityLabels', 'noTableAccessMethod', 'noToastCompression', 'noUnloggedTableData',
  'noPolicies', 'noData', 'noSchema', 'noStatistics', 'statistics', 'statisticsOnly', 'sequenceData', 'inserts', 'columnInserts',
  'rowsPerInsert', 'onConflictDoNothing', 'disableTriggers', 'superuser', 'disableDollarQuoting',
  'quoteAllIdentifiers', 'useSetSessionAuthorization', 'loadViaPartitionRoot', 'lockWaitTimeout',
  'extraFloatDigits', 'encoding', 'noSync', 'skipUnreadable',
];

/** Every option of the cluster dump; the CLI maps pg_dumpall's flags onto these one to one. */
export interface DumpAllOptions extends ConnectionOptions, DumpAllPassThrough {
  /**
   * -d: a URI or conninfo string for the server; its database name is ignored, as pg_dumpall
   * ignores it (every database is dumped). A plain name is taken as `database`.
   */
  dbname?: string;
  /** -l: the database the globals are read from (default postgres, then template1) */
  database?: string;
  /** -g: roles and tablespaces, no databases */
  globalsOnly?: boolean;
  /** -r: roles only */
  rolesOnly?: boolean;
  /** -t: tablespaces only */
  tablespacesOnly?: boolean;
  /** --exclude-database: psql-style name patterns */
  excludeDatabase?: readonly string[];
  /** --filter: files of `exclude database PATTERN` lines (pg_dumpall 17); "-" is stdin */
  filter?: readonly string[];
  /** --no-role-passwords: no PASSWORD (chosen automatically when pg_authid is not readable) */
  noRolePasswords?: boolean;
  /** -c: drop databases, tablespaces and roles before creating them */
  clean?: boolean;
  /** --if-exists: with clean, DROP ... IF EXISTS */
  ifExists?: boolean;
  /** Called with each warning, database warnings prefixed with the database's name. */
  onWarning?: (message: string) => void;
  /** Called with each progress event: globals, then each database and its own dump's events. */
  onProgress?: (event: DumpAllProgressEvent) => void;
  /** Cancels the run (the running server query, the file being written); rejects with a DumpError of code `aborted`. */
  signal?: AbortSignal;
}

/** What a cluster dump reports as it goes: the globals read, each database started, and each database's own events. */
export type DumpAllProgressEvent = GlobalsEvent | DatabaseEvent | (ProgressEvent & {
  /** the database whose dump reports it */
  database: string;
});

/** Roles and tablespaces are read. */
export interface GlobalsEvent {
  /** the event's type */
  type: 'globals';
  /** roles read */
  roles: number;
  /** tablespaces read */
  tablespaces: number;
}

/** A database's dump starts. */
export interface DatabaseEvent {
  /** the event's type */
  type: 'database';
  /** the database */
  name: string;
}

/** One database of a cluster dump. */
export interface DatabaseResult {
  /** the database */
  readonly name: string;
  /** its dump's summary */
  readonly result: DumpResult;
}

/** The summary of a cluster dump. */
export interface DumpAllResult {
  /** the server's version string */
  readonly serverVersion: string;
  /** roles dumped */
  readonly roles: number;
  /** tablespaces dumped */
  readonly tablespaces: number;
  /** each database dumped, in script order, with its own dump's summary */
  readonly databases: readonly DatabaseResult[];
  /** every warning, also passed to onWarning */
  readonly warnings: readonly string[];
}

/**
 * pg_dumpall's checks on its own options, with its messages (the CLI's). `excludes`: the
 * number of database exclusions, from excludeDatabase and the filter files.
 */
export function validateDumpAllOptions(o: DumpAllOptions, excludes = o.excludeDatabase?.length ?? 0): void {
  const usage = (m: string) => new DumpError('usage', m);
  if (excludes > 0 && (o.globalsOnly || o.rolesOnly || o.tablespacesOnly)) {
    throw usage('option --exclude-database cannot be used together with -g/--globals-only, -r/--roles-only, or -t/--tablespaces-only');
  }
  if (o.globalsOnly && o.rolesOnly) throw usage('options -g/--globals-only and -r/--roles-only cannot be used together');
  if (o.globalsOnly && o.tablespacesOnly) throw usage('options -g/--globals-only and -t/--tablespaces-only cannot be used together');
  if (o.rolesOnly && o.tablespacesOnly) throw usage('options -r/--roles-only and -t/--tablespaces-only cannot be used together');
  if (o.ifExists && !o.clean) throw usage('option --if-exists requires option -c/--clean');
  if (o.schemaOnly && o.dataOnly) throw usage('options -s/--schema-only and -a/--data-only cannot be used together');
  if (o.clean && o.dataOnly) throw usage('options -c/--clean and -a/--data-only cannot be used together');
  const statsConflicts: Array<[boolean | undefined, boolean | undefined, string, string]> = [
    [o.schemaOnly, o.statisticsOnly, '-s/--schema-only', '--statistics-only'], [o.dataOnly, o.statisticsOnly, '-a/--data-only', '--statistics-only'],
    [o.statisticsOnly, o.noStatistics, '--statistics-only', '--no-statistics'], [o.statistics, o.noStatistics, '--statistics', '--no-statistics'],
    [o.dataOnly, o.statistics, '-a/--data-only', '--statistics'], [o.schemaOnly, o.statistics, '-s/--schema-only', '--statistics'],
  ];
  for (const [a, b, an, bn] of statsConflicts) if (a && b) throw usage(`options ${an} and ${bn} cannot be used together`);
  if (o.restrictKey !== undefined && !/^[A-Za-z0-9]+$/.test(o.restrictKey)) throw usage('invalid restrict key: use letters and digits only');
}

async function readText(file: string): Promise<string> {
  try {
    if (file !== '-') return await readFile(file, 'utf8');
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  } catch (e) {
    throw new DumpError('usage', `could not open filter file "${file}": ${(e as Error).message}`, { cause: e });
  }
}

/** A conninfo string for `database` with everything else the user's -d string says. */
export function conninfoFor(base: string | undefined, database: string): string {
  const params = base !== undefined && isConnectionString(base) ? parseConnectionString(base) : {};
  delete params.dbname;
  params.dbname = database;
  return Object.entries(params)
    .map(([k, v]) => `${k}='${v.replace(/[\\']/g, '\\$&')}'`)
    .join(' ');
}

/** One password prompt for the whole run: every database's connection reuses the answer. */
function sharedPrompt(o: DumpAllOptions): ConnectionOptions['prompt'] {
  const base = o.prompt ?? (canPrompt() ? promptPassword : undefined);
  if (!base) return undefined;
  let answer: Promise<string> | undefined;
  return (message) => (answer ??= base(message));
}

function connectionOptions(o: DumpAllOptions, database: string, prompt: ConnectionOptions['prompt']): ConnectionOptions {
  return {
    dbname: conninfoFor(o.dbname, database),
    host: o.host,
    port: o.port,
    username: o.username,
    password: o.password,
    noPassword: o.noPassword,
    forcePassword: o.forcePassword,
    role: o.role,
    applicationName: o.applicationName,
    env: o.env,
    homeDir: o.homeDir,
    warn: o.warn,
    prompt,
  };
}

async function connectTo(o: DumpAllOptions, database: string, prompt: ConnectionOptions['prompt']): Promise<pg.Client> {
  return connect(await resolveConnection(connectionOptions(o, database, prompt)));
}

/** The globals connection: -l, else postgres, else template1 (pg_dumpall's order). */
async function connectGlobals(o: DumpAllOptions, prompt: ConnectionOptions['prompt']): Promise<pg.Client> {
  const named = o.database ?? (o.dbname !== undefined && o.dbname !== '' && !isConnectionString(o.dbname) ? o.dbname : undefined);
  if (named !== undefined) return connectTo(o, named, prompt);
  try {
    return await connectTo(o, 'postgres', prompt);
  } catch (first) {
    try {
      return await connectTo(o, 'template1', prompt);
    } catch (second) {
      // When postgres exists, its error says what is wrong; when it does not, template1's does.
      const missing = (first as { cause?: { code?: string } }).cause?.code === '3D000';
      throw missing ? second : first;
    }
  }
}

interface ClusterPlan {
  readonly version: number;
  readonly versionString: string;
  readonly globals: string;
  readonly roles: number;
  readonly tablespaces: number;
  readonly databases: readonly string[];
}

/** Reads everything global in one snapshot, renders it, and lists the databases to dump. */
async function planCluster(client: pg.Client, o: DumpAllOptions, excludes: readonly string[], warn: (m: string) => void): Promise<ClusterPlan> {
  const session = await beginDumpSession(client, { role: o.role });
  const counting = new CountingClient(client);
  const ctx = { client: counting, version: session.version };
  const keywords = await counting.query<{ word: string }>(`SELECT word FROM pg_catalog.pg_get_keywords() WHERE catcode <> 'U'`);
  setServerKeywords(keywords.map((k) => k.word));

  // pg_dumpall 18: no roles or tablespaces with --statistics-only either
  const definitions = !o.dataOnly && !o.noSchema && !o.statisticsOnly;
  const databases = !o.globalsOnly && !o.rolesOnly && !o.tablespacesOnly;
  const roles = definitions && !o.tablespacesOnly;
  const tablespaces = definitions && !o.rolesOnly && !o.noTablespaces;
  let noPasswords = !!o.noRolePasswords;
  if (roles && !noPasswords && !(await canReadPasswords(ctx))) {
    noPasswords = true;
    warn('pg_authid is not readable by this role: dumping roles without their passwords (as --no-role-passwords does)');
  }
  const globals = await readGlobals(ctx, { roles, tablespaces, passwords: !noPasswords });

  let names: string[] = [];
  if (databases) {
    const rows = await counting.query<{ datname: string }>(
      `SELECT datname FROM pg_catalog.pg_database
        WHERE datallowconn AND datconnlimit <> -2 AND datname <> 'template0'
        ORDER BY (datname <> 'template1'), datname`,
    );
    const excluded = new Set<string>();
    if (excludes.length) {
      const regexes = excludes.map((p) => {
        const parsed = patternToRegex(p, 1);
        if (parsed.dots > 0) throw new DumpError('usage', `improper qualified name (too many dotted names): ${p}`);
        return parsed.name;
      });
      const hits = await counting.query<{ datname: string }>(
        `SELECT datname FROM pg_catalog.pg_database WHERE datname::text ~ ANY ($1::text[])`,
        [regexes],
      );
      for (const h of hits) excluded.add(h.datname);
    }
    names = rows.map((r) => r.datname).filter((n) => !excluded.has(n));
  }
  await client.query('COMMIT');

  setQuoteAllIdentifiers(!!o.quoteAllIdentifiers);
  try {
    const text = globalsScript(globals, {
      version: session.version,
      roles,
      tablespaces,
      databases: databases && definitions,
      clean: !!o.clean,
      ifExists: !!o.ifExists,
      dropDatabases: names.filter((n) => n !== 'template1' && n !== 'postgres'),
      noPasswords,
      noPrivileges: !!o.noPrivileges,
      noComments: !!o.noComments,
      noSecurityLabels: !!o.noSecurityLabels,
    });
    return {
      version: session.version,
      versionString: session.versionString,
      globals: text,
      roles: globals.roles.length,
      tablespaces: globals.tablespaces.length,
      databases: names,
    };
  } finally {
    setQuoteAllIdentifiers(false);
  }
}

/**
 * Dumps the whole cluster as one plain SQL script into `out`, as pg_dumpall does: roles and
 * tablespaces, then every database (but template0 and the excluded ones), one after another in
 * this process, each through the single-database dump with --create. template1 and postgres
 * exist in every cluster: their contents are restored into them after a \connect (with
 * --clean they are dropped and created again instead).
 */
export function dumpAll(options: DumpAllOptions, out: Writable): Promise<DumpAllResult> {
  // Quoting rules (the server's keywords, --quote-all-identifiers) belong to this run alone.
  return withQuoteRules(async () => {
    // Listeners added to `out` (the cluster script's sink, each database's) go when it is done.
    const listeners = new Set(out.listeners('error'));
    try {
      return await dumpAllInScope(options, out);
    } finally {
      for (const l of out.listeners('error')) if (!listeners.has(l)) out.removeListener('error', l as (e: Error) => void);
    }
  });
}

async function dumpAllInScope(options: DumpAllOptions, out: Writable): Promise<DumpAllResult> {
  const excludes = [...(options.excludeDatabase ?? [])];
  for (const file of options.filter ?? []) {
    const found = { databases: [] as string[] };
    parseFilterFile(await readText(file), file, found);
    excludes.push(...found.databases);
  }
  validateDumpAllOptions(options, excludes.length);
  const restrictKey = options.restrictKey ?? generateRestrictKey();
  const warnings: string[] = [];
  const warn = (m: string) => {
    warnings.push(m);
    options.onWarning?.(m);
  };
  const prompt = sharedPrompt(options);
  const aborted = () => new DumpError('aborted', 'dump cancelled');
  if (options.signal?.aborted) throw aborted();

  const client = await connectGlobals(options, prompt);
  client.on('error', () => undefined);
  const onAbort = () => {
    client.end().catch(() => undefined);
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  let plan: ClusterPlan;
  try {
    plan = await planCluster(client, options, excludes, warn);
  } catch (e) {
    if (options.signal?.aborted) throw aborted();
    if (isDumpError(e)) throw e;
    const err = e as { code?: string; message?: string };
    const code = err.code === '42501' ? 'permission' : 'query';
    throw new DumpError(code, `reading roles, tablespaces and databases failed: ${err.message ?? String(e)}`, { cause: e });
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await client.end().catch(() => undefined);
  }
  options.onProgress?.({ type: 'globals', roles: plan.roles, tablespaces: plan.tablespaces });

  const sink = new Sink(out);
  await sink.write(clusterHeader(restrictKey));
  await sink.write(plan.globals);
  await sink.write(`\\unrestrict ${restrictKey}\n\n`);

  const definitions = !options.dataOnly && !options.noSchema && !options.statisticsOnly;
  const results: { name: string; result: DumpResult }[] = [];
  if (plan.databases.length) await sink.write('--\n-- Databases\n--\n\n');
  for (const name of plan.databases) {
    if (options.signal?.aborted) throw aborted();
    options.onProgress?.({ type: 'database', name });
    await sink.write(databaseBanner(name));
    const inPlace = name === 'template1' || name === 'postgres';
    // Without definitions there is no CREATE DATABASE to connect after: connect here.
    const create = definitions && (!inPlace || !!options.clean);
    if (!create) await sink.write(`${psqlConnect(name)}\n`);
    const dumpOptions: DumpOptions = { ...connectionOptions(options, name, prompt), restrictKey, create };
    for (const key of PASS_THROUGH) (dumpOptions as Record<string, unknown>)[key] = options[key];
    if (inPlace && create) {
      dumpOptions.clean = true;
      dumpOptions.ifExists = !!options.ifExists;
    }
    dumpOptions.signal = options.signal;
    dumpOptions.onWarning = (m) => warn(`database "${name}": ${m}`);
    const onProgress = options.onProgress;
    if (onProgress) dumpOptions.onProgress = (e) => onProgress({ ...e, database: name });
    // Each dump watches `out` for errors while it writes; its watchers go when it is done, or a
    // cluster of many databases would pile them up on the one stream.
    const watchers = new Set(out.listeners('error'));
    try {
      results.push({ name, result: await dumpToStream(dumpOptions, out) });
    } catch (e) {
      if (!isDumpError(e)) throw e;
      throw new DumpError(e.code, `dumping database "${name}" failed: ${e.message}`, { cause: e.cause ?? e, detail: e.detail });
    } finally {
      for (const l of out.listeners('error')) if (!watchers.has(l)) out.removeListener('error', l as (e: Error) => void);
    }
  }
  await sink.write(CLUSTER_TRAILER);
  return { serverVersion: plan.versionString, roles: plan.roles, tablespaces: plan.tablespaces, databases: results, warnings };
}

/** dumpAll into `file`, written under a temporary name and renamed when complete. */
export async function dumpAllToFile(options: DumpAllOptions & { file: string }): Promise<DumpAllResult> {
  const output = await openOutputFile(options.file, undefined, !options.noSync);
  try {
    const result = await dumpAll(options, output.stream);
    await output.commit();
    return result;
  } catch (e) {
    await output.discard();
    throw e;
  }
}
