import type { ConstraintObject } from '../../catalog/constraints.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { commentOn, type ObjectDdl } from './common.js';
import { withTablespace } from './index-def.js';

const DESC: Record<ConstraintObject['contype'], string> = {
  p: 'CONSTRAINT',
  u: 'CONSTRAINT',
  x: 'CONSTRAINT',
  c: 'CHECK CONSTRAINT',
  n: 'CONSTRAINT',
  f: 'FK CONSTRAINT',
};

export function emitConstraint(c: ConstraintObject): ObjectDdl {
  const table = qualify(c.schema, c.tableName);
  const name = quoteIdent(c.name);
  // A foreign key on a partitioned table must reach its partitions, so it cannot use ONLY.
  // CHECK and NOT NULL added after the data must also reach inheritance children, whose own
  // copies are not dumped.
  const only = (c.contype === 'f' && c.tableRelkind === 'p') || c.contype === 'c' || c.contype === 'n' ? '' : 'ONLY ';
  let create = `ALTER TABLE ${only}${table}\n    ADD CONSTRAINT ${name} ${c.definition};`;
  create = withTablespace(create, c.indexTablespace ?? null);
  if (c.indexClustered && c.indexOid !== null) create += `\nALTER TABLE ${table} CLUSTER ON ${name};`;
  if (c.indexReplicaIdentity && c.indexName) {
    create += `\nALTER TABLE ONLY ${table} REPLICA IDENTITY USING INDEX ${quoteIdent(c.indexName)};`;
  }
  return {
    desc: DESC[c.contype],
    tag: `${c.tableName} ${c.name}`,
    create,
    drop: `ALTER TABLE ${only}${table} DROP CONSTRAINT ${name};`,
    owner: '',
    comments: [
      ...commentOn(`CONSTRAINT ${name} ON ${table}`, c.comment),
      ...(c.indexName ? commentOn(`INDEX ${qualify(c.schema, c.indexName)}`, c.indexComment) : []),
    ],
    aclLabel: null,
    acl: '',
  };
}
