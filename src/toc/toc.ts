import type { TableObject } from '../../catalog/tables.js';
import type { Section } from '../graph/items.js';

/** Where a data entry's contents come from. */
export type DataSource = CopySource | LargeObjectSource;

export interface LargeObjectSource {
  readonly kind: 'large-objects';
  readonly oids: readonly number[];
}

export interface CopySource {
  readonly kind: 'copy';
  /** `COPY ... TO STDOUT` run on the dump's connection */
  readonly copyOut: string;
  /** qualified table name, for messages */
  readonly table: string;
  readonly object: TableObject;
  /**
   * Set when the rows are a plain COPY of one table: the table and its column list, so its
   * rows can also be read as ctid ranges (`--split-tables-larger-than`) and locked by a worker.
   */
  readonly relation?: { readonly name: string; readonly columns: readonly string[] };
}

/**
 * One archive entry, the model pg_dump's archives carry: every writer (plain, directory,
 * custom, tar) consumes a list of these.
 */
export interface TocEntry {
  readonly dumpId: number;
  readonly tag: string;
  readonly desc: string;
  readonly namespace: string | null;
  readonly owner: string | null;
  readonly section: Section;
  /** SQL to run, complete statements */
  readonly defn: string;
  readonly dropStmt: string;
  /** `COPY t (cols) FROM stdin;` for data entries */
  readonly copyStmt: string | null;
  readonly data: DataSource | null;
  readonly deps: readonly number[];
  /** the catalog id (`pg_class:16384`) of the object the entry comes from; archives record it */
  readonly objectId?: string;
  /** the plan item the entry comes from, so its dependencies can be linked */
  readonly planKey?: string;
  /**
   * `defn` in pieces, for archives: there pg_restore writes the owner statement itself (or
   * leaves it out under --no-owner), so the definition is stored without it.
   */
  readonly defnParts?: DefnParts;
}

export interface DefnParts {
  readonly create: string;
  /** ALTER ... OWNER TO, even when --no-owner left it out of defn */
  readonly owner: string;
  /** what needs the owner in place first (a sequence's OWNED BY) */
  readonly afterOwner: string;
}
