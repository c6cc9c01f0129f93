import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

export interface ConversionObject extends ObjectBase {
  readonly kind: 'conversion';
  readonly forEncoding: string;
  readonly toEncoding: string;
  readonly functionSchema: string;
  readonly functionName: string;
  readonly isDefault: boolean;
}

interface ConversionRow {
  oid: string;
  schema: string;
  name: string;
  owner: string;
  nspoid: string;
  forenc: string;
  toenc: string;
  fnschema: string;
  fnname: string;
  isdefault: boolean;
}

/** User encoding conversions; the built-in ones live in pg_catalog. */
export async function readConversions(ctx: CatalogContext, comments: CommentMap): Promise<ConversionObject[]> {
  const rows = await ctx.client.query<ConversionRow>(
    `SELECT c.oid::int8 AS oid, n.nspname AS schema, c.conname AS name, n.oid::int8 AS nspoid,
            pg_catalog.pg_get_userbyid(c.conowner) AS owner,
            pg_catalog.pg_encoding_to_char(c.conforencoding) AS forenc,
            pg_catalog.pg_encoding_to_char(c.contoencoding) AS toenc,
            pn.nspname AS fnschema, p.proname AS fnname, c.condefault AS isdefault
       FROM pg_catalog.pg_conversion c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace
       JOIN pg_catalog.pg_proc p ON p.oid = c.conproc
       JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace
      WHERE ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'conversion',
      ...baseFields('pg_conversion', oid, r, comments.get(commentKey('pg_conversion', oid)) ?? null),
      aliases: [],
      implicitDeps: [objectId('pg_namespace', r.nspoid)],
      forEncoding: r.forenc,
      toEncoding: r.toenc,
      functionSchema: r.fnschema,
      functionName: r.fnname,
      isDefault: r.isdefault,
    };
  });
}
