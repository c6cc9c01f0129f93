import type { ForeignDataWrapperObject } from '../../catalog/foreign-data-wrappers.js';
import { quoteIdent } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';
import { fdwOptionsClause } from './fdw-options.js';

export function emitForeignDataWrapper(w: ForeignDataWrapperObject): ObjectDdl {
  const name = quoteIdent(w.name);
  const label = `FOREIGN DATA WRAPPER ${name}`;
  const acl = emitAcl({ target: label, cls: 'fdw', owner: w.owner, serverHasMaintain: false }, w.acl, w.baseAcl);
  if (w.aclOnly) {
    return { desc: 'FOREIGN DATA WRAPPER', tag: w.name, create: '', drop: '', owner: '', comments: [], aclLabel: label, acl };
  }
  // The handler and validator print as regproc text: schema-qualified and quoted already.
  let create = `CREATE FOREIGN DATA WRAPPER ${name}`;
  if (w.handler) create += ` HANDLER ${w.handler}`;
  if (w.validator) create += ` VALIDATOR ${w.validator}`;
  create += `${fdwOptionsClause(w.options)};`;
  return {
    desc: 'FOREIGN DATA WRAPPER',
    tag: w.name,
    create,
    drop: `DROP FOREIGN DATA WRAPPER ${name};`,
    owner: ownerStatement(label, w.owner),
    comments: commentOn(label, w.comment),
    aclLabel: label,
    acl,
  };
}
