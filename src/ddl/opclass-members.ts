import type { FunctionMember, OperatorMember } from '../../catalog/opclass-members.js';
import { quoteIdent } from '../sql/quote.js';

/** `OPERATOR n op(types) [FOR ORDER BY s.family]`; regoperator text is already quoted. */
export function operatorMemberClause(m: OperatorMember): string {
  const order = m.sortFamily ? ` FOR ORDER BY ${quoteIdent(m.sortFamily.schema)}.${quoteIdent(m.sortFamily.name)}` : '';
  return `OPERATOR ${m.strategy} ${m.operator}${order}`;
}

/**
 * `FUNCTION n (left, right) fn(args)`: the types are spelled out even where the server
 * could infer them, since a cross-type support function needs them.
 */
export function functionMemberClause(m: FunctionMember): string {
  return `FUNCTION ${m.number} (${m.leftType}, ${m.rightType}) ${m.func}`;
}
