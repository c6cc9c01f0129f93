import type { TriggerObject } from '../../catalog/triggers.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { commentOn, type ObjectDdl } from './common.js';

const ENABLE_STATE: Record<TriggerObject['enabled'], string | null> = {
  O: null,
  D: 'DISABLE TRIGGER',
  R: 'ENABLE REPLICA TRIGGER',
  A: 'ENABLE ALWAYS TRIGGER',
};

export function emitTrigger(t: TriggerObject): ObjectDdl {
  const table = qualify(t.schema, t.tableName);
  const name = quoteIdent(t.name);
  const state = t.clonedStateOnly ? ENABLE_STATE[t.enabled] ?? 'ENABLE TRIGGER' : ENABLE_STATE[t.enabled];
  const alter = state ? `ALTER ${t.relkind === 'v' ? 'VIEW' : 'TABLE'} ${table} ${state} ${name};` : '';
  const create = t.clonedStateOnly ? alter : [`${t.definition};`, alter].filter((s) => s).join('\n');
  return {
    desc: 'TRIGGER',
    tag: `${t.tableName} ${t.name}`,
    create,
    drop: `DROP TRIGGER ${name} ON ${table};`,
    owner: '',
    comments: commentOn(`TRIGGER ${name} ON ${table}`, t.comment),
    aclLabel: null,
    acl: '',
  };
}
