import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';
import type { SequenceObject } from './sequences.js';

export interface Column {
  readonly attnum: number;
  readonly name: string;
  readonly type: string;
  readonly notNull: boolean;
  /** 18+: the NOT NULL constraint row behind notNull (named, possibly NOT VALID or NO INHERIT) */
  readonly notNullConstraint: {
    readonly name: string;
    readonly validated: boolean;
    readonly noInherit: boolean;
    readonly isLocal: boolean;
    readonly comment?: string | null;
  } | null;
  /** 'a' ALWAYS, 'd' BY DEFAULT, '' none */
  readonly identity: '' | 'a' | 'd';
  /** expression of a generated column ('s' stored, 'v' virtual on 18+) */
  readonly generated: { readonly kind: 's' | 'v'; readonly expr: string } | null;
  readonly collation: string | null;
  readonly isLocal: boolean;
  readonly inheritCount: number;
  /** an inheritance parent's column of the same name is generated (the child inherits the expression) */
  readonly parentGenerated?: boolean;
  /** an inheritance parent's column of the same name is NOT NULL (before 18 the child's attnotnull may just be inherited) */
  readonly parentNotNull?: boolean;
  readonly statisticsTarget: number | null;
  /** storage when it differs from the type's default: p, e, m, x */
  readonly storage: string | null;
  readonly options: readonly string[];
  readonly compression: string | null;
  readonly acl: string | null;
  readonly comment: string | null;
}

export interface TableObject extends ObjectBase {
  readonly kind: 'table';
  /** 'r' ordinary, 'p' partitioned */
  readonly relkind: 'r' | 'p';
  readonly unlogged: boolean;
  readonly columns: readonly Column[];
  readonly reloptions: readonly string[];
  readonly toastOptions: readonly string[];
  readonly tablespace: string | null;
  readonly accessMethod: string | null;
  readonly rowSecurity: boolean;
  readonly forceRowSecurity: boolean;
  readonly replicaIdentity: string;
  readonly partitionKey: string | null;
  readonly partitionBound: string | null;
  readonly isPartition: boolean;
  /** CREATE TABLE ... OF this composite type */
  readonly ofType?: string | null;
  /** qualified parent names, in inheritance order */
  readonly parents: readonly { readonly schema: string; readonly name: string; readonly oid: number }[];
  /** identity sequences belong to their table */
  readonly identitySequences: ReadonlyMap<string, SequenceObject>;
  /** estimated size in bytes, for ordering parallel work */
  readonly estimatedBytes: number;
  /** estimated rows (reltuples; null when never vacuumed or analyzed), for progress */
  readonly estimatedRows?: number | null;
}

interface TableRow {
  oid: string;
  schema: string;
  name: string;
  owner: string;
  acl: string | null;
  baseacl: string;
  nspoid: string;
  relkind: 'r' | 'p';
  relpersistence: string;
  reloptions: string[] | null;
  toastoptions: string[] | null;
  tablespace: string | null;
  amname: string | null;
  relrowsecurity: boolean;
  relforcerowsecurity: boolean;
  relreplident: string;
  reltype: string;
  partkey: string | null;
  partbound: string | null;
  relispartition: boolean;
  oftype: string | null;
  parents: { schema: string; name: string; oid: number }[] | null;
  bytes: string;
  tuples: number;
}

interface ColumnRow {
  attrelid: string;
  attnum: number;
  attname: string;
  type: string;
  attnotnull: boolean;
  nnname: string | null;
  nnvalidated: boolean | null;
  nnnoinherit: boolean | null;
  nnislocal: boolean | null;
  nnoid: string | null;
  attidentity: string;
  attgenerated: string;
  genexpr: string | null;
  collation: string | null;
  attislocal: boolean;
  attinhcount: number;
  parentgenerated: boolean;
  parentnotnull: boolean;
  stattarget: number | null;
  storage: string | null;
  attoptions: string[] | null;
  compression: string | null;
  attacl: string | null;
}

