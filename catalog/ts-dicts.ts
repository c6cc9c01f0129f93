import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';
import type { QualifiedName } from './ts-common.js';

export interface TsDictObject extends ObjectBase {
  readonly kind: 'ts-dict';
  readonly template: QualifiedName;
  /**
   * dictinitoption as the server stored it (`stopwords = 'english', accept = 'false'`): the
   * server wrote it as a valid option list, so it is replayed verbatim as pg_dump does.
   */
  readonly options: string | null;
}

interface TsDictRow {
  oid: string;
  schema: string;
  name: string;
  nspoid: string;
  owner: string;
  tmploid: string;
  tmplschema: string;
  tmplname: string;
  options: string | null;
}

export async function readTsDicts(ctx: CatalogContext, comments: CommentMap): Promise<TsDictObject[]> {
  const rows = await ctx.client.query<TsDictRow>(
    `SELECT d.oid::int8 AS oid, n.nspname AS schema, d.dictname AS name, n.oid::int8 AS nspoid,
            pg_catalog.pg_get_userbyid(d.dictowner) AS owner, t.oid::int8 AS tmploid,
            tn.nspname AS tmplschema, t.tmplname, d.dictinitoption AS options
       FROM pg_catalog.pg_ts_dict d
       JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace
       JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate
       JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace
      WHERE ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'ts-dict',
      ...baseFields('pg_ts_dict', oid, r, comments.get(commentKey('pg_ts_dict', oid)) ?? null),
      aliases: [],
      implicitDeps: [objectId('pg_namespace', r.nspoid), objectId('pg_ts_template', r.tmploid)],
      template: { schema: r.tmplschema, name: r.tmplname },
      options: r.options,
    };
  });
}
