import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';
import { qualify } from '../src/sql/quote.js';

export interface SequenceObject extends ObjectBase {
  readonly kind: 'sequence';
  readonly dataType: string;
  readonly start: string;
  readonly increment: string;
  readonly min: string;
  readonly max: string;
  readonly cache: string;
  readonly cycle: boolean;
  readonly unlogged: boolean;
  /** set for serial/OWNED BY sequences and identity sequences */
  readonly ownedBy: { readonly tableId: string; readonly column: string; readonly identity: boolean } | null;
  /** current state, for the SEQUENCE SET entry */
  readonly lastValue: string | null;
  readonly isCalled: boolean;
}

interface SequenceRow {
  oid: string;
  schema: string;
  name: string;
  owner: string;
  acl: string | null;
  baseacl: string;
  nspoid: string;
  datatype: string;
  seqstart: string;
  seqincrement: string;
  seqmin: string;
  seqmax: string;
  seqcache: string;
  seqcycle: boolean;
  relpersistence: string;
  ownertable: string | null;
  ownercolumn: string | null;
  deptype: string | null;
}

export async function readSequences(ctx: CatalogContext, comments: CommentMap): Promise<SequenceObject[]> {
  const rows = await ctx.client.query<SequenceRow>(
    `SELECT c.oid::int8 AS oid, n.nspname AS schema, c.relname AS name, n.oid::int8 AS nspoid,
            pg_catalog.pg_get_userbyid(c.relowner) AS owner, c.relacl::text AS acl,
            pg_catalog.acldefault('s', c.relowner)::text AS baseacl,
            pg_catalog.format_type(s.seqtypid, NULL) AS datatype,
            s.seqstart::text AS seqstart, s.seqincrement::text AS seqincrement, s.seqmin::text AS seqmin,
            s.seqmax::text AS seqmax, s.seqcache::text AS seqcache, s.seqcycle, c.relpersistence,
            d.refobjid::int8 AS ownertable, a.attname AS ownercolumn, d.deptype
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid
       LEFT JOIN pg_catalog.pg_depend d
         ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid
        AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.refobjsubid > 0
        AND d.deptype IN ('a', 'i')
       LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
      WHERE c.relkind = 'S' AND ${SYSTEM_SCHEMA_FILTER}`,
  );
  const state = await readSequenceState(ctx, rows);
  return rows.map((r) => {
    const oid = Number(r.oid);
    const st = state.get(oid);
    return {
      kind: 'sequence',
      ...baseFields('pg_class', oid, r, comments.get(commentKey('pg_class', oid)) ?? null),
      aliases: [],
      // OWNED BY needs the table; pg_depend records that tie on the column only.
      implicitDeps:
        r.ownertable && r.deptype === 'a'
          ? [objectId('pg_namespace', r.nspoid), objectId('pg_class', r.ownertable)]
          : [objectId('pg_namespace', r.nspoid)],
      dataType: r.datatype,
      start: r.seqstart,
      increment: r.seqincrement,
      min: r.seqmin,
      max: r.seqmax,
      cache: r.seqcache,
      cycle: r.seqcycle,
      unlogged: r.relpersistence === 'u',
      ownedBy:
        r.ownertable && r.ownercolumn
          ? { tableId: objectId('pg_class', r.ownertable), column: r.ownercolumn, identity: r.deptype === 'i' }
          : null,
      lastValue: st?.lastValue ?? null,
      isCalled: st?.isCalled ?? false,
    };
  });
}

const STATE_BATCH = 400;

/**
 * last_value/is_called of every sequence. 18+ has pg_get_sequence_data() for a set-based
 * read; older servers need `SELECT ... FROM seq`, batched with UNION ALL so the number of
 * round trips stays small however many sequences there are.
 */
async function readSequenceState(
  ctx: CatalogContext,
  rows: readonly SequenceRow[],
): Promise<Map<number, { lastValue: string | null; isCalled: boolean }>> {
  const out = new Map<number, { lastValue: string | null; isCalled: boolean }>();
  if (rows.length === 0) return out;
  // A sequence the role may not read (no SELECT on it, or no USAGE on its schema, like a
  // platform-owned schema on a managed service) has no value to dump: leave it unread rather
  // than fail the whole catalog read; the selection step reports it if it is to be dumped.
  const readable = new Set((await ctx.client.query<{ oid: string }>(
    `SELECT c.oid::int8 AS oid FROM pg_catalog.pg_class c
      WHERE c.oid = ANY($1::oid[]) AND pg_catalog.has_schema_privilege(c.relnamespace, 'USAGE')
        AND pg_catalog.has_table_privilege(c.oid, 'SELECT')`,
    [rows.map((r) => r.oid)],
  )).map((r) => r.oid));
  rows = rows.filter((r) => readable.has(String(r.oid)));
  if (rows.length === 0) return out;
  type StateRow = { oid: string; last_value: string | null; is_called: boolean | null };
  if (ctx.version >= 180000) {
    const res = await ctx.client.query<StateRow>(
      `SELECT c.oid::int8 AS oid, d.last_value::text AS last_value, d.is_called
         FROM pg_catalog.pg_class c, LATERAL pg_catalog.pg_get_sequence_data(c.oid) d
        WHERE c.oid = ANY($1::oid[])`,
      [rows.map((r) => r.oid)],
    );
    for (const r of res) out.set(Number(r.oid), { lastValue: r.last_value, isCalled: r.is_called ?? false });
    return out;
  }
  for (let i = 0; i < rows.length; i += STATE_BATCH) {
    const batch = rows.slice(i, i + STATE_BATCH);
    const sql = batch
      .map((r) => `SELECT ${Number(r.oid)}::int8 AS oid, last_value::text AS last_value, is_called FROM ${qualify(r.schema, r.name)}`)
      .join('\nUNION ALL\n');
    for (const r of await ctx.client.query<StateRow>(sql)) {
      out.set(Number(r.oid), { lastValue: r.last_value, isCalled: r.is_called ?? false });
    }
  }
  return out;
}
