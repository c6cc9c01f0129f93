import type { DefaultAclObject } from '../../catalog/default-acls.js';
import { emitDefaultAcl } from './acl.js';
import type { EmitContext, ObjectDdl } from './common.js';

const TAGS: Record<DefaultAclObject['objectType'], string> = {
  r: 'TABLES',
  S: 'SEQUENCES',
  f: 'FUNCTIONS',
  T: 'TYPES',
  n: 'SCHEMAS',
};

export function emitDefaultAclObject(d: DefaultAclObject, ctx: EmitContext): ObjectDdl {
  return {
    desc: 'DEFAULT ACL',
    tag: `DEFAULT PRIVILEGES FOR ${TAGS[d.objectType]}`,
    create: '',
    drop: '',
    owner: '',
    comments: [],
    aclLabel: `DEFAULT PRIVILEGES FOR ${TAGS[d.objectType]}`,
    acl: emitDefaultAcl(d.role, d.schema, d.objectType, d.acl!, d.baseAcl, ctx.version >= 170000),
  };
}
