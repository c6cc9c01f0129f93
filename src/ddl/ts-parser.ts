import type { TsParserObject } from '../../catalog/ts-parsers.js';
import { qualify } from '../sql/quote.js';
import { commentOn, type ObjectDdl } from './common.js';
import { catalogRef } from './catalog-ref.js';

export function emitTsParser(p: TsParserObject): ObjectDdl {
  const name = qualify(p.schema, p.name);
  const label = `TEXT SEARCH PARSER ${name}`;
  const lines = [
    `    START = ${catalogRef(p.start)}`,
    `    GETTOKEN = ${catalogRef(p.getToken)}`,
    `    END = ${catalogRef(p.end)}`,
    ...(p.headline ? [`    HEADLINE = ${catalogRef(p.headline)}`] : []),
    `    LEXTYPES = ${catalogRef(p.lexTypes)}`,
  ];
  return {
    desc: 'TEXT SEARCH PARSER',
    tag: p.name,
    create: `CREATE ${label} (\n${lines.join(',\n')} );`,
    drop: `DROP ${label};`,
    owner: '',
    comments: commentOn(label, p.comment),
    aclLabel: null,
    acl: '',
  };
}
