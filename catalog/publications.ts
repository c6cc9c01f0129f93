import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';

export interface PublicationObject extends ObjectBase {
  readonly kind: 'publication';
  readonly allTables: boolean;
  readonly insert: boolean;
  readonly update: boolean;
  readonly delete: boolean;
  readonly truncate: boolean;
  readonly viaRoot: boolean;
  /** 18+: 's' publishes stored generated columns, 'n' none */
  readonly generatedColumns: 'n' | 's';
}

interface PublicationRow {
  oid: string;
  name: string;
  owner: string;
  puballtables: boolean;
  pubinsert: boolean;
  pubupdate: boolean;
  pubdelete: boolean;
  pubtruncate: boolean;
  pubviaroot: boolean;
  pubgencols: 'n' | 's';
}

/** Publications themselves; their tables and schemas are separate post-data items. */
export async function readPublications(ctx: CatalogContext, comments: CommentMap): Promise<PublicationObject[]> {
  const rows = await ctx.client.query<PublicationRow>(
    `SELECT p.oid::int8 AS oid, p.pubname AS name, pg_catalog.pg_get_userbyid(p.pubowner) AS owner,
            p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate, p.pubviaroot,
            ${ctx.version >= 180000 ? 'p.pubgencols::text' : `'n'`} AS pubgencols
       FROM pg_catalog.pg_publication p`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'publication',
      id: objectId('pg_publication', oid),
      oid,
      schema: null,
      name: r.name,
      owner: r.owner,
      acl: null,
      baseAcl: null,
      comment: comments.get(commentKey('pg_publication', oid)) ?? null,
      aliases: [],
      implicitDeps: [],
      allTables: r.puballtables,
      insert: r.pubinsert,
      update: r.pubupdate,
      delete: r.pubdelete,
      truncate: r.pubtruncate,
      viaRoot: r.pubviaroot,
      generatedColumns: r.pubgencols === 's' ? 's' : 'n',
    };
  });
}
