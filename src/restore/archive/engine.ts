// Restoring an archive, entry by entry in archive order, into a script or a database:
// pg_restore's RestoreArchive (drops for --clean, the main pass, privileges, then what needs
// them) and its parallel mode (pre-data first, then data and post-data on N connections).
import type { Writable } from 'node:stream';
import { DumpError } from '../../errors.js';
import type { ArchiveReader, TocItem } from './reader.js';
import { markRequired, orderByList, readUseList, REQ_DATA, REQ_SCHEMA, restorePass, SECTION, type SelectionOptions } from './select.js';
import { ErrorLog, Session, type ArchiveRestoreError, type Connector, type SessionOptions } from './session.js';

export interface ArchiveRestoreOptions extends SelectionOptions, SessionOptions {
  /** -L: restore only the entries listed in this file, in its order */
  useList?: string;
  /** -c/--clean: drop the selected objects before creating them */
  clean?: boolean;
  /** --if-exists: with clean, drop with DROP ... IF EXISTS */
  ifExists?: boolean;
  /** --no-data-for-failed-tables: skip the data of a table whose CREATE failed */
  noDataForFailedTables?: boolean;
  /** -j: connections for data and post-data (database restores only) */
  jobs?: number;
  onError?: (e: ArchiveRestoreError) => void;
  /** Warnings of the restore itself (ignored -L lines, skipped table data, ...) */
  onWarning?: (msg: string) => void;
  /** Archives: called with a line (`restoring TABLE public.t`) as each entry is restored (pg_restore -v) */
  onProgress?: (msg: string) => void;
}

export interface ArchiveRestoreResult {
  /** entries restored (schema or data part) */
  entries: number;
  errors: number;
}

interface Plan {
  order: TocItem[];
  reqs: Map<number, number>;
  dataOnly: boolean;
}

function plan(reader: ArchiveReader, opts: ArchiveRestoreOptions): Plan {
  const entries = reader.info.entries;
  let order = entries;
  let listed: Set<number> | null = null;
  if (opts.useList) {
    const ids = readUseList(opts.useList, entries, (m) => opts.onWarning?.(m));
    order = orderByList(entries, ids);
    listed = new Set(ids);
  }
  const reqs = markRequired(order, opts, listed);
  // No schema entry selected: an implied data-only restore (it matters for --disable-triggers).
  const dataOnly = !!opts.dataOnly || !order.some((e) => ((reqs.get(e.dumpId) ?? 0) & REQ_SCHEMA) !== 0);
  return { order, reqs, dataOnly };
}

/** The creation time pg_dump recorded, as local time. */
function createdDate(i: ArchiveReader['info']): Date {
  const c = i.created;
  return new Date(c.year + 1900, c.mon, c.mday, c.hour, c.min, c.sec);
}

