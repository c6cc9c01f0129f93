import type { ConnectionOptions } from './connection/index.js';
import type { DumpConnection } from './connection/dump-connection.js';

export type { DumpConnection };

/**
 * Every dump option. The CLI maps pg_dump's flags onto these fields one to one (the flag is
 * named first in each field's description); the library checks them the same way, with the
 * same messages (see {@link validateDumpOptions}). Connection fields come from
 * {@link ConnectionOptions}; `connection` takes a connection string, a `pg` ClientConfig, or
 * the caller's own `pg.Client`/`pg.Pool` instead.
 */
export interface DumpOptions extends ConnectionOptions {
  /**
   * -F/--format: `plain` (the SQL script, default), or one of pg_dump's archives that
   * pg_restore reads: `custom` (a stream or a file), `directory` and `tar` (files only: dumpToFile).
   */
  format?: 'plain' | 'custom' | 'directory' | 'tar';
  /**
   * -Z/--compress: 0 = none, 1-9 = gzip level, -1 = gzip at zlib's default. Plain: compresses the
   * whole file (dumpToFile; 0 or undefined = not compressed). Custom and directory: each data block
   * or file (undefined = zlib's default, 0 = none). Tar: not supported.
   */
  compress?: number;
  /** -s/--schema-only: definitions only, no data */
  schemaOnly?: boolean;
  /** -a/--data-only: data only, no definitions */
  dataOnly?: boolean;
  /** -O/--no-owner: no ALTER ... OWNER TO (nor SET SESSION AUTHORIZATION) */
  noOwner?: boolean;
  /** -x/--no-privileges (--no-acl): no GRANT/REVOKE */
  noPrivileges?: boolean;
  /** --no-comments: no COMMENT ON */
  noComments?: boolean;
  /** --serializable-deferrable: a SERIALIZABLE READ ONLY DEFERRABLE snapshot (waits until it is safe) */
  serializableDeferrable?: boolean;
  /** --snapshot: dump from this snapshot, exported by another session with pg_export_snapshot() */
  snapshot?: string;
  /** --lock-wait-timeout: fail rather than wait longer for a table lock; e.g. '10s' or milliseconds as a string */
  lockWaitTimeout?: string;
  /** --enable-row-security: dump only the rows row security lets the role see (default: fail on tables with policies, as pg_dump does) */
  enableRowSecurity?: boolean;
  /** --extra-float-digits: the session's extra_float_digits, -15..3 (default 3: exact floats) */
  extraFloatDigits?: number;
  /** --no-table-locks: give up the ACCESS SHARE locks (the protection against concurrent DDL) */
  noTableLocks?: boolean;
  // Output shaping, as pg_dump's flags of the same names.
  /** -c/--clean: DROP statements for every dumped object before the creates */
  clean?: boolean;
  /** --if-exists: DROP ... IF EXISTS (with clean) */
  ifExists?: boolean;
  /** -C/--create: CREATE DATABASE, its properties, then \connect into it */
  create?: boolean;
  /** --inserts: data as INSERT statements instead of COPY */
  inserts?: boolean;
  /** --column-inserts: INSERT statements naming the columns (implies inserts) */
  columnInserts?: boolean;
  /** --rows-per-insert: rows per INSERT statement (implies inserts) */
  rowsPerInsert?: number;
  /** --on-conflict-do-nothing: INSERT ... ON CONFLICT DO NOTHING */
  onConflictDoNothing?: boolean;
  /** --disable-triggers: in a data-only dump, disable triggers while each table is loaded */
  disableTriggers?: boolean;
  /** -S/--superuser: the role that disables triggers */
  superuser?: string;
  /** --disable-dollar-quoting: function bodies as standard string literals */
  disableDollarQuoting?: boolean;
  /** --quote-all-identifiers */
  quoteAllIdentifiers?: boolean;
  /** --use-set-session-authorization: SET SESSION AUTHORIZATION instead of ALTER ... OWNER TO */
  useSetSessionAuthorization?: boolean;
  /** --load-via-partition-root: load partitions' data through their root table */
  loadViaPartitionRoot?: boolean;
  /** --no-sync: do not fsync the output file */
  noSync?: boolean;
  /** --sync-method: how the output file is made durable */
  syncMethod?: 'fsync' | 'syncfs';
  /** -E/--encoding: the script's encoding (default UTF8) */
  encoding?: string;
  /** --restrict-key: key of the script's \restrict / \unrestrict (default: random) */
  restrictKey?: string;
  // Object selection, as pg_dump's flags. Patterns follow psql's rules: `*` and `?` are
  // wildcards, unquoted letters fold to lower case, "double quotes" keep case and literal
  // characters, `schema.name` qualifies (and `db.schema.name` if db is the current database).
  /** -n/--schema: dump only the schemas matching these patterns, and everything in them */
  schema?: readonly string[];
  /** -N/--exclude-schema */
  excludeSchema?: readonly string[];
  /** -t/--table: dump only these tables, views, materialized views, sequences and foreign tables */
  table?: readonly string[];
  /** --table-and-children: like `table`, plus inheritance children and partitions */
  tableAndChildren?: readonly string[];
  /** -T/--exclude-table */
  excludeTable?: readonly string[];
  /** --exclude-table-and-children */
  excludeTableAndChildren?: readonly string[];
  /** --exclude-table-data: the definitions are dumped, not the rows (nor a sequence's value) */
  excludeTableData?: readonly string[];
  /** --exclude-table-data-and-children */
  excludeTableDataAndChildren?: readonly string[];
  /** -e/--extension: dump only these extensions (other objects are selected as usual) */
  extension?: readonly string[];
  /** --exclude-extension */
  excludeExtension?: readonly string[];
  /** --strict-names: every include pattern (schema, table, extension) must match something */
  strictNames?: boolean;
  /** --filter: files of `include|exclude <type> <pattern>` lines (pg_dump 17 format); "-" is stdin */
  filter?: readonly string[];
  /** --include-foreign-data: dump the rows of foreign tables on servers matching these patterns */
  includeForeignData?: readonly string[];
  /** --section: dump only these sections (default all) */
  section?: readonly ('pre-data' | 'data' | 'post-data')[];
  /** -b/--large-objects: include large objects even when -n/-t/-e select objects */
  largeObjects?: boolean;
  /** -B/--no-large-objects */
  noLargeObjects?: boolean;
  /** --no-data: no table data, sequence values or large objects */
  noData?: boolean;
  /** --no-schema: no definitions */
  noSchema?: boolean;
  /** --sequence-data: sequence values even when no data is dumped (-s, --no-data) */
  sequenceData?: boolean;
  /** --no-publications: no publications (nor their tables and schemas) */
  noPublications?: boolean;
  /** --no-subscriptions: no subscriptions */
  noSubscriptions?: boolean;
  /** --no-policies: no row security policies (nor ENABLE ROW LEVEL SECURITY) */
  noPolicies?: boolean;
  /** accepted; pgdump-ts dumps no security labels yet */
  noSecurityLabels?: boolean;
  /** --no-tablespaces: no TABLESPACE clauses */
  noTablespaces?: boolean;
  /** --no-table-access-method: no USING clauses on tables and materialized views */
  noTableAccessMethod?: boolean;
  /** --no-toast-compression: no column COMPRESSION clauses */
  noToastCompression?: boolean;
  /** --no-unlogged-table-data: definitions of unlogged tables and sequences, not their contents (always so on a standby) */
  noUnloggedTableData?: boolean;
  /** --statistics: also dump optimizer statistics as pg_dump 18 does (STATISTICS DATA entries calling pg_restore_relation_stats / pg_restore_attribute_stats; restorable into 18+) */
  statistics?: boolean;
  /** --statistics-only: only the statistics entries */
  statisticsOnly?: boolean;
  /** --no-statistics: no statistics (the default, as in pg_dump 18) */
  noStatistics?: boolean;
  /**
   * -j/--jobs: copy table data on this many extra connections at once, each on the dump's
   * snapshot, largest tables first. Plain scripts (which pg_dump cannot parallelise) and the
   * directory format; custom and tar refuse it, as pg_dump does. Default 1.
   */
  jobs?: number;
  /**
   * --split-tables-larger-than: with jobs > 1, a table larger than this (bytes, or a size such
   * as '1GB') is copied as several ctid ranges by several workers and written as one table's
   * data, in order. PostgreSQL 14+ (TID range scans); plain COPY data only (not --inserts, -E).
   */
  splitTablesLargerThan?: number | string;
  /**
   * --skip-unreadable (beyond pg_dump): schemas the role has no USAGE on are left out (as -N),
   * tables and sequences it has no SELECT on keep their definitions without rows or value (as
   * --exclude-table-data); each is reported as a warning and in a comment at the top of the
   * script. Without it, the first of them fails the dump with a message naming it.
   */
  skipUnreadable?: boolean;
  // Selection in code, for applications that decide per tenant or per run.
  /**
   * Decides, relation by relation, whether a table, view, materialized view, sequence or
   * foreign table is dumped. Applied after the name patterns (`schema`, `table`,
   * `excludeTable`, ...): it can only narrow what they selected, never add to it. A relation it
   * rejects is treated like one matched by `excludeTable`: neither its definition nor its rows
   * are dumped, nor what belongs to it (indexes, constraints, triggers, policies, an owned
   * sequence's value). Called once per relation of the database's user schemas, before the
   * catalog is read; it must be synchronous.
   * @example
   * ```ts
   * includeTable: (t) => t.schema === 'public' && !t.name.startsWith('tmp_')
   * ```
   */
  includeTable?: (table: RelationInfo) => boolean;
  /**
   * Decides, schema by schema, whether a schema and its contents are dumped; applied after
   * `schema`/`excludeSchema` like `includeTable`. A rejected schema is treated like one
   * matched by `excludeSchema`.
   */
  includeSchema?: (schema: SchemaInfo) => boolean;
  /**
   * Where to connect instead of (or on top of) `dbname`/`host`/`port`/`username`: a
   * connection string (URI or `key=value` conninfo, resolved like `dbname`), a `pg`
   * ClientConfig, or the caller's own connected `pg.Client` or `pg.Pool`. A borrowed client
   * (or one taken from the pool for the dump's duration) is never closed; the dump runs in one
   * transaction on it, whose settings are all `SET LOCAL`, and hands it back outside any
   * transaction with its settings as they were. It must not be inside a transaction.
   */
  connection?: DumpConnection;
  // Progress and control.
  /** Called with each warning (also collected in the result's `warnings`). */
  onWarning?: (message: string) => void;
  /** Called with each progress event, in order (see {@link ProgressEvent}). */
  onProgress?: (event: ProgressEvent) => void;
  /**
   * Cancels the dump: the running server query is cancelled (as pg_dump's Ctrl-C does), the
   * connection closed or handed back, a file being written removed, and the dump rejects with
   * a {@link DumpError} of code `aborted` and name `AbortError`.
   */
  signal?: AbortSignal;
}

