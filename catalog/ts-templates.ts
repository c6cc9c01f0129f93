import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';
import { procNameSql, qualifiedName, type QualifiedName } from './ts-common.js';

/** CREATE TEXT SEARCH TEMPLATE; templates have no owner and no privileges. */
export interface TsTemplateObject extends ObjectBase {
  readonly kind: 'ts-template';
  readonly init: QualifiedName | null;
  readonly lexize: QualifiedName;
}

interface TsTemplateRow {
  oid: string;
  schema: string;
  name: string;
  nspoid: string;
  init: string[] | null;
  lexize: string[];
}

export async function readTsTemplates(ctx: CatalogContext, comments: CommentMap): Promise<TsTemplateObject[]> {
  const rows = await ctx.client.query<TsTemplateRow>(
    `SELECT t.oid::int8 AS oid, n.nspname AS schema, t.tmplname AS name, n.oid::int8 AS nspoid,
            ${procNameSql('t.tmplinit')} AS init, ${procNameSql('t.tmpllexize')} AS lexize
       FROM pg_catalog.pg_ts_template t
       JOIN pg_catalog.pg_namespace n ON n.oid = t.tmplnamespace
      WHERE ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'ts-template',
      ...baseFields('pg_ts_template', oid, { schema: r.schema, name: r.name }, comments.get(commentKey('pg_ts_template', oid)) ?? null),
      aliases: [],
      implicitDeps: [objectId('pg_namespace', r.nspoid)],
      init: r.init ? qualifiedName(r.init) : null,
      lexize: qualifiedName(r.lexize),
    };
  });
}
