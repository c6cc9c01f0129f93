import type { CatalogContext } from './client.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

/**
 * A partition's index attached to its partitioned table's index (pg_inherits between
 * indexes): ALTER INDEX parent ATTACH PARTITION child, once both exist.
 */
export interface IndexAttachObject extends ObjectBase {
  readonly kind: 'index-attach';
  readonly parentSchema: string;
  readonly parentName: string;
  /** the partition the child index is on; the attachment goes with it */
  readonly tableId: string;
}

interface AttachRow {
  childoid: string;
  childschema: string;
  childname: string;
  parentoid: string;
  parentschema: string;
  parentname: string;
  relid: string;
  owner: string;
}

export async function readIndexAttachments(ctx: CatalogContext): Promise<IndexAttachObject[]> {
  const rows = await ctx.client.query<AttachRow>(
    `SELECT ci.oid::int8 AS childoid, n.nspname AS childschema, ci.relname AS childname,
            pi.oid::int8 AS parentoid, pn.nspname AS parentschema, pi.relname AS parentname,
            x.indrelid::int8 AS relid, pg_catalog.pg_get_userbyid(ci.relowner) AS owner
       FROM pg_catalog.pg_inherits i
       JOIN pg_catalog.pg_class ci ON ci.oid = i.inhrelid AND ci.relkind IN ('i', 'I')
       JOIN pg_catalog.pg_index x ON x.indexrelid = ci.oid
       JOIN pg_catalog.pg_namespace n ON n.oid = ci.relnamespace
       JOIN pg_catalog.pg_class pi ON pi.oid = i.inhparent
       JOIN pg_catalog.pg_namespace pn ON pn.oid = pi.relnamespace
      WHERE ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.childoid);
    const tableId = objectId('pg_class', r.relid);
    return {
      kind: 'index-attach',
      id: `${objectId('pg_class', oid)}/attach`,
      oid,
      schema: r.childschema,
      name: r.childname,
      owner: r.owner,
      acl: null,
      baseAcl: null,
      comment: null,
      aliases: [],
      implicitDeps: [objectId('pg_class', oid), objectId('pg_class', r.parentoid)],
      parentSchema: r.parentschema,
      parentName: r.parentname,
      tableId,
    };
  });
}
