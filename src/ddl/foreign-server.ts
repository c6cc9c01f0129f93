import type { ForeignServerObject } from '../../catalog/foreign-servers.js';
import { quoteIdent, quoteLiteral } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';
import { fdwOptionsClause } from './fdw-options.js';

export function emitForeignServer(s: ForeignServerObject): ObjectDdl {
  const name = quoteIdent(s.name);
  let create = `CREATE SERVER ${name}`;
  if (s.serverType !== null) create += ` TYPE ${quoteLiteral(s.serverType)}`;
  if (s.serverVersion !== null) create += ` VERSION ${quoteLiteral(s.serverVersion)}`;
  create += ` FOREIGN DATA WRAPPER ${quoteIdent(s.wrapper)}${fdwOptionsClause(s.options)};`;
  // GRANT names it FOREIGN SERVER; ALTER and COMMENT say SERVER.
  const aclLabel = `FOREIGN SERVER ${name}`;
  return {
    desc: 'SERVER',
    tag: s.name,
    create,
    drop: `DROP SERVER ${name};`,
    owner: ownerStatement(`SERVER ${name}`, s.owner),
    comments: commentOn(`SERVER ${name}`, s.comment),
    aclLabel,
    acl: emitAcl({ target: aclLabel, cls: 'server', owner: s.owner, serverHasMaintain: false }, s.acl, s.baseAcl),
  };
}
