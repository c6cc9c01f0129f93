import type { CatalogContext } from './client.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

/** 15+: ALTER PUBLICATION ... ADD TABLES IN SCHEMA, one item per (publication, schema). */
export interface PublicationSchemaObject extends ObjectBase {
  readonly kind: 'publication-schema';
  readonly publication: string;
}

interface PublicationSchemaRow {
  oid: string;
  pubname: string;
  pubid: string;
  owner: string;
  nspoid: string;
  schema: string;
}

export async function readPublicationSchemas(ctx: CatalogContext): Promise<PublicationSchemaObject[]> {
  if (ctx.version < 150000) return [];
  const rows = await ctx.client.query<PublicationSchemaRow>(
    `SELECT pn.oid::int8 AS oid, p.pubname, p.oid::int8 AS pubid, pg_catalog.pg_get_userbyid(p.pubowner) AS owner,
            n.oid::int8 AS nspoid, n.nspname AS schema
       FROM pg_catalog.pg_publication_namespace pn
       JOIN pg_catalog.pg_publication p ON p.oid = pn.pnpubid
       JOIN pg_catalog.pg_namespace n ON n.oid = pn.pnnspid
      WHERE ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'publication-schema',
      id: objectId('pg_publication_namespace', oid),
      oid,
      schema: r.schema,
      name: r.pubname,
      owner: r.owner,
      acl: null,
      baseAcl: null,
      comment: null,
      aliases: [],
      implicitDeps: [objectId('pg_publication', r.pubid), objectId('pg_namespace', r.nspoid)],
      publication: r.pubname,
    };
  });
}
