import type { PublicationObject } from '../../catalog/publications.js';
import { quoteIdent, quoteLiteral } from '../sql/quote.js';
import { commentOn, ownerStatement, type EmitContext, type ObjectDdl } from './common.js';

/** CREATE PUBLICATION with every option spelled out; its tables and schemas are added later. */
export function emitPublication(p: PublicationObject, ctx: EmitContext): ObjectDdl {
  const name = quoteIdent(p.name);
  const actions = [
    p.insert ? 'insert' : null,
    p.update ? 'update' : null,
    p.delete ? 'delete' : null,
    p.truncate ? 'truncate' : null,
  ].filter((a): a is string => a !== null);
  const options = [`publish = ${quoteLiteral(actions.join(', '))}`];
  if (p.viaRoot) options.push('publish_via_partition_root = true');
  if (ctx.version >= 180000 && p.generatedColumns === 's') options.push('publish_generated_columns = stored');
  const label = `PUBLICATION ${name}`;
  return {
    desc: 'PUBLICATION',
    tag: p.name,
    create: `CREATE PUBLICATION ${name}${p.allTables ? ' FOR ALL TABLES' : ''} WITH (${options.join(', ')});`,
    drop: `DROP PUBLICATION ${name};`,
    owner: ownerStatement(label, p.owner),
    labelTarget: label,
    comments: commentOn(label, p.comment),
    aclLabel: null,
    acl: '',
  };
}
