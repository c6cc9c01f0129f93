import type { OpfamilyObject } from '../../catalog/opfamilies.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';
import { functionMemberClause, operatorMemberClause } from './opclass-members.js';

export function emitOpfamily(f: OpfamilyObject): ObjectDdl {
  const nameUsing = `${qualify(f.schema, f.name)} USING ${quoteIdent(f.accessMethod)}`;
  const label = `OPERATOR FAMILY ${nameUsing}`;
  let create = `CREATE ${label};`;
  const members = [...f.operators.map(operatorMemberClause), ...f.functions.map(functionMemberClause)];
  if (members.length > 0) create += `\nALTER ${label} ADD\n    ${members.join(' ,\n    ')};`;
  return {
    desc: 'OPERATOR FAMILY',
    tag: f.name,
    create,
    drop: `DROP ${label};`,
    owner: ownerStatement(label, f.owner),
    comments: commentOn(label, f.comment),
    aclLabel: null,
    acl: '',
  };
}
