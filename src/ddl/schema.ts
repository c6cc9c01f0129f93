import type { SchemaObject } from '../../catalog/schemas.js';
import { quoteIdent } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, ownerStatement, type EmitContext, type ObjectDdl } from './common.js';

/** The comment initdb puts on `public`; restoring it would be noise. */
const PUBLIC_SCHEMA_COMMENT = 'standard public schema';

export function emitSchema(s: SchemaObject, ctx: EmitContext): ObjectDdl {
  const name = quoteIdent(s.name);
  const label = `SCHEMA ${name}`;
  let owner = ownerStatement(label, s.owner);
  // A preexisting schema (public) is already there; only what differs from initdb's state is dumped.
  if (s.preexisting && ctx.version >= 150000 && s.owner === 'pg_database_owner') owner = '';
  const comment = s.preexisting && s.comment === PUBLIC_SCHEMA_COMMENT ? null : s.comment;
  return {
    desc: 'SCHEMA',
    tag: s.name,
    create: s.preexisting ? '' : `CREATE SCHEMA ${name};`,
    drop: s.preexisting ? '' : `DROP SCHEMA ${name};`,
    owner,
    labelTarget: label,
    comments: commentOn(label, comment),
    aclLabel: label,
    acl: emitAcl({ target: label, cls: 'schema', owner: s.owner, serverHasMaintain: false }, s.acl, s.baseAcl),
  };
}
