import type { RangeObject } from '../../catalog/ranges.js';
import { qualify } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';

export function emitRange(r: RangeObject): ObjectDdl {
  const name = qualify(r.schema, r.name);
  const label = `TYPE ${name}`;
  const opts = [`    subtype = ${r.subtype}`];
  if (r.multirange) opts.push(`    multirange_type_name = ${r.multirange}`);
  if (r.opclass) opts.push(`    subtype_opclass = ${r.opclass}`);
  if (r.collation) opts.push(`    collation = ${r.collation}`);
  if (r.canonical) opts.push(`    canonical = ${r.canonical}`);
  if (r.subtypeDiff) opts.push(`    subtype_diff = ${r.subtypeDiff}`);
  return {
    desc: 'TYPE',
    tag: r.name,
    create: `CREATE TYPE ${name} AS RANGE (\n${opts.join(',\n')}\n);`,
    drop: `DROP TYPE ${name};`,
    owner: ownerStatement(label, r.owner),
    labelTarget: label,
    comments: commentOn(label, r.comment),
    aclLabel: label,
    acl: emitAcl({ target: label, cls: 'type', owner: r.owner, serverHasMaintain: false }, r.acl, r.baseAcl),
  };
}
