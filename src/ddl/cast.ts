import type { CastObject } from '../../catalog/casts.js';
import { qualify } from '../sql/quote.js';
import { commentOn, type ObjectDdl } from './common.js';

const CONTEXT_CLAUSE: Record<CastObject['context'], string> = {
  e: '',
  a: ' AS ASSIGNMENT',
  i: ' AS IMPLICIT',
};

/** Casts have no owner and no privileges; the name is the pair of types. */
export function emitCast(c: CastObject): ObjectDdl {
  const pair = `(${c.source} AS ${c.target})`;
  let how: string;
  if (c.method === 'b') how = 'WITHOUT FUNCTION';
  else if (c.method === 'i') how = 'WITH INOUT';
  else if (c.func) how = `WITH FUNCTION ${qualify(c.func.schema, c.func.name)}(${c.func.argTypes.join(', ')})`;
  else throw new Error(`cast ${pair} is implemented by a function that could not be read from pg_proc`);
  return {
    desc: 'CAST',
    tag: `CAST ${pair}`,
    create: `CREATE CAST ${pair} ${how}${CONTEXT_CLAUSE[c.context]};`,
    drop: `DROP CAST ${pair};`,
    owner: '',
    comments: commentOn(`CAST ${pair}`, c.comment),
    aclLabel: null,
    acl: '',
  };
}
