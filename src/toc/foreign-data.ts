import type { ForeignTableObject } from '../../catalog/foreign-tables.js';
import type { TableObject } from '../../catalog/tables.js';
import type { Item } from '../graph/items.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import type { TocEntry } from './toc.js';

/**
 * The rows of a foreign table (--include-foreign-data). COPY cannot read a foreign table
 * directly, so the rows come from `COPY (SELECT cols FROM ft) TO STDOUT`, as in pg_dump; the
 * script loads them with a plain COPY into the foreign table.
 */
export function foreignTableDataEntry(item: Item, base: Pick<TocEntry, 'namespace' | 'owner' | 'section' | 'deps'>): Omit<TocEntry, 'dumpId'> {
  const ft = item.object as ForeignTableObject;
  const name = qualify(ft.schema, ft.name);
  const cols = ft.columns.filter((c) => !c.generated).map((c) => quoteIdent(c.name));
  const list = cols.length ? ` (${cols.join(', ')})` : '';
  return {
    ...base,
    tag: ft.name,
    desc: 'TABLE DATA',
    defn: '',
    dropStmt: '',
    copyStmt: `COPY ${name}${list} FROM stdin;`,
    data: {
      kind: 'copy',
      copyOut: `COPY (SELECT ${cols.length ? cols.join(', ') : '*'} FROM ${name}) TO STDOUT`,
      table: name,
      object: asCopyTarget(ft),
    },
  };
}

/**
 * Data readers take the shape of a plain table (columns, name, partition parent); a foreign
 * table has the same shape for reading rows, without storage of its own.
 */
function asCopyTarget(ft: ForeignTableObject): TableObject {
  return {
    ...ft,
    kind: 'table',
    relkind: 'r',
    unlogged: false,
    reloptions: [],
    toastOptions: [],
    tablespace: null,
    accessMethod: null,
    rowSecurity: false,
    forceRowSecurity: false,
    replicaIdentity: 'd',
    partitionKey: null,
    // loaded into the foreign table itself, never through a partition root
    isPartition: false,
    parents: [],
    estimatedBytes: 0,
  };
}