/** A relation offered to {@link DumpOptions.includeTable}. */
export interface RelationInfo {
  /** the relation's schema */
  readonly schema: string;
  /** the relation's name (as stored: case kept, unquoted) */
  readonly name: string;
  /** what it is */
  readonly kind: 'table' | 'partitioned table' | 'view' | 'materialized view' | 'sequence' | 'foreign table';
  /** the role that owns it */
  readonly owner: string;
}

/** A schema offered to {@link DumpOptions.includeSchema}. */
export interface SchemaInfo {
  /** the schema's name */
  readonly name: string;
  /** the role that owns it */
  readonly owner: string;
}

/**
 * Before the first table's data: how many tables will be read and their estimated total size
 * (the sum of their table-start `estimatedBytes`), for an overall percentage.
 */
export interface DataPlanEvent {
  /** the event's type */
  readonly type: 'data-plan';
  /** tables whose rows will be read */
  readonly tables: number;
  /** their estimated total on-disk size */
  readonly estimatedBytes: number;
}

/**
 * A table's data starts being read. The estimates come from the catalog (pg_class.relpages and
 * reltuples, read with everything else): on-disk size, not the size of its COPY text, and null
 * rows when the table was never vacuumed or analyzed.
 */
export interface TableStartEvent {
  /** the event's type */
  readonly type: 'table-start';
  /** the table's schema */
  readonly schema: string;
  /** the table's name */
  readonly table: string;
  /** the server's estimate of the table's on-disk size */
  readonly estimatedBytes: number;
  /** the server's estimate of its rows, null when never analyzed */
  readonly estimatedRows: number | null;
}

