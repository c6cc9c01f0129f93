import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';
import { procNameSql, qualifiedName, type QualifiedName } from './ts-common.js';

/** CREATE TEXT SEARCH PARSER; parsers have no owner and no privileges. */
export interface TsParserObject extends ObjectBase {
  readonly kind: 'ts-parser';
  readonly start: QualifiedName;
  readonly getToken: QualifiedName;
  readonly end: QualifiedName;
  readonly lexTypes: QualifiedName;
  readonly headline: QualifiedName | null;
}

interface TsParserRow {
  oid: string;
  schema: string;
  name: string;
  nspoid: string;
  start: string[];
  gettoken: string[];
  end: string[];
  lextypes: string[];
  headline: string[] | null;
}

export async function readTsParsers(ctx: CatalogContext, comments: CommentMap): Promise<TsParserObject[]> {
  const rows = await ctx.client.query<TsParserRow>(
    `SELECT p.oid::int8 AS oid, n.nspname AS schema, p.prsname AS name, n.oid::int8 AS nspoid,
            ${procNameSql('p.prsstart')} AS start, ${procNameSql('p.prstoken')} AS gettoken,
            ${procNameSql('p.prsend')} AS "end", ${procNameSql('p.prslextype')} AS lextypes,
            ${procNameSql('p.prsheadline')} AS headline
       FROM pg_catalog.pg_ts_parser p
       JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace
      WHERE ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      kind: 'ts-parser',
      ...baseFields('pg_ts_parser', oid, { schema: r.schema, name: r.name }, comments.get(commentKey('pg_ts_parser', oid)) ?? null),
      aliases: [],
      implicitDeps: [objectId('pg_namespace', r.nspoid)],
      start: qualifiedName(r.start),
      getToken: qualifiedName(r.gettoken),
      end: qualifiedName(r.end),
      lexTypes: qualifiedName(r.lextypes),
      headline: r.headline ? qualifiedName(r.headline) : null,
    };
  });
}
