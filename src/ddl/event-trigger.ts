import type { EventTriggerObject } from '../../catalog/event-triggers.js';
import { quoteIdent, quoteLiteral } from '../sql/quote.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';
import { catalogRef } from './catalog-ref.js';

const ENABLE_STATE: Record<EventTriggerObject['enabled'], string | null> = {
  O: null,
  D: 'DISABLE',
  R: 'ENABLE REPLICA',
  A: 'ENABLE ALWAYS',
};

export function emitEventTrigger(e: EventTriggerObject): ObjectDdl {
  const name = quoteIdent(e.name);
  const label = `EVENT TRIGGER ${name}`;
  let create = `CREATE ${label} ON ${quoteIdent(e.event)}`;
  if (e.tags.length) create += `\n         WHEN TAG IN (${e.tags.map(quoteLiteral).join(', ')})`;
  create += `\n   EXECUTE FUNCTION ${catalogRef(e.func)}();`;
  const state = ENABLE_STATE[e.enabled];
  if (state) create += `\n\nALTER ${label} ${state};`;
  return {
    desc: 'EVENT TRIGGER',
    tag: e.name,
    create,
    drop: `DROP ${label};`,
    owner: ownerStatement(label, e.owner),
    labelTarget: label,
    comments: commentOn(label, e.comment),
    aclLabel: null,
    acl: '',
  };
}
