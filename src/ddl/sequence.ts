import type { SequenceObject } from '../../catalog/sequences.js';
import { qualify, quoteLiteral } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';

const TYPE_BOUNDS: Record<string, [string, string]> = {
  smallint: ['-32768', '32767'],
  integer: ['-2147483648', '2147483647'],
  bigint: ['-9223372036854775808', '9223372036854775807'],
};

/**
 * The option lines shared by CREATE SEQUENCE and identity columns. Bounds that equal the
 * defaults for the type and direction print as NO MINVALUE/NO MAXVALUE, as pg_dump does.
 */
export function sequenceOptionLines(s: SequenceObject, includeType: boolean): string[] {
  const lines: string[] = [];
  if (includeType && s.dataType !== 'bigint') lines.push(`AS ${s.dataType}`);
  const [typeMin, typeMax] = TYPE_BOUNDS[s.dataType] ?? TYPE_BOUNDS.bigint!;
  const ascending = !s.increment.startsWith('-');
  const defaultMin = ascending ? '1' : typeMin;
  const defaultMax = ascending ? typeMax : '-1';
  lines.push(`START WITH ${s.start}`);
  lines.push(`INCREMENT BY ${s.increment}`);
  lines.push(s.min === defaultMin ? 'NO MINVALUE' : `MINVALUE ${s.min}`);
  lines.push(s.max === defaultMax ? 'NO MAXVALUE' : `MAXVALUE ${s.max}`);
  lines.push(`CACHE ${s.cache}`);
  if (s.cycle) lines.push('CYCLE');
  return lines;
}

export function emitSequence(s: SequenceObject, ownedBy: string | null): ObjectDdl {
  const name = qualify(s.schema, s.name);
  const label = `SEQUENCE ${name}`;
  let create = `CREATE ${s.unlogged ? 'UNLOGGED ' : ''}SEQUENCE ${name}\n${sequenceOptionLines(s, true)
    .map((l) => `    ${l}`)
    .join('\n')};`;
  return {
    desc: 'SEQUENCE',
    tag: s.name,
    create,
    drop: `DROP SEQUENCE ${name};`,
    owner: ownerStatement(label, s.owner),
    afterOwner: ownedBy ? `ALTER SEQUENCE ${name} OWNED BY ${ownedBy};` : undefined,
    labelTarget: label,
    comments: commentOn(label, s.comment),
    aclLabel: label,
    acl: emitAcl({ target: label, cls: 'sequence', owner: s.owner, serverHasMaintain: false }, s.acl, s.baseAcl),
  };
}

/** `SELECT setval(...)` restoring the sequence's position; null when it has no state we could read. */
export function emitSequenceSet(s: SequenceObject): string | null {
  if (s.lastValue === null) return null;
  const name = quoteLiteral(qualify(s.schema, s.name));
  return `SELECT pg_catalog.setval(${name}, ${s.lastValue}, ${s.isCalled ? 'true' : 'false'});`;
}
