import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';
import { quoteIdent } from '../src/sql/quote.js';

/** A table constraint: primary key, unique, exclusion, foreign key or check. */
export interface ConstraintObject extends ObjectBase {
  readonly kind: 'constraint';
  /** 'n' only for 18+ NOT NULL constraints that are NOT VALID (the others print with their column) */
  readonly contype: 'p' | 'u' | 'x' | 'f' | 'c' | 'n';
  readonly tableId: string;
  readonly tableName: string;
  /** pg_get_constraintdef output */
  readonly definition: string;
  readonly validated: boolean;
  readonly isLocal: boolean;
  /** the constraint's index (p/u/x), whose catalog rows belong to the constraint */
  readonly indexOid: number | null;
  readonly indexClustered: boolean;
  /** name and comment of the constraint's own index (COMMENT ON INDEX works on it) */
  readonly indexName: string | null;
  readonly indexReplicaIdentity?: boolean;
  readonly indexTablespace?: string | null;
  readonly indexComment: string | null;
  /** cloned from a partitioned table's constraint (conparentid) */
  readonly inheritedFromPartitionParent: boolean;
  readonly tableRelkind: string;
  readonly tableIsPartition: boolean;
}

interface KeyIndexRow {
  keycols: string[] | null;
  includecols: string[] | null;
  indreloptions: string[] | null;
  nullsnotdistinct: boolean;
  condeferrable: boolean;
  condeferred: boolean;
}

/**
 * PRIMARY KEY / UNIQUE spelled from the index, as pg_dump does: pg_get_constraintdef
 * leaves out the index's storage parameters (WITH (fillfactor=...)).
 */
function keyDefinition(contype: 'p' | 'u', r: KeyIndexRow): string {
  const q = (n: string) => quoteIdent(n);
  let def = contype === 'p' ? 'PRIMARY KEY' : 'UNIQUE';
  if (r.nullsnotdistinct) def += ' NULLS NOT DISTINCT';
  def += ` (${(r.keycols ?? []).map(q).join(', ')})`;
  if (r.includecols?.length) def += ` INCLUDE (${r.includecols.map(q).join(', ')})`;
  if (r.indreloptions?.length) def += ` WITH (${formatReloptions(r.indreloptions)})`;
  if (r.condeferrable) def += ' DEFERRABLE';
  if (r.condeferred) def += ' INITIALLY DEFERRED';
  return def;
}

function formatReloptions(options: readonly string[]): string {
  return options
    .map((o) => {
      const eq = o.indexOf('=');
      return `${o.slice(0, eq)}='${o.slice(eq + 1).replace(/'/g, "''")}'`;
    })
    .join(', ');
}

interface ConstraintRow extends KeyIndexRow {
  oid: string;
  conname: string;
  contype: ConstraintObject['contype'];
  schema: string;
  tablename: string;
  relid: string;
  owner: string;
  def: string;
  convalidated: boolean;
  conislocal: boolean;
  conindid: string;
  indisclustered: boolean | null;
  hasparent: boolean;
  indexname: string | null;
  indisreplident: boolean | null;
  indtablespace: string | null;
  relkind: string;
  relispartition: boolean;
}

export async function readConstraints(ctx: CatalogContext, comments: CommentMap): Promise<ConstraintObject[]> {
  const rows = await ctx.client.query<ConstraintRow>(
    `SELECT co.oid::int8 AS oid, co.conname, co.contype, n.nspname AS schema, c.relname AS tablename,
            c.oid::int8 AS relid, pg_catalog.pg_get_userbyid(c.relowner) AS owner,
            pg_catalog.pg_get_constraintdef(co.oid) AS def, co.convalidated, co.conislocal,
            co.conindid::int8 AS conindid, i.indisclustered, co.conparentid <> 0 AS hasparent,
            c.relkind, c.relispartition, co.condeferrable, co.condeferred,
            ic.reloptions AS indreloptions, ic.relname AS indexname, i.indisreplident,
            (SELECT t.spcname FROM pg_catalog.pg_tablespace t WHERE t.oid = ic.reltablespace) AS indtablespace,
            ${ctx.version >= 150000 ? 'i.indnullsnotdistinct' : 'false'} AS nullsnotdistinct,
            -- spelled out only when pg_get_constraintdef would lose the index's storage parameters
            CASE WHEN ic.reloptions IS NOT NULL THEN
            (SELECT pg_catalog.array_agg(a.attname::text ORDER BY k.n)
               FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              WHERE k.n <= i.indnkeyatts) END AS keycols,
            CASE WHEN ic.reloptions IS NOT NULL THEN
            (SELECT pg_catalog.array_agg(a.attname::text ORDER BY k.n)
               FROM unnest(i.indkey::int2[]) WITH ORDINALITY k(attnum, n)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              WHERE k.n > i.indnkeyatts) END AS includecols
       FROM pg_catalog.pg_constraint co
       JOIN pg_catalog.pg_class c ON c.oid = co.conrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = co.conindid AND co.contype IN ('p', 'u', 'x')
       LEFT JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
      WHERE (co.contype IN ('p', 'u', 'x', 'f', 'c') OR (co.contype = 'n' AND NOT co.convalidated))
        AND c.relkind IN ('r', 'p', 'f')
        AND ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const tableId = objectId('pg_class', r.relid);
    const ownsIndex = r.contype === 'p' || r.contype === 'u' || r.contype === 'x';
    const indexOid = ownsIndex && Number(r.conindid) !== 0 ? Number(r.conindid) : null;
    return {
      kind: 'constraint',
      id: objectId('pg_constraint', oid),
      oid,
      schema: r.schema,
      name: r.conname,
      owner: r.owner,
      acl: null,
      baseAcl: null,
      comment: comments.get(commentKey('pg_constraint', oid)) ?? null,
      aliases: indexOid !== null ? [objectId('pg_class', indexOid)] : [],
      implicitDeps: [tableId],
      contype: r.contype,
      tableId,
      tableName: r.tablename,
      definition: (r.contype === 'p' || r.contype === 'u') && r.keycols ? keyDefinition(r.contype, r) : r.def,
      validated: r.convalidated,
      isLocal: r.conislocal,
      indexOid,
      indexClustered: r.indisclustered ?? false,
      indexName: indexOid !== null ? r.indexname : null,
      indexReplicaIdentity: r.indisreplident ?? false,
      indexTablespace: r.indtablespace,
      indexComment: indexOid !== null ? comments.get(commentKey('pg_class', indexOid)) ?? null : null,
      inheritedFromPartitionParent: r.hasparent,
      tableRelkind: r.relkind,
      tableIsPartition: r.relispartition,
    };
  });
}
