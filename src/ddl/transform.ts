import type { TransformFunction, TransformObject } from '../../catalog/transforms.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { commentOn, type ObjectDdl } from './common.js';

const fn = (f: TransformFunction) => `${qualify(f.schema, f.name)}(internal)`;

/** Transforms have no owner and no privileges; they are named by type and language. */
export function emitTransform(t: TransformObject): ObjectDdl {
  const what = `FOR ${t.type} LANGUAGE ${quoteIdent(t.language)}`;
  const parts: string[] = [];
  if (t.fromSql) parts.push(`FROM SQL WITH FUNCTION ${fn(t.fromSql)}`);
  if (t.toSql) parts.push(`TO SQL WITH FUNCTION ${fn(t.toSql)}`);
  return {
    desc: 'TRANSFORM',
    tag: `TRANSFORM ${what}`,
    create: `CREATE TRANSFORM ${what} (${parts.join(', ')});`,
    drop: `DROP TRANSFORM ${what};`,
    owner: '',
    comments: commentOn(`TRANSFORM ${what}`, t.comment),
    aclLabel: null,
    acl: '',
  };
}
