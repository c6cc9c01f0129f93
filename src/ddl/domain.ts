import type { DomainObject } from '../../catalog/domains.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';

export function emitDomain(d: DomainObject): ObjectDdl {
  const name = qualify(d.schema, d.name);
  const label = `DOMAIN ${name}`;
  let create = `CREATE DOMAIN ${name} AS ${d.baseType}`;
  if (d.collation) create += ` COLLATE ${d.collation}`;
  if (d.defaultExpr !== null) create += ` DEFAULT ${d.defaultExpr}`;
  if (d.notNull) create += ' NOT NULL';
  for (const c of d.constraints.filter((c) => c.validated)) {
    create += `\n\tCONSTRAINT ${quoteIdent(c.name)} ${c.definition}`;
  }
  create += ';';
  // A NOT VALID constraint cannot be declared inline; adding it afterwards keeps it unvalidated.
  for (const c of d.constraints.filter((c) => !c.validated)) {
    create += `\nALTER DOMAIN ${name}\n    ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition} NOT VALID;`;
  }
  return {
    desc: 'DOMAIN',
    tag: d.name,
    create,
    drop: `DROP DOMAIN ${name};`,
    owner: ownerStatement(label, d.owner),
    comments: [
      ...commentOn(label, d.comment),
      ...d.constraints.flatMap((c) => commentOn(`CONSTRAINT ${quoteIdent(c.name)} ON ${label}`, c.comment)),
    ],
    aclLabel: label,
    acl: emitAcl({ target: label, cls: 'type', owner: d.owner, serverHasMaintain: false }, d.acl, d.baseAcl),
  };
}
