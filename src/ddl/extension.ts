import type { ExtensionObject } from '../../catalog/extensions.js';
import { quoteIdent } from '../sql/quote.js';
import { commentOn, type ObjectDdl } from './common.js';

export function emitExtension(x: ExtensionObject): ObjectDdl {
  const name = quoteIdent(x.name);
  return {
    desc: 'EXTENSION',
    tag: x.name,
    create: `CREATE EXTENSION IF NOT EXISTS ${name} WITH SCHEMA ${quoteIdent(x.schema!)};`,
    drop: `DROP EXTENSION ${name};`,
    owner: '',
    comments: commentOn(`EXTENSION ${name}`, x.comment),
    aclLabel: null,
    acl: '',
  };
}
