import type { StatisticsObject } from '../../catalog/statistics.js';
import { qualify } from '../sql/quote.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';

export function emitStatistics(s: StatisticsObject): ObjectDdl {
  const name = qualify(s.schema, s.name);
  const label = `STATISTICS ${name}`;
  let create = `${s.definition};`;
  if (s.statisticsTarget !== null) create += `\nALTER ${label} SET STATISTICS ${s.statisticsTarget};`;
  return {
    desc: 'STATISTICS',
    tag: s.name,
    create,
    drop: `DROP ${label};`,
    owner: ownerStatement(label, s.owner),
    comments: commentOn(label, s.comment),
    aclLabel: null,
    acl: '',
  };
}
