import type { UserMappingObject } from '../../catalog/user-mappings.js';
import { quoteIdent } from '../sql/quote.js';
import type { ObjectDdl } from './common.js';
import { fdwOptionsClause } from './fdw-options.js';

export function emitUserMapping(m: UserMappingObject): ObjectDdl {
  const who = m.user === null ? 'PUBLIC' : quoteIdent(m.user);
  const target = `FOR ${who} SERVER ${quoteIdent(m.server)}`;
  return {
    desc: 'USER MAPPING',
    tag: `USER MAPPING ${m.user ?? 'public'} SERVER ${m.server}`,
    create: `CREATE USER MAPPING ${target}${fdwOptionsClause(m.options)};`,
    drop: `DROP USER MAPPING ${target};`,
    owner: '',
    comments: [],
    aclLabel: null,
    acl: '',
  };
}
