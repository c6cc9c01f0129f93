import type { IndexObject } from '../../catalog/indexes.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { commentOn, type ObjectDdl } from './common.js';

export function emitIndex(i: IndexObject): ObjectDdl {
  const name = qualify(i.schema, i.name);
  let create = `${i.definition};`;
  for (const [col, target] of i.columnStatistics) {
    create += `\nALTER INDEX ${name} ALTER COLUMN ${col} SET STATISTICS ${target};`;
  }
  if (i.clustered) create += `\nALTER TABLE ${qualify(i.schema, i.tableName)} CLUSTER ON ${quoteIdent(i.name)};`;
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
