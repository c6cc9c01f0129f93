import type pg from 'pg';
import type { Writable } from 'node:stream';
import { readCatalog, type CatalogClient } from '../catalog/index.js';
import { SYSTEM_SCHEMA_FILTER } from '../catalog/schemas.js';
import { openDumpConnection } from './connection/dump-connection.js';
import { beginDumpSession, type SessionOptions } from './connection/session.js';
import { closeCatalogHelpers, openCatalogHelpers } from './connection/catalog-helpers.js';
import { CountingClient } from './connection/catalog-client.js';
import { copyOut } from './data/copy.js';
import { CopyBatcher } from './data/copy-batcher.js';
import type { ParallelData } from './data/parallel.js';
import { DataProgress } from './data/progress.js';
import { checkParallelOptions, startParallel } from './dump-parallel.js';
import { largeObjectScript } from './data/large-objects.js';
import { DumpError, isDumpError } from './errors.js';
import { planDump } from './graph/plan.js';
import { keepsPart, prepareSelection, resolveSelection, selectObjects, tableLockWanted } from './select/index.js';
import { prepareOutput } from './dump-output.js';
import { checkArchiveOptions, writeArchiveOutput, type ArchiveDestination } from './dump-archive.js';
import { resolveOutputOptions } from './output-options.js';
import type { DumpOptions, DumpResult } from './options.js';
import type { CopySource } from './toc/toc.js';
import { qualify, setQuoteAllIdentifiers, setServerKeywords, withQuoteRules } from './sql/quote.js';
import { DumpStats } from './dump-stats.js';
import { applyPredicates } from './select/predicates.js';
import { validateDumpOptions } from './validate.js';
import { buildToc } from './toc/build.js';
import { addStatisticsEntries, statisticsRelations } from './toc/statistics.js';
import { renumberEntries } from './toc/deps.js';
import { skipUnreadable } from './select/skip-unreadable.js';
import { PlainWriter } from '../writers/plain.js';
import { Sink } from '../writers/sink.js';
import { TOOL_VERSION } from './version.js';
import { lockPermissionError, lockTimeoutError } from './lock-diagnosis.js';
import { cancelRunningQuery } from './connection/cancel.js';

/**
 * Tables per LOCK TABLE statement: all of them in one, so the number of statements does not
 * grow with the number of tables (a 10,000-name statement is ~300 kB, parsed in milliseconds).
 */
const LOCK_BATCH = Number.MAX_SAFE_INTEGER;

/** Helper connections for the catalog read, and the size of database that earns them. */
const CATALOG_HELPERS = Number(process.env.PGDUMP_CATALOG_HELPERS ?? 0);
const CATALOG_HELPERS_FROM_TABLES = 200;

/**
 * The shared lock table holds max_locks_per_transaction locks per server process slot
 * (connections, autovacuum and background workers, WAL senders) and prepared transaction, for
 * the whole server. A dump that needs more would fail half-way with "out of shared memory";
 * say so before writing anything, with the remedy. Counting only max_connections, as the
 * documentation's short formula does, refuses dumps that pg_dump completes (a fifth of the
 * slots of a default server are not connections).
 */
async function checkLockCapacity(client: CountingClient, tables: number, dumpsData = true): Promise<void> {
  const [row] = await client.query<{ per: number; capacity: number }>(
    `SELECT current_setting('max_locks_per_transaction')::int AS per,
            current_setting('max_locks_per_transaction')::int
              * (current_setting('max_connections')::int + current_setting('max_prepared_transactions')::int
                 + current_setting('max_worker_processes')::int + current_setting('max_wal_senders')::int
                 -- autovacuum workers and launcher; 18 sizes the workers by autovacuum_worker_slots and adds a slot sync worker
                 + coalesce(current_setting('autovacuum_worker_slots', true)::int + 2,
                            current_setting('autovacuum_max_workers')::int + 1)) AS capacity`,
  );
  // Other sessions need locks too: keep a margin rather than fill the table to the brim.
  const usable = Math.floor(row!.capacity * 0.9);
  if (tables > usable) {
    const needed = Math.ceil((row!.per * tables) / usable) + 1;
    throw new DumpError(
      'lock',
      `dumping ${tables} tables needs ${tables} locks but the server's lock table holds about ${row!.capacity} ` +
        `(max_locks_per_transaction=${row!.per}): raise max_locks_per_transaction to at least ${needed} and restart the server` +
        (dumpsData
          ? ` (--no-table-locks helps only a schema-only dump: reading a table's data locks it too)`
          : `, or use --no-table-locks (gives up protection against concurrent DDL)`),
    );
  }
}