export async function readTables(
  ctx: CatalogContext,
  comments: CommentMap,
  sequences: readonly SequenceObject[],
  columns: ReadonlyMap<number, Column[]>,
): Promise<TableObject[]> {
  const rows = await ctx.client.query<TableRow>(
    `SELECT c.oid::int8 AS oid, n.nspname AS schema, c.relname AS name, n.oid::int8 AS nspoid,
            pg_catalog.pg_get_userbyid(c.relowner) AS owner, c.relacl::text AS acl,
            pg_catalog.acldefault('r', c.relowner)::text AS baseacl,
            c.relkind, c.relpersistence, c.reloptions, tc.reloptions AS toastoptions,
            ts.spcname AS tablespace, am.amname, c.relrowsecurity, c.relforcerowsecurity, c.relispartition,
            CASE WHEN c.reloftype <> 0 THEN pg_catalog.format_type(c.reloftype, NULL) END AS oftype,
            c.relreplident, c.reltype::int8 AS reltype,
            CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END AS partkey,
            CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partbound,
            (SELECT pg_catalog.json_agg(json_build_object('schema', pn.nspname, 'name', p.relname, 'oid', p.oid)
                                        ORDER BY i.inhseqno)
               FROM pg_catalog.pg_inherits i
               JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
               JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
              WHERE i.inhrelid = c.oid) AS parents,
            (c.relpages::int8 * 8192) AS bytes, c.reltuples::float8 AS tuples
       FROM pg_catalog.pg_class c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_class tc ON tc.oid = c.reltoastrelid
       LEFT JOIN pg_catalog.pg_tablespace ts ON ts.oid = c.reltablespace
       LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam
      WHERE c.relkind IN ('r', 'p') AND ${SYSTEM_SCHEMA_FILTER}`,
  );
  const identity = new Map<string, Map<string, SequenceObject>>();
  for (const s of sequences) {
    if (s.ownedBy && s.ownedBy.identity) {
      const m = identity.get(s.ownedBy.tableId) ?? new Map<string, SequenceObject>();
      m.set(s.ownedBy.column, s);
      identity.set(s.ownedBy.tableId, m);
    }
  }
  return rows.map((r) => {
    const oid = Number(r.oid);
    const id = objectId('pg_class', oid);
    const idSeqs = identity.get(id) ?? new Map<string, SequenceObject>();
    return {
      kind: 'table',
      ...baseFields('pg_class', oid, r, comments.get(commentKey('pg_class', oid)) ?? null),
      aliases: [objectId('pg_type', r.reltype), ...[...idSeqs.values()].map((s) => s.id)],
      implicitDeps: [objectId('pg_namespace', r.nspoid)],
      relkind: r.relkind,
      unlogged: r.relpersistence === 'u',
      columns: columns.get(oid) ?? [],
      reloptions: r.reloptions ?? [],
      toastOptions: r.toastoptions ?? [],
      tablespace: r.tablespace,
      accessMethod: r.amname,
      rowSecurity: r.relrowsecurity,
      forceRowSecurity: r.relforcerowsecurity,
      replicaIdentity: r.relreplident,
      partitionKey: r.partkey,
      partitionBound: r.partbound,
      isPartition: r.relispartition,
      ofType: r.oftype,
      parents: (r.parents ?? []).map((p) => ({ schema: p.schema, name: p.name, oid: Number(p.oid) })),
      identitySequences: idSeqs,
      estimatedBytes: Number(r.bytes),
      // reltuples is -1 (14+) or 0 with relpages 0 (13) before the first VACUUM or ANALYZE.
      estimatedRows: r.tuples < 0 || (r.tuples === 0 && Number(r.bytes) === 0) ? null : Math.round(r.tuples),
    };
  });
}

/** Every user column of every table, view and composite in one pass, grouped by relation. */
export async function readColumns(ctx: CatalogContext, comments: CommentMap): Promise<Map<number, Column[]>> {
  const v = ctx.version;
  const rows = await ctx.client.query<ColumnRow>(
    `SELECT a.attrelid::int8 AS attrelid, a.attnum, a.attname,
            pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull, a.attidentity, a.attgenerated,
            ${v >= 180000 ? 'nn.conname' : 'NULL'} AS nnname, ${v >= 180000 ? 'nn.convalidated' : 'NULL'} AS nnvalidated,
            ${v >= 180000 ? 'nn.connoinherit' : 'NULL'} AS nnnoinherit,
            ${v >= 180000 ? 'nn.conislocal' : 'NULL'} AS nnislocal,
            ${v >= 180000 ? 'nn.oid::int8' : 'NULL'} AS nnoid,
            CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END AS genexpr,
            CASE WHEN a.attcollation <> t.typcollation
                 THEN pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname) END AS collation,
            a.attislocal, a.attinhcount,
            a.attinhcount > 0 AND EXISTS (
              SELECT 1 FROM pg_catalog.pg_inherits i
                JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
               WHERE i.inhrelid = a.attrelid AND pa.attgenerated <> '') AS parentgenerated,
            a.attinhcount > 0 AND EXISTS (
              SELECT 1 FROM pg_catalog.pg_inherits i
                JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
               WHERE i.inhrelid = a.attrelid AND pa.attnotnull) AS parentnotnull,
            ${v >= 170000 ? 'a.attstattarget' : 'NULLIF(a.attstattarget, -1)'}::int AS stattarget,
            CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage::text END AS storage,
            a.attoptions,
            ${v >= 140000 ? `NULLIF(a.attcompression::text, '')` : 'NULL'} AS compression,
            a.attacl::text AS attacl
       FROM pg_catalog.pg_attribute a
       JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
       LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
       LEFT JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
       ${v >= 180000 ? `LEFT JOIN pg_catalog.pg_constraint nn
         ON nn.conrelid = a.attrelid AND nn.contype = 'n' AND nn.conkey[1] = a.attnum` : ''}
      WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND ${SYSTEM_SCHEMA_FILTER}
      ORDER BY a.attrelid, a.attnum`,
  );
  const byRel = new Map<number, Column[]>();
  for (const r of rows) {
    const relid = Number(r.attrelid);
    let list = byRel.get(relid);
    if (!list) byRel.set(relid, (list = []));
    list.push({
      attnum: r.attnum,
      name: r.attname,
      type: r.type,
      notNull: r.attnotnull,
      notNullConstraint: r.nnname ? { name: r.nnname, validated: !!r.nnvalidated, noInherit: !!r.nnnoinherit, isLocal: !!r.nnislocal,
            comment: r.nnoid ? comments.get(commentKey('pg_constraint', Number(r.nnoid))) ?? null : null } : null,
      identity: r.attidentity as Column['identity'],
      generated: r.attgenerated ? { kind: r.attgenerated as 's' | 'v', expr: r.genexpr ?? '' } : null,
      collation: r.collation,
      isLocal: r.attislocal,
      inheritCount: r.attinhcount,
      parentGenerated: r.parentgenerated,
      parentNotNull: r.parentnotnull,
      statisticsTarget: r.stattarget,
      storage: r.storage,
      options: r.attoptions ?? [],
      compression: r.compression,
      acl: r.attacl,
      comment: comments.get(commentKey('pg_class', relid, r.attnum)) ?? null,
    });
  }
  return byRel;
}

/** Whether CREATE TABLE lists the column (inheritance children leave out inherited ones). */
export function printsColumn(t: TableObject, c: Column): boolean {
  return t.parents.length === 0 || t.isPartition || c.isLocal;
}
