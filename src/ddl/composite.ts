import type { CompositeObject } from '../../catalog/composites.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';

export function emitComposite(t: CompositeObject): ObjectDdl {
  const name = qualify(t.schema, t.name);
  const label = `TYPE ${name}`;
  const attrs = t.attributes
    .map((a) => `    ${quoteIdent(a.name)} ${a.type}${a.collation ? ` COLLATE ${a.collation}` : ''}`)
    .join(',\n');
  return {
    desc: 'TYPE',
    tag: t.name,
    create: `CREATE TYPE ${name} AS (\n${attrs}\n);`,
    drop: `DROP TYPE ${name};`,
    owner: ownerStatement(label, t.owner),
    labelTarget: label,
    comments: [
      ...commentOn(label, t.comment),
      ...t.attributes.flatMap((a) => commentOn(`COLUMN ${name}.${quoteIdent(a.name)}`, a.comment)),
    ],
    aclLabel: label,
    acl: emitAcl({ target: label, cls: 'type', owner: t.owner, serverHasMaintain: false }, t.acl, t.baseAcl),
  };
}
