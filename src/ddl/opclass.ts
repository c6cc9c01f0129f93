import type { OpclassObject } from '../../catalog/opclasses.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';
import { functionMemberClause, operatorMemberClause } from './opclass-members.js';

export function emitOpclass(c: OpclassObject): ObjectDdl {
  const name = qualify(c.schema, c.name);
  const am = quoteIdent(c.accessMethod);
  const label = `OPERATOR CLASS ${name} USING ${am}`;
  const items: string[] = [];
  if (c.storageType !== null) items.push(`STORAGE ${c.storageType}`);
  items.push(...c.operators.map(operatorMemberClause), ...c.functions.map(functionMemberClause));
  // Every member may belong to the family instead; the grammar still needs one item,
  // and restating the input type as STORAGE changes nothing.
  if (items.length === 0) items.push(`STORAGE ${c.inputType}`);
  const head =
    `CREATE OPERATOR CLASS ${name}\n    ${c.isDefault ? 'DEFAULT ' : ''}FOR TYPE ${c.inputType} USING ${am}` +
    ` FAMILY ${qualify(c.family.schema, c.family.name)} AS`;
  return {
    desc: 'OPERATOR CLASS',
    tag: c.name,
    create: `${head}\n    ${items.join(' ,\n    ')};`,
    drop: `DROP ${label};`,
    owner: ownerStatement(label, c.owner),
    comments: commentOn(label, c.comment),
    aclLabel: null,
    acl: '',
  };
}