/** Running totals of a table's data read so far (COPY text bytes and rows); at most every 100 ms per table. */
export interface TableProgressEvent {
  /** the event's type */
  readonly type: 'table-progress';
  /** the table's schema */
  readonly schema: string;
  /** the table's name */
  readonly table: string;
  /** rows read so far */
  readonly rows: number;
  /** bytes of data read so far (before any compression) */
  readonly bytes: number;
}

/** A table's data is read completely: its rows and COPY text bytes. */
export interface TableDoneEvent {
  /** the event's type */
  readonly type: 'table-done';
  /** the table's schema */
  readonly schema: string;
  /** the table's name */
  readonly table: string;
  /** rows read */
  readonly rows: number;
  /** bytes of data read (before any compression) */
  readonly bytes: number;
}

/**
 * What a dump reports as it goes, in this order: `catalog` once the catalog is read, then an
 * `entry` for each object written (in script order), and for each table whose rows are
 * written `table-start`, `table-progress`... and `table-done` (with `data` events per piece).
 */
export type ProgressEvent =
  | CatalogEvent
  | ObjectEvent
  | DataEvent
  | DataPlanEvent
  | TableStartEvent
  | TableProgressEvent
  | TableDoneEvent;

/** The catalog is read. */
export interface CatalogEvent {
  /** the event's type */
  readonly type: 'catalog';
  /** how many objects the catalog holds (before selection) */
  readonly objects: number;
}

