import type { OperatorObject, OperatorRef } from '../../catalog/operators.js';
import { quoteIdent } from '../sql/quote.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';

const OPERATOR_CHARS = /^[+\-*/<>=~!@#%^&|`?]+$/;

/**
 * Operator names cannot be quoted; the server only accepts these characters in them, so
 * one that has others did not come from the catalog and is refused rather than printed.
 */
export function operatorName(name: string): string {
  if (!OPERATOR_CHARS.test(name)) throw new Error(`invalid operator name: ${JSON.stringify(name)}`);
  return name;
}

/**
 * `OPERATOR(schema.op)`, always qualified: the commutator or negator may live in another
 * schema, and CREATE OPERATOR makes a shell under exactly that name when it does not
 * exist yet, which the later CREATE OPERATOR for it fills in.
 */
export function operatorReference(ref: OperatorRef): string {
  return `OPERATOR(${quoteIdent(ref.schema)}.${operatorName(ref.name)})`;
}

/** A regprocedure rendering without its argument list, which CREATE OPERATOR does not take. */
export function stripArguments(regprocedure: string): string {
  let inQuote = false;
  for (let i = 0; i < regprocedure.length; i++) {
    const ch = regprocedure[i];
    if (ch === '"') inQuote = !inQuote;
    else if (ch === '(' && !inQuote) return regprocedure.slice(0, i);
  }
  return regprocedure;
}

/** `s.op (left, right)` with NONE for the missing side of a unary operator. */
export function operatorSignature(o: OperatorObject): string {
  return `${quoteIdent(o.schema!)}.${operatorName(o.name)} (${o.leftType ?? 'NONE'}, ${o.rightType ?? 'NONE'})`;
}

export function emitOperator(o: OperatorObject): ObjectDdl {
  const details = [`    FUNCTION = ${stripArguments(o.func)}`];
  if (o.oprkind !== 'l' && o.leftType !== null) details.push(`    LEFTARG = ${o.leftType}`);
  if (o.oprkind !== 'r' && o.rightType !== null) details.push(`    RIGHTARG = ${o.rightType}`);
  if (o.commutator) details.push(`    COMMUTATOR = ${operatorReference(o.commutator)}`);
  if (o.negator) details.push(`    NEGATOR = ${operatorReference(o.negator)}`);
  if (o.merges) details.push('    MERGES');
  if (o.hashes) details.push('    HASHES');
  if (o.restrict) details.push(`    RESTRICT = ${stripArguments(o.restrict)}`);
  if (o.join) details.push(`    JOIN = ${stripArguments(o.join)}`);
  const label = `OPERATOR ${operatorSignature(o)}`;
  return {
    desc: 'OPERATOR',
    tag: o.name,
    create: `CREATE OPERATOR ${quoteIdent(o.schema!)}.${operatorName(o.name)} (\n${details.join(',\n')}\n);`,
    drop: `DROP ${label};`,
    owner: ownerStatement(label, o.owner),
    comments: commentOn(label, o.comment),
    aclLabel: null,
    acl: '',
  };
}
