import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

/** Extended statistics (CREATE STATISTICS), a post-data part of its table. */
export interface StatisticsObject extends ObjectBase {
  readonly kind: 'statistics';
  readonly tableId: string;
  readonly tableName: string;
  /** CREATE STATISTICS ... from pg_get_statisticsobjdef, without the semicolon */
  readonly definition: string;
  /** the per-object statistics target, or null when the server default applies */
  readonly statisticsTarget: number | null;
}

interface StatisticsRow {
  oid: string;
  schema: string;
  name: string;
  nspoid: string;
  owner: string;
  relid: string;
  tablename: string;
  def: string;
  stattarget: number | null;
}

/**
 * The statistics object may live in another schema than its table; the server renders
 * both names qualified because the dump session's search_path is pg_catalog only.
 * A target below zero (before 17) and NULL (17+) both mean "the default".
 */
export async function readStatistics(ctx: CatalogContext, comments: CommentMap): Promise<StatisticsObject[]> {
  const rows = await ctx.client.query<StatisticsRow>(
    `SELECT s.oid::int8 AS oid, n.nspname AS schema, s.stxname AS name, n.oid::int8 AS nspoid,
            pg_catalog.pg_get_userbyid(s.stxowner) AS owner, c.oid::int8 AS relid, c.relname AS tablename,
            pg_catalog.pg_get_statisticsobjdef(s.oid) AS def, s.stxstattarget::int4 AS stattarget
       FROM pg_catalog.pg_statistic_ext s
       JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
       JOIN pg_catalog.pg_class c ON c.oid = s.stxrelid
      WHERE ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const tableId = objectId('pg_class', r.relid);
    return {
      kind: 'statistics',
      ...baseFields('pg_statistic_ext', oid, r, comments.get(commentKey('pg_statistic_ext', oid)) ?? null),
      aliases: [],
      implicitDeps: [objectId('pg_namespace', r.nspoid), tableId],
      tableId,
      tableName: r.tablename,
      definition: r.def,
      statisticsTarget: r.stattarget !== null && r.stattarget >= 0 ? r.stattarget : null,
    };
  });
}