/** An object (a TOC entry) is being written. */
export interface ObjectEvent {
  /** the event's type (the handle emits it as `object`) */
  readonly type: 'entry';
  /** its kind, as pg_dump names it: TABLE, INDEX, FUNCTION, TABLE DATA, ACL, COMMENT, ... */
  readonly desc: string;
  /** its name, as pg_dump's TOC shows it */
  readonly tag: string;
  /** its schema, if it lives in one */
  readonly namespace: string | null;
}

/** A piece of a table's data (or of large objects) was written. */
export interface DataEvent {
  /** the event's type */
  readonly type: 'data';
  /** the table (TOC tag) */
  readonly table: string;
  /** the piece's size */
  readonly bytes: number;
}

/** The summary of a finished dump. */
export interface DumpResult {
  /** objects (TOC entries) written */
  readonly entries: number;
  /** objects written by kind (TOC desc: TABLE, INDEX, FUNCTION, TABLE DATA, ACL, ...) */
  readonly objects: Readonly<Record<string, number>>;
  /** tables whose rows were written */
  readonly tables: number;
  /** rows written, over all tables */
  readonly rows: number;
  /** bytes of table and large object data written (before any compression) */
  readonly dataBytes: number;
  /** tables locked (ACCESS SHARE) for the dump's duration */
  readonly lockedTables: number;
  /** the server's version string (server_version) */
  readonly serverVersion: string;
  /** catalog queries run */
  readonly queries: number;
  /** the warnings also passed to onWarning */
  readonly warnings: readonly string[];
  /** wall-clock time of the dump, in milliseconds */
  readonly durationMs: number;
}
