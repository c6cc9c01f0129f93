import type { ConversionObject } from '../../catalog/conversions.js';
import { qualify, quoteLiteral } from '../sql/quote.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';

export function emitConversion(c: ConversionObject): ObjectDdl {
  const name = qualify(c.schema, c.name);
  const label = `CONVERSION ${name}`;
  // The function is always qualified: a conversion function's signature is fixed, so the
  // bare name identifies it, but only within the right schema.
  const fn = qualify(c.functionSchema, c.functionName);
  return {
    desc: 'CONVERSION',
    tag: c.name,
    create: `CREATE ${c.isDefault ? 'DEFAULT ' : ''}CONVERSION ${name} FOR ${quoteLiteral(c.forEncoding)} TO ${quoteLiteral(c.toEncoding)} FROM ${fn};`,
    drop: `DROP CONVERSION ${name};`,
    owner: ownerStatement(label, c.owner),
    comments: commentOn(label, c.comment),
    aclLabel: null,
    acl: '',
  };
}
