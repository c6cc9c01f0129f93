import type { PolicyObject } from '../../catalog/policies.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { commentOn, type ObjectDdl } from './common.js';

const COMMANDS: Record<PolicyObject['command'], string | null> = {
  '*': null,
  r: 'SELECT',
  a: 'INSERT',
  w: 'UPDATE',
  d: 'DELETE',
};

export function emitPolicy(p: PolicyObject): ObjectDdl {
  const table = qualify(p.schema, p.tableName);
  const name = quoteIdent(p.name);
  let create = `CREATE POLICY ${name} ON ${table}`;
  if (!p.permissive) create += ' AS RESTRICTIVE';
  const cmd = COMMANDS[p.command];
  if (cmd) create += ` FOR ${cmd}`;
  create += ` TO ${p.roles.length ? p.roles.map(quoteIdent).join(', ') : 'PUBLIC'}`;
  if (p.using !== null) create += ` USING (${p.using})`;
  if (p.withCheck !== null) create += ` WITH CHECK (${p.withCheck})`;
  create += ';';
  return {
    desc: 'POLICY',
    tag: `${p.tableName} ${p.name}`,
    create,
    drop: `DROP POLICY ${name} ON ${table};`,
    owner: '',
    comments: commentOn(`POLICY ${name} ON ${table}`, p.comment),
    aclLabel: null,
    acl: '',
  };
}
