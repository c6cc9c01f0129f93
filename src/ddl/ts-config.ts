import type { TsConfigObject } from '../../catalog/ts-configs.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';
import { catalogRef } from './catalog-ref.js';

/**
 * The configuration is created bare (no COPY) and every mapping added back, one ALTER per
 * token type with its dictionaries in lookup order, so the result does not depend on
 * whatever configuration it was first copied from.
 */
export function emitTsConfig(c: TsConfigObject): ObjectDdl {
  const name = qualify(c.schema, c.name);
  const label = `TEXT SEARCH CONFIGURATION ${name}`;
  const parts = [`CREATE ${label} (\n    PARSER = ${qualify(c.parser.schema, c.parser.name)} );`];
  for (const m of c.mappings) {
    parts.push(`\nALTER ${label}\n    ADD MAPPING FOR ${quoteIdent(m.token)} WITH ${m.dicts.map(catalogRef).join(', ')};`);
  }
  return {
    desc: 'TEXT SEARCH CONFIGURATION',
    tag: c.name,
    create: parts.join('\n'),
    drop: `DROP ${label};`,
    owner: ownerStatement(label, c.owner),
    comments: commentOn(label, c.comment),
    aclLabel: null,
    acl: '',
  };
}
