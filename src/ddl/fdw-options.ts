import type { FdwOption } from '../../catalog/fdw-options.js';
import { quoteIdent, quoteLiteral } from '../sql/quote.js';

/** ` OPTIONS (\n    name 'value',\n    ...\n)`, or '' when there are none. */
export function fdwOptionsClause(options: readonly FdwOption[] | null, prefix = ' '): string {
  if (!options || options.length === 0) return '';
  const lines = options.map(([name, value]) => `    ${quoteIdent(name)} ${quoteLiteral(value)}`);
  return `${prefix}OPTIONS (\n${lines.join(',\n')}\n)`;
}