/**
 * ACCESS SHARE on every dumped table, in a few batched statements rather than one per table.
 * Foreign tables are left out, as pg_dump does: LOCK TABLE rejects them on every major.
 */
async function lockTables(
  client: CountingClient,
  database: string,
  wanted: (schema: string, name: string) => boolean = () => true,
  lockWaitTimeout?: string,
  dumpsData = true,
): Promise<number> {
  const rows = (await client.query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND ${SYSTEM_SCHEMA_FILTER}
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                         WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                           AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY 1, 2`,
  )).filter((r) => wanted(r.schema, r.name));
  await checkLockCapacity(client, rows.length, dumpsData);
  for (let i = 0; i < rows.length; i += LOCK_BATCH) {
    const names = rows.slice(i, i + LOCK_BATCH).map((r) => qualify(r.schema, r.name));
    try {
      await client.query(`LOCK TABLE ${names.join(', ')} IN ACCESS SHARE MODE`);
    } catch (e) {
      const err = e as { code?: string; message?: string };
      if (err.code === '55P03') {
        throw await lockTimeoutError(client, names, lockWaitTimeout, database, e);
      }
      if (err.code === '42501') throw await lockPermissionError(client, names, e);
      if (err.code === '53200') {
        throw new DumpError('lock', `out of lock slots locking ${rows.length} tables: raise max_locks_per_transaction on the server`, { cause: e });
      }
      throw e;
    }
  }
  return rows.length;
}

/** Translates a server or driver error into the one-line DumpError the CLI prints. */
function asDumpError(e: unknown, what: string): DumpError {
  if (isDumpError(e)) return e;
  const err = e as { code?: string; message?: string };
  if (err.code === '42501') {
    return new DumpError('permission', `permission denied while ${what}: ${err.message}; dump as a role that can read it, or exclude it with --exclude-table`, { cause: e });
  }
  // Bytes that are not UTF8 can only come from a SQL_ASCII database: in a table's rows the
  // script can carry them as they are; in the catalog (names, comments, definitions) they
  // cannot be read, since the catalog is read as UTF8 text.
  if (err.code === '22021' && /encoding "UTF8"/.test(err.message ?? '')) {
    return what.startsWith('reading table')
      ? new DumpError('query', `${what} failed: ${err.message}: the rows are not UTF8 text (a SQL_ASCII database?); dump with --encoding SQL_ASCII`, { cause: e })
      : new DumpError('unsupported', `${what} failed: ${err.message}: the database has names or catalog text that are not valid UTF8 (SQL_ASCII), which pgdump-ts cannot read`, { cause: e });
  }
  return new DumpError('query', `${what} failed: ${err.message ?? String(e)}`, { cause: e });
}

/**
 * Dumps one database as a plain SQL script into `out`. Connects, opens the snapshot,
 * reads the catalog in a fixed number of queries, sorts, and streams the script.
 * With an archive `format`, writes that archive instead: a custom one into `out` (without data
 * offsets), or any of them to the path `archive` names.
 */
export function dumpToStream(options: DumpOptions, out: Writable, archive?: ArchiveDestination): Promise<DumpResult> {
  // Quoting rules (the server's keywords, --quote-all-identifiers) belong to this dump alone.
  return withQuoteRules(() => dumpInScope(options, out, archive));
}

async function dumpInScope(caller: DumpOptions, out: Writable, archive?: ArchiveDestination): Promise<DumpResult> {
  validateDumpOptions(caller, { archive });
  const stats = new DumpStats(caller.onProgress);
  const options = stats.wrap(caller);
  const output = resolveOutputOptions(options);
  checkParallelOptions(options);
  checkArchiveOptions(options, archive);
  const selectionRequest = await prepareSelection(options);
  const connection = await openDumpConnection(options);
  const { client, resolved } = connection;
  // Listeners this dump adds to `out` go when it is done: a stream that receives several
  // dumps (dumpAll's databases, a caller's) must not pile them up.
  const outListeners = new Set(out.listeners('error'));
  const warnings: string[] = [];
  const warn = (m: string) => {
    warnings.push(m);
    options.onWarning?.(m);
  };
  let current = 'reading the catalog';
  let helpers: pg.Client[] = [];
  let parallel: ParallelData | null = null;
  let batcher: CopyBatcher | null = null;
  let succeeded = false;
  const onAbort = () => {
    parallel?.fail(new DumpError('aborted', `dump cancelled while ${current}`));
    // Cancel first: a backend waiting for a lock or computing would not notice the closed socket.
    void cancelRunningQuery(client).finally(() => connection.abandon());
    // A write waiting for a stalled reader to drain would wait for ever: fail it now.
    out.destroy(new DumpError('aborted', `dump cancelled while ${current}`));
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  // Aborted before (or while connecting): the listener will never fire.
  if (options.signal?.aborted) onAbort();
  // Failures of the output itself (disk full, closed pipe) are output errors, whatever was being read.
  let outputFailure: Error | null = null;
  out.on('error', (e: Error) => {
    outputFailure ??= e;
  });
  try {
    const sessionOptions: SessionOptions = {
      serializableDeferrable: options.serializableDeferrable,
      snapshot: options.snapshot,
      role: options.role,
      lockWaitTimeout: options.lockWaitTimeout,
      enableRowSecurity: options.enableRowSecurity,
      extraFloatDigits: options.extraFloatDigits,
      quoteAllIdentifiers: output.quoteAllIdentifiers,
    };
    const session = await beginDumpSession(client, sessionOptions);
    setQuoteAllIdentifiers(output.quoteAllIdentifiers);
    const counting = new CountingClient(client);
    const keywords = await counting.query<{ word: string }>(
      `SELECT word FROM pg_catalog.pg_get_keywords() WHERE catcode <> 'U'`,
    );
    setServerKeywords(keywords.map((k) => k.word));
    current = 'matching the name patterns';
    let selection = await applyPredicates(counting, await resolveSelection(counting, selectionRequest, session.database), options);
    current = 'reading the catalog';
    const dumpsData = !options.schemaOnly && !options.noData && (options.section === undefined || options.section.includes('data'));
    // What the role cannot read fails the dump up front, naming it, or with --skip-unreadable is left out.
    const skipped = options.noTableLocks && !dumpsData ? null : await skipUnreadable(counting, selectionRequest, selection, session.database, !!options.skipUnreadable, warn);
    if (skipped) selection = skipped.selection;
    const lockable = (schema: string, name: string) => tableLockWanted(selection, schema, name) && !skipped?.relations.has(qualify(schema, name));
    const tables = options.noTableLocks ? 0 : await lockTables(counting, session.database, lockable, options.lockWaitTimeout, dumpsData);
    // A big catalog is read over several connections on the dump's snapshot.
    if (tables >= CATALOG_HELPERS_FROM_TABLES && resolved) {
      helpers = await openCatalogHelpers(client, resolved, { ...sessionOptions, serializableDeferrable: false }, CATALOG_HELPERS);
      counting.addHelpers(helpers);
    }
    const catalog = await readCatalog({ client: counting, version: session.version });
    await closeCatalogHelpers(helpers);
    helpers = [];
    options.onProgress?.({ type: 'catalog', objects: catalog.objects.length });
    // Selection decides what is dumped, part by part; the plan only orders it.
    const planned = planDump(selectObjects(catalog, selection), { schema: true, data: true, foreignDataServers: selection.foreignServers });
    const plan = { ...planned, items: planned.items.filter((i) => keepsPart(i, selection)) };
    for (const w of plan.warnings) warn(w.message);
    const built = buildToc(plan, {
      version: session.version,
      noOwner: !!options.noOwner,
      noPrivileges: !!options.noPrivileges,
      noComments: !!options.noComments,
      useSetSessionAuthorization: output.setSessionAuthorization,
      disableDollarQuoting: output.disableDollarQuoting,
      securityLabels: options.noSecurityLabels ? undefined : catalog.securityLabels,
    });
    const toc = selection.dumpStatistics
      ? await addStatisticsEntries(counting, built, statisticsRelations(planned.items), session.version, selection.sections)
      : built;
    if (skipped?.note) toc.splice(0, toc.length, ...renumberEntries([skipped.note, ...toc]));
    // The output options reshape the entries in place, so the writer below gets them.
    current = 'preparing the output';
    const prepared = await prepareOutput(client, counting, catalog, toc, options, output, session.version, out);
    // Not splice(0, n, ...entries): a spread of ~100,000 arguments overflows the stack.
    toc.length = 0;
    for (const e of prepared.entries) toc.push(e);
    const onProgress = options.onProgress;
    const progress = onProgress ? new DataProgress(onProgress) : null;
    progress?.plan(toc.flatMap((e) => (e.data?.kind === 'copy' ? [e.data] : [])));
    parallel = await startParallel(toc, {
      client, resolved, session: sessionOptions, version: session.version, options, prepared, errorFor: asDumpError,
      hooks: progress
        ? {
            onPieceStart: (src, _i, pieces) => progress.start(src, pieces),
            onChunk: (src, b) => progress.chunk(src, b),
            onPieceDone: (src) => progress.pieceDone(src),
          }
        : undefined,
    });
    const tableRows = (src: CopySource, conn = client): AsyncIterable<Buffer | string> => {
      // the plain writer's tables on the dump's own connection come through the batcher
      const rows = prepared.openTable
        ? prepared.openTable(src, conn)
        : batcher && conn === client ? batcher.open(src) : copyOut(conn, src.copyOut);
      return progress ? progress.tap(src, rows) : rows;
    };
    if (options.format !== undefined && options.format !== 'plain') {
      const setCurrent = (what: string) => {
        current = what;
      };
      const openTable = (src: CopySource) => (parallel ? parallel.take(src) : tableRows(src));
      const dataBytes = await writeArchiveOutput(toc, { client, options, output, session, prepared, destination: archive, out, setCurrent, openTable, parallel: parallel ? options.jobs : 1 });
      succeeded = true;
      await client.query('COMMIT');
      return stats.result({ entries: toc.length, lockedTables: tables, dataBytes, serverVersion: session.versionString, queries: counting.count, warnings });
    }
    let dataBytes = 0;
    // One connection reading the tables in script order: their COPYs go in batches.
    if (!parallel && !prepared.openTable) {
      batcher = new CopyBatcher(client, toc.flatMap((e) => (e.data?.kind === 'copy' ? [e.data] : [])));
    }
    const writer = new PlainWriter(new Sink(prepared.out, { coalesce: true }), {
      header: { serverVersion: session.versionString, toolVersion: TOOL_VERSION, encoding: prepared.encoding, restrictKey: output.restrictKey },
      script: prepared.script,
      openData: (src) => {
        if (src.kind === 'large-objects') {
          current = 'reading large objects';
          return largeObjectScript(client, src.oids);
        }
        current = `reading table ${src.table}`;
        return parallel ? parallel.take(src) : tableRows(src);
      },
      onEntry: (e) => {
        current = `writing ${e.desc} ${e.tag}`;
        options.onProgress?.({ type: 'entry', desc: e.desc, tag: e.tag, namespace: e.namespace });
      },
      onDataChunk: (e, bytes) => {
        dataBytes += bytes;
        options.onProgress?.({ type: 'data', table: e.tag, bytes });
      },
    });
    await writer.write(toc);
    await prepared.finish();
    succeeded = true;
    await client.query('COMMIT');
    return stats.result({ entries: toc.length, lockedTables: tables, dataBytes, serverVersion: session.versionString, queries: counting.count, warnings });
  } catch (e) {
    if (options.signal?.aborted) throw new DumpError('aborted', `dump cancelled while ${current}`, { cause: e });
    if (outputFailure !== null) throw new DumpError('output', `cannot write the output (while ${current}): ${(outputFailure as Error).message}`, { cause: outputFailure });
    throw asDumpError(e, current);
  } finally {
    await batcher?.abandon();
    await parallel?.close(succeeded);
    await closeCatalogHelpers(helpers);
    options.signal?.removeEventListener('abort', onAbort);
    await connection.release();
    for (const l of out.listeners('error')) if (!outListeners.has(l)) out.removeListener('error', l as (e: Error) => void);
  }
}
