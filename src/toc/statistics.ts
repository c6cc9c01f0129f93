import type { Item } from '../graph/items.js';
import { quoteLiteral } from '../sql/quote.js';
import type { TocEntry } from './toc.js';
import { renumberEntries } from './deps.js';

import type { CatalogClient } from '../../catalog/client.js';

interface RelationStatsRow extends Record<string, unknown> {
  oid: string;
  relkind: string;
  schema: string;
  name: string;
  relpages: number;
  reltuples: string;
  relallvisible: number;
  relallfrozen: number;
}

/** One pg_stats row, every value as the server's text so nothing is rounded on the way. */
interface AttributeStatsRow extends Record<string, unknown> {
  relid: string;
  attname: string;
  attnum: number;
  inherited: string | null;
  null_frac: string | null;
  avg_width: string | null;
  n_distinct: string | null;
  most_common_vals: string | null;
  most_common_freqs: string | null;
  histogram_bounds: string | null;
  correlation: string | null;
  most_common_elems: string | null;
  most_common_elem_freqs: string | null;
  elem_count_histogram: string | null;
  range_length_histogram: string | null;
  range_empty_frac: string | null;
  range_bounds_histogram: string | null;
}

/** pg_restore_attribute_stats arguments in pg_dump 18's order, with their types. */
const ATTRIBUTE_ARGS: ReadonlyArray<readonly [keyof AttributeStatsRow, string]> = [
  ['inherited', 'boolean'], ['null_frac', 'real'], ['avg_width', 'integer'], ['n_distinct', 'real'],
  ['most_common_vals', 'text'], ['most_common_freqs', 'real[]'], ['histogram_bounds', 'text'], ['correlation', 'real'],
  ['most_common_elems', 'text'], ['most_common_elem_freqs', 'real[]'], ['elem_count_histogram', 'real[]'],
  ['range_length_histogram', 'text'], ['range_empty_frac', 'real'], ['range_bounds_histogram', 'text'],
];

/**
 * The relations pg_dump 18 gives statistics: every selected table (plain, partitioned,
 * foreign) and materialized view, whether or not its definition or data is dumped (so
 * --statistics-only works), and, read from the server, their indexes.
 */
export function statisticsRelations(items: readonly Item[]): number[] {
  const oids = new Set<number>();
  for (const item of items) {
    if (item.part !== 'definition') continue;
    const o = item.object;
    if (o.kind === 'table' || o.kind === 'foreign-table' || (o.kind === 'view' && o.relkind === 'm')) oids.add(o.oid);
  }
  return [...oids];
}

/** Relation-level numbers of the relations and of their indexes, one query. */
function relationStatsQuery(version: number): string {
  return `SELECT c.oid::pg_catalog.int8::text AS oid, c.relkind::text AS relkind, n.nspname AS schema, c.relname AS name,
            c.relpages, c.reltuples::text AS reltuples, c.relallvisible,
            ${version >= 180000 ? 'c.relallfrozen' : '0'} AS relallfrozen
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.oid = ANY($1::pg_catalog.oid[])
         OR c.oid IN (SELECT i.indexrelid FROM pg_catalog.pg_index i WHERE i.indrelid = ANY($1::pg_catalog.oid[]))`;
}

/**
 * Column statistics through pg_stats (readable by any role, for the columns it may read),
 * for every relation at once; index expression columns are named by number, as their names
 * are not stable across a restore.
 */
function attributeStatsQuery(version: number): string {
  const ranges = version >= 170000
    ? 's.range_length_histogram::text AS range_length_histogram, s.range_empty_frac::text AS range_empty_frac, s.range_bounds_histogram::text AS range_bounds_histogram'
    : 'NULL::text AS range_length_histogram, NULL::text AS range_empty_frac, NULL::text AS range_bounds_histogram';
  return `SELECT c.oid::pg_catalog.int8::text AS relid, s.attname, a.attnum,
            s.inherited::text AS inherited, s.null_frac::text AS null_frac, s.avg_width::text AS avg_width,
            s.n_distinct::text AS n_distinct, s.most_common_vals::text AS most_common_vals,
            s.most_common_freqs::text AS most_common_freqs, s.histogram_bounds::text AS histogram_bounds,
            s.correlation::text AS correlation, s.most_common_elems::text AS most_common_elems,
            s.most_common_elem_freqs::text AS most_common_elem_freqs, s.elem_count_histogram::text AS elem_count_histogram,
            ${ranges}
       FROM pg_catalog.pg_stats s
       JOIN pg_catalog.pg_namespace n ON n.nspname = s.schemaname
       JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = s.tablename
       JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attname = s.attname
      WHERE c.oid = ANY($1::pg_catalog.oid[])
      ORDER BY c.oid, s.attname, s.inherited`;
}

