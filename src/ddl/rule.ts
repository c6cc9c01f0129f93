import type { RuleObject } from '../../catalog/rules.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { commentOn, type ObjectDdl } from './common.js';

const STATE: Record<RuleObject['enabled'], string | null> = {
  O: null,
  D: 'DISABLE RULE',
  R: 'ENABLE REPLICA RULE',
  A: 'ENABLE ALWAYS RULE',
};

export function emitRule(r: RuleObject): ObjectDdl {
  const table = qualify(r.schema, r.tableName);
  const name = quoteIdent(r.name);
  let create = `${r.definition};`;
  const state = STATE[r.enabled];
  if (state) create += `\nALTER TABLE ${table} ${state} ${name};`;
  return {
    desc: 'RULE',
    tag: `${r.tableName} ${r.name}`,
    create,
    drop: `DROP RULE ${name} ON ${table};`,
    owner: '',
    comments: commentOn(`RULE ${name} ON ${table}`, r.comment),
    aclLabel: null,
    acl: '',
  };
}
