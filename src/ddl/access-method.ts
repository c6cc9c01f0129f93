import type { AccessMethodObject } from '../../catalog/access-methods.js';
import { quoteIdent } from '../sql/quote.js';
import { commentOn, type ObjectDdl } from './common.js';

export function emitAccessMethod(a: AccessMethodObject): ObjectDdl {
  const name = quoteIdent(a.name);
  const label = `ACCESS METHOD ${name}`;
  return {
    desc: 'ACCESS METHOD',
    tag: a.name,
    create: `CREATE ACCESS METHOD ${name} TYPE ${a.amtype === 'i' ? 'INDEX' : 'TABLE'} HANDLER ${a.handler};`,
    drop: `DROP ACCESS METHOD ${name};`,
    owner: '',
    comments: commentOn(label, a.comment),
    aclLabel: null,
    acl: '',
  };
}
