import type { LargeObjectObject } from '../../catalog/large-objects.js';
import { quoteLiteral } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';

export function emitLargeObject(l: LargeObjectObject): ObjectDdl {
  const label = `LARGE OBJECT ${l.oid}`;
  return {
    desc: 'BLOB',
    tag: String(l.oid),
    create: `SELECT pg_catalog.lo_create(${quoteLiteral(String(l.oid))});`,
    drop: `SELECT pg_catalog.lo_unlink(${quoteLiteral(String(l.oid))});`,
    owner: ownerStatement(label, l.owner),
    labelTarget: label,
    comments: commentOn(label, l.comment),
    aclLabel: label,
    acl: emitAcl({ target: label, cls: 'large-object', owner: l.owner, serverHasMaintain: false }, l.acl, l.baseAcl),
  };
}

/** One lowrite() call of a chunk of a large object's bytes, as hex bytea. */
export function emitLargeObjectWrite(chunk: Buffer): string {
  return `SELECT pg_catalog.lowrite(0, '\\x${chunk.toString('hex')}');\n`;
}

export function emitLargeObjectOpen(oid: number): string {
  // 131072 = INV_WRITE
  return `SELECT pg_catalog.lo_open(${quoteLiteral(String(oid))}, 131072);\n`;
}

export const LARGE_OBJECT_CLOSE = 'SELECT pg_catalog.lo_close(0);\n\n';