/** PGDUMP_STRFTIME_FMT: %Y-%m-%d %H:%M:%S %Z */
export function formatStamp(d: Date): string {
  if (Number.isNaN(d.getTime())) return '[unknown]';
  const pad = (n: number) => String(n).padStart(2, '0');
  const zone = new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' }).formatToParts(d).find((p) => p.type === 'timeZoneName')?.value ?? '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${zone}`;
}

/** pg_restore -l: the archive's header and the selected entries, as a list -L reads back. */
export function listArchive(reader: ArchiveReader, opts: ArchiveRestoreOptions): string {
  const i = reader.info;
  const { order, reqs } = plan(reader, opts);
  const stamp = formatStamp(createdDate(i));
  const line = (s: string | null, hyphen: boolean) => (s === null ? (hyphen ? '-' : '') : s.replace(/[\r\n]/g, ' '));
  const v = i.version;
  let out = `;\n; Archive created at ${stamp}\n`;
  out += `;     dbname: ${line(i.dbname, false)}\n;     TOC Entries: ${i.entries.length}\n;     Compression: ${v[1] >= 15 ? i.compression : i.level}\n`;
  out += `;     Dump Version: ${v[0]}.${v[1]}-${v[2]}\n;     Format: ${i.kind.toUpperCase()}\n;     Integer: ${i.intSize} bytes\n;     Offset: ${i.offSize} bytes\n`;
  if (i.remoteVersion) out += `;     Dumped from database version: ${i.remoteVersion}\n`;
  if (i.dumpVersion) out += `;     Dumped by pg_dump version: ${i.dumpVersion}\n`;
  out += ';\n;\n; Selected TOC Entries:\n;\n';
  for (const te of order) {
    if (opts.verbose || ((reqs.get(te.dumpId) ?? 0) & (REQ_SCHEMA | REQ_DATA)) !== 0) {
      out += `${te.dumpId}; ${te.tableoid} ${te.oid} ${te.desc} ${line(te.namespace, true)} ${line(te.tag, false)} ${line(te.owner, false)}\n`;
    }
    if (opts.verbose && te.deps.length) out += `;\tdepends on: ${te.deps.join(' ')}\n`;
  }
  return out;
}

/** Restores the archive into `out` (a script, like pg_restore -f) or over `connector` (pg_restore -d). */
export async function restoreArchive(
  reader: ArchiveReader,
  opts: ArchiveRestoreOptions,
  target: { out: Writable } | { connector: Connector },
): Promise<ArchiveRestoreResult> {
  const info = reader.info;
  const { order, reqs, dataOnly } = plan(reader, opts);
  const errors = new ErrorLog(!!(opts.exitOnError || opts.singleTransaction), opts.onError);
  const sopts: SessionOptions = { ...opts, dataOnly };
  const toDb = 'connector' in target;
  if (toDb && !/^(utf-?8|sql_ascii)$/i.test(info.encoding)) {
    throw new DumpError('unsupported', `the archive's encoding is ${info.encoding}; only UTF8 archives can be restored into a database (use -f to write the script)`);
  }
  const jobs = toDb ? Math.max(1, opts.jobs ?? 1) : 1;
  const s = toDb ? await Session.toDatabase(info, sopts, errors, target.connector) : Session.toStream(info, sopts, errors, target.out);
  const result: ArchiveRestoreResult = { entries: 0, errors: 0 };
  const wanted = (te: TocItem) => ((reqs.get(te.dumpId) ?? 0) & (REQ_SCHEMA | REQ_DATA)) !== 0;
  try {
    await s.comment('--\n-- PostgreSQL database dump\n--\n\n');
    if (opts.restrictKey) await s.comment(`\\restrict ${opts.restrictKey}\n\n`);
    if (info.remoteVersion) await s.comment(`-- Dumped from database version ${info.remoteVersion}\n`);
    if (info.dumpVersion) await s.comment(`-- Dumped by pg_dump version ${info.dumpVersion}\n`);
    await s.comment('\n');
    if (opts.verbose) await s.comment(`-- Started on ${formatStamp(createdDate(info))}\n\n`);
    if (opts.singleTransaction) await s.begin();
    await s.fixedState();

    if (opts.clean) await drops(s, order, reqs, opts);

    const failedTables = new Set<string>();
    const restoreOne = async (session: Session, te: TocItem, truncate = false) => {
      const key = `${te.namespace}\0${te.tag}`;
      if (te.desc === 'TABLE DATA' && failedTables.has(key)) {
        opts.onWarning?.(`table "${te.tag}" could not be created, will not restore its data`);
        return;
      }
      result.entries++;
      opts.onProgress?.(`restoring ${te.desc} ${te.namespace ? `${te.namespace}.` : ''}${te.tag}`);
      await restoreEntry(session, reader, te, reqs.get(te.dumpId) ?? 0, truncate);
      if (opts.noDataForFailedTables && te.desc === 'TABLE' && errors.failed.has(te.dumpId)) failedTables.add(key);
    };

    if (jobs > 1) {
      await parallel(s, reader, order.filter(wanted), jobs, restoreOne, target as { connector: Connector }, info, sopts, errors);
    } else {
      for (const pass of [0, 1, 2] as const) {
        for (const te of order) if (wanted(te) && restorePass(te) === pass) await restoreOne(s, te);
      }
    }

    if (opts.singleTransaction) {
      s.setCurrent(null);
      await s.commit();
    }
    if (opts.verbose) await s.comment(`-- Completed on ${formatStamp(new Date())}\n\n`);
    await s.comment('--\n-- PostgreSQL database dump complete\n--\n\n');
    if (opts.restrictKey) await s.comment(`\\unrestrict ${opts.restrictKey}\n\n`);
  } finally {
    await s.close();
    result.errors = errors.count;
  }
  return result;
}

/** --clean: each selected entry's DROP, last entry first (with -C only the database's). */
async function drops(s: Session, order: TocItem[], reqs: Map<number, number>, opts: ArchiveRestoreOptions): Promise<void> {
  for (const te of [...order].reverse()) {
    if (opts.createDB && te.desc !== 'DATABASE' && te.desc !== 'DATABASE PROPERTIES') continue;
    if (((reqs.get(te.dumpId) ?? 0) & (REQ_SCHEMA | REQ_DATA)) === 0 || te.dropStmt === null) continue;
    s.setCurrent(te);
    await s.becomeOwner(te);
    if (te.dropStmt === '') continue;
    if (!opts.ifExists || te.dropStmt.startsWith('--')) await s.sql(te.dropStmt);
    else if (te.desc.startsWith('BLOB')) {
      await s.sql(`SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata WHERE oid = '${te.oid}';\n`);
    } else await s.sql(withIfExists(te, opts.onWarning));
  }
}

