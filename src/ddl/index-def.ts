import type { IndexObject } from '../../catalog/indexes.js';
import { qualify, quoteIdent, quoteLiteral } from '../sql/quote.js';
import { commentOn, type ObjectDdl } from './common.js';

export function emitIndex(i: IndexObject): ObjectDdl {
  const name = qualify(i.schema, i.name);
  let create = withTablespace(`${i.definition};`, i.tablespace);
  for (const [col, target] of i.columnStatistics) {
    create += `\nALTER INDEX ${name} ALTER COLUMN ${col} SET STATISTICS ${target};`;
  }
  if (i.clustered) create += `\nALTER TABLE ${qualify(i.schema, i.tableName)} CLUSTER ON ${quoteIdent(i.name)};`;
  if (i.replicaIdentity) create += `\nALTER TABLE ONLY ${qualify(i.schema, i.tableName)} REPLICA IDENTITY USING INDEX ${quoteIdent(i.name)};`;
  return {
    desc: 'INDEX',
    tag: i.name,
    create,
    drop: `DROP INDEX ${name};`,
    owner: '',
    comments: commentOn(`INDEX ${name}`, i.comment),
    aclLabel: null,
    acl: '',
  };
}

/**
 * CREATE INDEX has no tablespace clause in pg_get_indexdef's output: like pg_dump, name it
 * through default_tablespace for the one statement.
 */
export function withTablespace(sql: string, tablespace: string | null): string {
  if (!tablespace) return sql;
  return `SET default_tablespace = ${quoteLiteral(tablespace)};\n${sql}\nSET default_tablespace = '';`;
}
