import type { ConnectionOptions } from './connection/index.js';

/** Every dump option; the CLI maps pg_dump's flags onto these fields one to one. */
export interface DumpOptions extends ConnectionOptions {
  /** output format: the SQL script, or one of pg_dump's archives that pg_restore reads */
  format?: 'plain' | 'custom' | 'directory' | 'tar';
  /**
   * -Z: 0 = none, 1-9 = gzip level, -1 = gzip at zlib's default. Plain: compresses the whole
   * file (dumpToFile; 0 or undefined = not compressed). Custom and directory: each data block or
   * file (undefined = zlib's default, 0 = none). Tar: not supported.
   */
  compress?: number;
  /** -s: definitions only */
  schemaOnly?: boolean;
  /** -a: data only */
  dataOnly?: boolean;
  /** -O */
  noOwner?: boolean;
  /** -x */
  noPrivileges?: boolean;
  noComments?: boolean;
  serializableDeferrable?: boolean;
  snapshot?: string;
  /** e.g. '10s' or milliseconds as a string */
  lockWaitTimeout?: string;
  enableRowSecurity?: boolean;
  extraFloatDigits?: number;
  /** give up ACCESS SHARE locks (protection against concurrent DDL) */
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
  noPublications?: boolean;
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
  /** --statistics / --statistics-only: STATISTICS DATA entries (pg_dump 18); --no-statistics is the default */
  statistics?: boolean;
  statisticsOnly?: boolean;
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
  /** progress and warnings */
  onWarning?: (message: string) => void;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}

/**
 * What a dump reports while it runs, through `onProgress`. `type` names the event. The
 * `table-*` events come from the data path: with -j several tables are in flight at once.
 */
export type ProgressEvent =
  /** the catalog is read: `objects` objects in it */
  | { type: 'catalog'; objects: number }
  /** the writer reached an entry of the output */
  | { type: 'entry'; desc: string; tag: string; namespace: string | null }
  /** `bytes` more bytes of a table's data were written */
  | { type: 'data'; table: string; bytes: number }
  | DataPlanEvent
  | TableStartEvent
  | TableProgressEvent
  | TableDoneEvent;

/**
 * Before the first table's data: how many tables will be read and their estimated total size
 * (the sum of their table-start `estimatedBytes`), for an overall percentage.
 */
export interface DataPlanEvent {
  readonly type: 'data-plan';
  readonly tables: number;
  readonly estimatedBytes: number;
}

/**
 * A table's data starts being read. The estimates come from the catalog (pg_class.relpages and
 * reltuples, read with everything else): on-disk size, not the size of its COPY text, and null
 * rows when the table was never vacuumed or analyzed.
 */
export interface TableStartEvent {
  readonly type: 'table-start';
  readonly schema: string;
  readonly table: string;
  readonly estimatedBytes: number;
  readonly estimatedRows: number | null;
}

/** Running totals of a table's data read so far (COPY text bytes and rows); at most every 100 ms per table. */
export interface TableProgressEvent {
  readonly type: 'table-progress';
  readonly schema: string;
  readonly table: string;
  readonly rows: number;
  readonly bytes: number;
}

/** A table's data is read completely: its rows and COPY text bytes. */
export interface TableDoneEvent {
  readonly type: 'table-done';
  readonly schema: string;
  readonly table: string;
  readonly rows: number;
  readonly bytes: number;
}

export interface DumpResult {
  readonly entries: number;
  readonly tables: number;
  readonly dataBytes: number;
  readonly serverVersion: string;
  readonly queries: number;
  readonly warnings: readonly string[];
}
