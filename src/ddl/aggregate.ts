import type { AggregateObject, FinalModify } from '../../catalog/aggregates.js';
import { qualify, quoteLiteral } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';
import { operatorReference } from './operator.js';

const MODIFY: Record<FinalModify, string> = { r: 'READ_ONLY', s: 'SHAREABLE', w: 'READ_WRITE' };

function finalClauses(prefix: '' | 'M', fn: string | null, extra: boolean, modify: FinalModify, defaultModify: FinalModify): string[] {
  if (fn === null) return [];
  const out = [`    ${prefix}FINALFUNC = ${fn}`];
  if (extra) out.push(`    ${prefix}FINALFUNC_EXTRA`);
  if (modify !== defaultModify) out.push(`    ${prefix}FINALFUNC_MODIFY = ${MODIFY[modify]}`);
  return out;
}

/** The body of CREATE AGGREGATE, listing only what differs from the defaults. */
export function aggregateDetails(a: AggregateObject): string[] {
  // CREATE AGGREGATE's own default, which depends on the kind of aggregate.
  const defaultModify: FinalModify = a.aggkind === 'n' ? 'r' : 'w';
  const d = [`    SFUNC = ${a.transFn}`, `    STYPE = ${a.transType}`];
  if (a.transSpace !== 0) d.push(`    SSPACE = ${a.transSpace}`);
  if (a.initValue !== null) d.push(`    INITCOND = ${quoteLiteral(a.initValue)}`);
  d.push(...finalClauses('', a.finalFn, a.finalExtra, a.finalModify, defaultModify));
  if (a.combineFn) d.push(`    COMBINEFUNC = ${a.combineFn}`);
  if (a.serialFn) d.push(`    SERIALFUNC = ${a.serialFn}`);
  if (a.deserialFn) d.push(`    DESERIALFUNC = ${a.deserialFn}`);
  if (a.mTransFn) {
    d.push(`    MSFUNC = ${a.mTransFn}`, `    MINVFUNC = ${a.mInvTransFn ?? '-'}`, `    MSTYPE = ${a.mTransType ?? '-'}`);
  }
  if (a.mTransSpace !== 0) d.push(`    MSSPACE = ${a.mTransSpace}`);
  if (a.mInitValue !== null) d.push(`    MINITCOND = ${quoteLiteral(a.mInitValue)}`);
  d.push(...finalClauses('M', a.mFinalFn, a.mFinalExtra, a.mFinalModify, defaultModify));
  if (a.sortOperator) d.push(`    SORTOP = ${operatorReference(a.sortOperator)}`);
  if (a.aggkind === 'h') d.push('    HYPOTHETICAL');
  if (a.parallel === 's') d.push('    PARALLEL = safe');
  else if (a.parallel === 'r') d.push('    PARALLEL = restricted');
  return d;
}

export function emitAggregate(a: AggregateObject): ObjectDdl {
  const name = qualify(a.schema, a.name);
  // A zero-argument aggregate is `name(*)` everywhere but in GRANT, which takes `name()`.
  const label = `AGGREGATE ${name}(${a.identityArgs || '*'})`;
  const aclTarget = `FUNCTION ${name}(${a.argTypes})`;
  return {
    desc: 'AGGREGATE',
    tag: `${a.name}(${a.argTypes || '*'})`,
    create: `CREATE AGGREGATE ${name}(${a.args || '*'}) (\n${aggregateDetails(a).join(',\n')}\n);`,
    drop: `DROP ${label};`,
    owner: ownerStatement(label, a.owner),
    labelTarget: label,
    comments: commentOn(label, a.comment),
    aclLabel: aclTarget,
    acl: emitAcl({ target: aclTarget, cls: 'function', owner: a.owner, serverHasMaintain: false }, a.acl, a.baseAcl),
  };
}