/** Puts IF EXISTS into a DROP the way pg_restore does. */
export function withIfExists(te: TocItem, warn?: (m: string) => void): string {
  let stmt = te.dropStmt ?? '';
  let prefix = '';
  if (stmt.startsWith('ALTER TABLE')) {
    prefix = 'ALTER TABLE IF EXISTS';
    stmt = stmt.slice(11);
  }
  if (te.desc === 'DEFAULT' || te.desc === 'DATABASE PROPERTIES' || stmt.startsWith('CREATE OR REPLACE VIEW')) return prefix + stmt;
  const word = te.desc === 'CONSTRAINT' || te.desc === 'CHECK CONSTRAINT' || te.desc === 'FK CONSTRAINT' ? 'DROP CONSTRAINT' : `DROP ${te.desc}`;
  const at = stmt.indexOf(word);
  if (at < 0) {
    warn?.(`could not find where to insert IF EXISTS in statement "${te.dropStmt}"`);
    return prefix + stmt;
  }
  return `${prefix}${stmt.slice(0, at)}${word} IF EXISTS${stmt.slice(at + word.length)}`;
}

/** restore_toc_entry: the schema part, then the data part, of one entry. */
async function restoreEntry(s: Session, reader: ArchiveReader, te: TocItem, reqs: number, truncate: boolean): Promise<void> {
  s.setCurrent(te);
  if (te.desc === 'WARNING') return;
  let defnDone = false;
  if (reqs & REQ_SCHEMA) {
    await s.printEntry(te, false);
    defnDone = true;
    if (te.desc === 'DATABASE' || te.desc === 'DATABASE PROPERTIES') await s.reconnect(te.tag);
  }
  if (reqs & REQ_DATA) {
    if (te.hadDumper) {
      await s.printEntry(te, true);
      if (te.desc === 'BLOBS') await s.blobs(te, reader);
      else await s.tableData(te, reader, truncate);
    } else if (!defnDone) {
      await s.printEntry(te, false);
    }
  }
}

type RestoreOne = (s: Session, te: TocItem, truncate?: boolean) => Promise<void>;

/**
 * -j N: pre-data on the leader, in order; then the data and post-data entries of the main pass
 * on N connections, each entry once every entry it depends on is done (an index may run next to
 * other indexes, anything else runs alone, so no two statements lock each other's tables); then
 * privileges and what needs them on the leader, in order.
 */
async function parallel(
  leader: Session,
  reader: ArchiveReader,
  selected: TocItem[],
  jobs: number,
  restoreOne: RestoreOne,
  target: { connector: Connector },
  info: ArchiveReader['info'],
  sopts: SessionOptions,
  errors: ErrorLog,
): Promise<void> {
  const main = selected.filter((te) => restorePass(te) === 0);
  let section: number = SECTION['pre-data'];
  const pre: TocItem[] = [];
  const rest: TocItem[] = [];
  for (const te of main) {
    if (te.section !== SECTION.none) section = te.section;
    (section === SECTION['pre-data'] && rest.length === 0 ? pre : rest).push(te);
  }
  const created = new Set<string>();
  for (const te of pre) {
    await restoreOne(leader, te);
    if (te.desc === 'TABLE' && !errors.failed.has(te.dumpId)) created.add(`${te.namespace}\0${te.tag}`);
  }

  const pendingIds = new Set(rest.map((te) => te.dumpId));
  const done = new Set<number>();
  const workers = await Promise.all(
    Array.from({ length: jobs }, async () => {
      const s = await Session.toDatabase(info, sopts, errors, target.connector);
      await s.fixedState();
      return { s, reader: reader.clone() };
    }),
  );
  try {
    const queue = [...rest];
    const running = new Map<number, TocItem>();
    let failure: unknown = null;
    await new Promise<void>((resolve) => {
      const ready = (te: TocItem) => te.deps.every((d) => !pendingIds.has(d) || done.has(d));
      const exclusive = (te: TocItem) => te.desc !== 'INDEX' && te.section !== SECTION.data;
      const idle = workers.filter(() => true);
      const pump = () => {
        if (failure !== null || (queue.length === 0 && running.size === 0)) {
          if (running.size === 0) resolve();
          return;
        }
        while (idle.length > 0) {
          const anyExclusive = [...running.values()].some(exclusive);
          if (anyExclusive) break;
          let i = queue.findIndex((te) => ready(te) && (running.size === 0 || !exclusive(te)));
          // nothing ready and nothing running: a dependency cycle (a -L order); go in order
          if (i < 0 && running.size === 0 && queue.length > 0) i = 0;
          if (i < 0) break;
          const te = queue.splice(i, 1)[0]!;
          const w = idle.pop()!;
          running.set(te.dumpId, te);
          const truncate = te.desc === 'TABLE DATA' && created.has(`${te.namespace}\0${te.tag}`) && !(te.defn ?? '').startsWith('-- load via partition root ');
          restoreOne(w.s, te, truncate)
            .catch((e: unknown) => {
              failure ??= e;
            })
            .finally(() => {
              running.delete(te.dumpId);
              done.add(te.dumpId);
              idle.push(w);
              pump();
            });
        }
      };
      pump();
    });
    if (failure !== null) throw failure;
  } finally {
    await Promise.all(workers.map(async (w) => {
      await w.s.close();
      w.reader.close();
    }));
  }

  for (const pass of [1, 2] as const) {
    for (const te of selected) if (restorePass(te) === pass) await restoreOne(leader, te);
  }
}
