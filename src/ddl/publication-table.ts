import type { PublicationTableObject } from '../../catalog/publication-tables.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import type { ObjectDdl } from './common.js';

export function emitPublicationTable(p: PublicationTableObject): ObjectDdl {
  const pub = quoteIdent(p.publication);
  const table = qualify(p.schema, p.tableName);
  let create = `ALTER PUBLICATION ${pub} ADD TABLE ONLY ${table}`;
  if (p.columns) create += ` (${p.columns.map(quoteIdent).join(', ')})`;
  if (p.where !== null) create += ` WHERE (${p.where})`;
  return {
    desc: 'PUBLICATION TABLE',
    tag: `${p.publication} ${p.tableName}`,
    create: `${create};`,
    drop: `ALTER PUBLICATION ${pub} DROP TABLE ONLY ${table};`,
    owner: '',
    comments: [],
    aclLabel: null,
    acl: '',
  };
}