function boolText(v: string): string {
  return v === 'true' ? 't' : v === 'false' ? 'f' : v;
}

/** The SQL of one STATISTICS DATA entry, as pg_dump 18 writes it. */
export function emitRelationStats(version: number, rel: RelationStatsRow, attrs: readonly AttributeStatsRow[]): string {
  const head = (fn: string) => `SELECT * FROM pg_catalog.${fn}(\n\t'version', '${version}'::integer,\n\t'schemaname', ${quoteLiteral(rel.schema)},\n\t'relname', ${quoteLiteral(rel.name)}`;
  // Before 14 a reltuples of 0 also meant "never analyzed", which 14+ writes as -1.
  const reltuples = version < 140000 && rel.reltuples === '0' ? '-1' : rel.reltuples;
  let sql = `${head('pg_restore_relation_stats')},\n\t'relpages', '${rel.relpages}'::integer,\n\t'reltuples', '${reltuples}'::real,\n\t'relallvisible', '${rel.relallvisible}'::integer`;
  if (version >= 180000) sql += `,\n\t'relallfrozen', '${rel.relallfrozen}'::integer`;
  sql += '\n);\n';
  const isIndex = rel.relkind === 'i' || rel.relkind === 'I';
  for (const a of attrs) {
    sql += head('pg_restore_attribute_stats');
    sql += isIndex ? `,\n\t'attnum', '${a.attnum}'::smallint` : `,\n\t'attname', ${quoteLiteral(a.attname)}`;
    for (const [key, type] of ATTRIBUTE_ARGS) {
      const raw = a[key];
      if (raw === null || raw === undefined) continue;
      const value = key === 'inherited' ? boolText(String(raw)) : String(raw);
      sql += `,\n\t'${key}', ${quoteLiteral(value)}::${type}`;
    }
    sql += '\n);\n';
  }
  return sql;
}

function byName(a: RelationStatsRow, b: RelationStatsRow): number {
  return a.schema < b.schema ? -1 : a.schema > b.schema ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Adds pg_dump 18's STATISTICS DATA entries: tables' and foreign tables' at the end of the data
 * section, materialized views' (which REFRESH would reset) and indexes' at the end of post-data.
 * `sections` limits them like --section does for every entry.
 */
export async function addStatisticsEntries(
  client: CatalogClient,
  toc: readonly TocEntry[],
  relations: readonly number[],
  version: number,
  sections: ReadonlySet<string>,
): Promise<TocEntry[]> {
  if (relations.length === 0) return [...toc];
  const oids = relations.map(String);
  const rels = await client.query<RelationStatsRow>(relationStatsQuery(version), [oids]);
  const attrs = await client.query<AttributeStatsRow>(attributeStatsQuery(version), [rels.map((r) => r.oid)]);
  const attrsOf = new Map<string, AttributeStatsRow[]>();
  for (const a of attrs) {
    let list = attrsOf.get(a.relid);
    if (!list) attrsOf.set(a.relid, (list = []));
    list.push(a);
  }
  const byObject = new Map<string, number>();
  for (const e of toc) if (e.objectId !== undefined && !byObject.has(e.objectId)) byObject.set(e.objectId, e.dumpId);
  let nextId = toc.reduce((m, e) => Math.max(m, e.dumpId), 0) + 1;
  const dataStats: TocEntry[] = [];
  const postStats: TocEntry[] = [];
  for (const rel of [...rels].sort(byName)) {
    const postData = rel.relkind === 'm' || rel.relkind === 'i' || rel.relkind === 'I';
    if (!sections.has(postData ? 'post-data' : 'data')) continue;
    const dep = byObject.get(`pg_class:${rel.oid}`);
    const entry: TocEntry = {
      dumpId: nextId++, tag: rel.name, desc: 'STATISTICS DATA', namespace: rel.schema, owner: null,
      section: postData ? 'post-data' : 'data', defn: emitRelationStats(version, rel, attrsOf.get(rel.oid) ?? []),
      dropStmt: '', copyStmt: null, data: null, deps: dep === undefined ? [] : [dep],
    };
    (postData ? postStats : dataStats).push(entry);
  }
  const out = [...toc];
  const firstPost = out.findIndex((e) => e.section === 'post-data');
  out.splice(firstPost < 0 ? out.length : firstPost, 0, ...dataStats);
  out.push(...postStats);
  return renumberEntries(out);
}
