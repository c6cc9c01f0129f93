import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import { fdwOptionsJson, toFdwOptions, type FdwOption } from './fdw-options.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';
import type { SequenceObject } from './sequences.js';
import type { Column } from './tables.js';

export interface ForeignTableObject extends ObjectBase {
  readonly kind: 'foreign-table';
  readonly server: string;
  readonly options: readonly FdwOption[];
  readonly columns: readonly Column[];
  /** per-column generic options, by column name */
  readonly columnOptions: ReadonlyMap<string, readonly FdwOption[]>;
  /** qualified parent names, in inheritance order (the partitioned parent for a partition) */
  readonly parents: readonly { readonly schema: string; readonly name: string }[];
  /** FOR VALUES ... when the foreign table is a partition */
  readonly partitionBound: string | null;
  readonly identitySequences: ReadonlyMap<string, SequenceObject>;
}

interface ForeignTableRow {
  oid: string;
  schema: string;
  name: string;
  owner: string;
  acl: string | null;
  baseacl: string;
  nspoid: string;
  reltype: string;
  srvoid: string;
  srvname: string;
  options: [string, string | null][] | null;
  coloptions: { name: string; options: [string, string | null][] }[] | null;
  partbound: string | null;
  parents: { schema: string; name: string }[] | null;
}

export async function readForeignTables(
  ctx: CatalogContext,
  comments: CommentMap,
  columns: ReadonlyMap<number, Column[]>,
  sequences: readonly SequenceObject[],
): Promise<ForeignTableObject[]> {
  const rows = await ctx.client.query<ForeignTableRow>(
    `SELECT c.oid::int8 AS oid, n.nspname AS schema, c.relname AS name, n.oid::int8 AS nspoid,
            pg_catalog.pg_get_userbyid(c.relowner) AS owner, c.relacl::text AS acl,
            pg_catalog.acldefault('r', c.relowner)::text AS baseacl, c.reltype::int8 AS reltype,
            s.oid::int8 AS srvoid, s.srvname, ${fdwOptionsJson('ft.ftoptions')} AS options,
            (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('name', a.attname,
                      'options', ${fdwOptionsJson('a.attfdwoptions')}) ORDER BY a.attnum)
               FROM pg_catalog.pg_attribute a
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                AND a.attfdwoptions IS NOT NULL) AS coloptions,
            CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END AS partbound,
            (SELECT pg_catalog.json_agg(pg_catalog.json_build_object('schema', pn.nspname, 'name', p.relname)
                                        ORDER BY i.inhseqno)
               FROM pg_catalog.pg_inherits i
               JOIN pg_catalog.pg_class p ON p.oid = i.inhparent
               JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace
              WHERE i.inhrelid = c.oid) AS parents
       FROM pg_catalog.pg_foreign_table ft
       JOIN pg_catalog.pg_class c ON c.oid = ft.ftrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_catalog.pg_foreign_server s ON s.oid = ft.ftserver
      WHERE c.relkind = 'f' AND ${SYSTEM_SCHEMA_FILTER}`,
  );
  const identity = new Map<string, Map<string, SequenceObject>>();
  for (const s of sequences) {
    if (!s.ownedBy?.identity) continue;
    const m = identity.get(s.ownedBy.tableId) ?? new Map<string, SequenceObject>();
    m.set(s.ownedBy.column, s);
    identity.set(s.ownedBy.tableId, m);
  }
  return rows.map((r) => {
    const oid = Number(r.oid);
    const id = objectId('pg_class', oid);
    const idSeqs = identity.get(id) ?? new Map<string, SequenceObject>();
    return {
      kind: 'foreign-table',
      ...baseFields('pg_class', oid, r, comments.get(commentKey('pg_class', oid)) ?? null),
      aliases: [objectId('pg_type', r.reltype), ...[...idSeqs.values()].map((s) => s.id)],
      implicitDeps: [objectId('pg_namespace', r.nspoid), objectId('pg_foreign_server', r.srvoid)],
      server: r.srvname,
      options: toFdwOptions(r.options),
      columns: columns.get(oid) ?? [],
      columnOptions: new Map((r.coloptions ?? []).map((c) => [c.name, toFdwOptions(c.options)])),
      parents: (r.parents ?? []).map((p) => ({ schema: p.schema, name: p.name })),
      partitionBound: r.partbound,
      identitySequences: idSeqs,
    };
  });
}
