import type { TsTemplateObject } from '../../catalog/ts-templates.js';
import { qualify } from '../sql/quote.js';
import { commentOn, type ObjectDdl } from './common.js';
import { catalogRef } from './catalog-ref.js';

export function emitTsTemplate(t: TsTemplateObject): ObjectDdl {
  const name = qualify(t.schema, t.name);
  const label = `TEXT SEARCH TEMPLATE ${name}`;
  const lines = [...(t.init ? [`    INIT = ${catalogRef(t.init)}`] : []), `    LEXIZE = ${catalogRef(t.lexize)}`];
  return {
    desc: 'TEXT SEARCH TEMPLATE',
    tag: t.name,
    create: `CREATE ${label} (\n${lines.join(',\n')} );`,
    drop: `DROP ${label};`,
    owner: '',
    comments: commentOn(label, t.comment),
    aclLabel: null,
    acl: '',
  };
}
