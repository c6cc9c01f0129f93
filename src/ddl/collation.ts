import type { CollationObject } from '../../catalog/collations.js';
import { qualify, quoteLiteral } from '../sql/quote.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';

const PROVIDER_NAMES: Record<CollationObject['provider'], string> = {
  c: 'libc',
  i: 'icu',
  b: 'builtin',
  d: 'default',
};

/** The option list of CREATE COLLATION, as pg_dump writes it (no version: the target computes its own). */
export function collationOptions(c: CollationObject): string {
  const opts = [`provider = ${PROVIDER_NAMES[c.provider]}`];
  if (!c.deterministic) opts.push('deterministic = false');
  if (c.provider === 'i' || c.provider === 'b') {
    opts.push(`locale = ${quoteLiteral(c.locale ?? '')}`);
    if (c.provider === 'i' && c.icuRules !== null) opts.push(`rules = ${quoteLiteral(c.icuRules)}`);
  } else if (c.provider === 'c') {
    if (c.collate !== null && c.collate === c.ctype) {
      opts.push(`locale = ${quoteLiteral(c.collate)}`);
    } else {
      opts.push(`lc_collate = ${quoteLiteral(c.collate ?? '')}`, `lc_ctype = ${quoteLiteral(c.ctype ?? '')}`);
    }
  }
  return opts.join(', ');
}

export function emitCollation(c: CollationObject): ObjectDdl {
  const name = qualify(c.schema, c.name);
  const label = `COLLATION ${name}`;
  return {
    desc: 'COLLATION',
    tag: c.name,
    create: `CREATE COLLATION ${name} (${collationOptions(c)});`,
    drop: `DROP COLLATION ${name};`,
    owner: ownerStatement(label, c.owner),
    comments: commentOn(label, c.comment),
    aclLabel: null,
    acl: '',
  };
}
