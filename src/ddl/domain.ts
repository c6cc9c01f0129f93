import type { DomainObject } from '../../catalog/domains.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, ownerStatement, type CommentDdl, type ObjectDdl } from './common.js';

export function emitDomain(d: DomainObject): ObjectDdl {
  const name = qualify(d.schema, d.name);
  const label = `DOMAIN ${name}`;
  let create = `CREATE DOMAIN ${name} AS ${d.baseType}`;
  if (d.collation) create += ` COLLATE ${d.collation}`;
  if (d.notNull) create += ' NOT NULL';
  if (d.defaultExpr !== null) create += ` DEFAULT ${d.defaultExpr}`;
  for (const c of d.constraints.filter((c) => c.validated)) {
    create += `\n\tCONSTRAINT ${quoteIdent(c.name)} ${c.definition}`;
  }
  create += ';';
  return {
    desc: 'DOMAIN',
    tag: d.name,
    create,
    drop: `DROP DOMAIN ${name};`,
    owner: ownerStatement(label, d.owner),
    labelTarget: label,
    comments: [
      ...commentOn(label, d.comment),
      ...d.constraints
        .filter((c) => c.validated)
        .flatMap((c) => commentOn(`CONSTRAINT ${quoteIdent(c.name)} ON ${label}`, c.comment)),
    ],
    // pg_dump grants on a domain as on any type: GRANT ... ON TYPE.
    aclLabel: `TYPE ${name}`,
    acl: emitAcl({ target: `TYPE ${name}`, cls: 'type', owner: d.owner, serverHasMaintain: false }, d.acl, d.baseAcl),
  };
}

/** NOT VALID checks, added after the data (which may violate them) so they stay unvalidated; one entry each, as pg_dump has. */
export function emitDomainLateChecks(d: DomainObject): { tag: string; sql: string; comments: CommentDdl[] }[] {
  const name = qualify(d.schema, d.name);
  return d.constraints
    .filter((c) => !c.validated)
    .map((c) => ({
      tag: `${d.name} ${c.name}`,
      sql: `ALTER DOMAIN ${name}\n    ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition} NOT VALID;`,
      comments: commentOn(`CONSTRAINT ${quoteIdent(c.name)} ON DOMAIN ${name}`, c.comment),
    }));
}
