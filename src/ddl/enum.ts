import type { EnumObject } from '../../catalog/enums.js';
import { qualify, quoteLiteral } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';

export function emitEnum(t: EnumObject): ObjectDdl {
  const name = qualify(t.schema, t.name);
  const label = `TYPE ${name}`;
  const labels = t.labels.map((l) => `    ${quoteLiteral(l)}`).join(',\n');
  return {
    desc: 'TYPE',
    tag: t.name,
    create: `CREATE TYPE ${name} AS ENUM (\n${labels}\n);`,
    drop: `DROP TYPE ${name};`,
    owner: ownerStatement(label, t.owner),
    labelTarget: label,
    comments: commentOn(label, t.comment),
    aclLabel: label,
    acl: emitAcl({ target: label, cls: 'type', owner: t.owner, serverHasMaintain: false }, t.acl, t.baseAcl),
  };
}
