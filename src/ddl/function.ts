import type { FunctionObject } from '../../catalog/functions.js';
import { qualify } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';

export function emitFunction(f: FunctionObject): ObjectDdl {
  const what = f.isProcedure ? 'PROCEDURE' : 'FUNCTION';
  const signature = `${qualify(f.schema, f.name)}(${f.identityArgs})`;
  const label = `${what} ${signature}`;
  return {
    desc: what,
    tag: `${f.name}(${f.argTypes})`,
    create: `${f.definition};`,
    drop: `DROP ${label};`,
    owner: ownerStatement(label, f.owner),
    labelTarget: label,
    comments: commentOn(label, f.comment),
    aclLabel: label,
    acl: emitAcl({ target: label, cls: 'function', owner: f.owner, serverHasMaintain: false }, f.acl, f.baseAcl),
  };
}
