import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';

export interface SubscriptionObject extends ObjectBase {
  readonly kind: 'subscription';
  readonly conninfo: string;
  readonly slotName: string | null;
  readonly publications: readonly string[];
  readonly synchronousCommit: string;
  /** 14+ */
  readonly binary: boolean;
  /** 14+: 'f' off, 't' on, 'p' parallel (16+) */
  readonly streaming: 'f' | 't' | 'p';
  /** 15+: 'd' disabled, 'p' pending, 'e' enabled */
  readonly twoPhase: 'd' | 'p' | 'e';
  /** 15+ */
  readonly disableOnError: boolean;
  /** 16+: 'any' or 'none' */
  readonly origin: string;
  /** 16+ */
  readonly passwordRequired: boolean;
  /** 16+ */
  readonly runAsOwner: boolean;
  /** 17+ */
  readonly failover: boolean;
}

interface SubscriptionRow {
  oid: string;
  name: string;
  owner: string;
  conninfo: string;
  slotname: string | null;
  publications: string[];
  synccommit: string;
  binary: boolean;
  stream: string;
  twophase: 'd' | 'p' | 'e';
  disableonerr: boolean;
  origin: string;
  passwordrequired: boolean;
  runasowner: boolean;
  failover: boolean;
}

/**
 * Subscriptions of the current database. The connection string is readable by superusers
 * only (the column is not granted to PUBLIC); without it, like pg_dump run by a
 * non-superuser, subscriptions are left out.
 */
export async function readSubscriptions(ctx: CatalogContext, comments: CommentMap): Promise<SubscriptionObject[]> {
  const v = ctx.version;
  const [access] = await ctx.client.query<{ readable: boolean }>(
    `SELECT pg_catalog.has_column_privilege('pg_catalog.pg_subscription', 'subconninfo', 'SELECT') AS readable`,
  );
  if (!access?.readable) return [];
  const rows = await ctx.client.query<SubscriptionRow>(
    `SELECT s.oid::int8 AS oid, s.subname AS name, pg_catalog.pg_get_userbyid(s.subowner) AS owner,
            s.subconninfo AS conninfo, s.subslotname AS slotname, s.subpublications AS publications,
            s.subsynccommit AS synccommit,
            ${v >= 140000 ? 's.subbinary' : 'false'} AS binary,
            ${v >= 160000 ? 's.substream::text' : v >= 140000 ? `CASE WHEN s.substream THEN 't' ELSE 'f' END` : `'f'`} AS stream,
            ${v >= 150000 ? 's.subtwophasestate::text' : `'d'`} AS twophase,
            ${v >= 150000 ? 's.subdisableonerr' : 'false'} AS disableonerr,
            ${v >= 160000 ? 's.suborigin' : `'any'`} AS origin,
            ${v >= 160000 ? 's.subpasswordrequired' : 'true'} AS passwordrequired,
            ${v >= 160000 ? 's.subrunasowner' : 'false'} AS runasowner,
            ${v >= 170000 ? 's.subfailover' : 'false'} AS failover
       FROM pg_catalog.pg_subscription s
      WHERE s.subdbid = (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database())`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'subscription',
      id: objectId('pg_subscription', oid),
      oid,
      schema: null,
      name: r.name,
      owner: r.owner,
      acl: null,
      baseAcl: null,
      comment: comments.get(commentKey('pg_subscription', oid)) ?? null,
      aliases: [],
      implicitDeps: [],
      conninfo: r.conninfo,
      slotName: r.slotname,
      publications: r.publications,
      synchronousCommit: r.synccommit,
      binary: r.binary,
      streaming: r.stream === 't' || r.stream === 'p' ? r.stream : 'f',
      twoPhase: r.twophase,
      disableOnError: r.disableonerr,
      origin: r.origin,
      passwordRequired: r.passwordrequired,
      runAsOwner: r.runasowner,
      failover: r.failover,
    };
  });
}
