import type { TsDictObject } from '../../catalog/ts-dicts.js';
import { qualify } from '../sql/quote.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';

export function emitTsDict(d: TsDictObject): ObjectDdl {
  const name = qualify(d.schema, d.name);
  const label = `TEXT SEARCH DICTIONARY ${name}`;
  // The template is always qualified, as pg_dump does, even a built-in one.
  let body = `    TEMPLATE = ${qualify(d.template.schema, d.template.name)}`;
  if (d.options) body += `,\n    ${d.options}`;
  return {
    desc: 'TEXT SEARCH DICTIONARY',
    tag: d.name,
    create: `CREATE ${label} (\n${body} );`,
    drop: `DROP ${label};`,
    owner: ownerStatement(label, d.owner),
    comments: commentOn(label, d.comment),
    aclLabel: null,
    acl: '',
  };
}
