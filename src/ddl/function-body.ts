import { quoteLiteral } from '../sql/quote.js';

/** The delimiter pg_get_functiondef closes a body with: `$function$` / `$procedure$`, plus x's when the body needs them. */
const CLOSING = /\$(?:function|procedure)x*\$;?$/;

/**
 * --disable-dollar-quoting: rewrites the dollar-quoted body of a CREATE FUNCTION/PROCEDURE as
 * rendered by the server into a standard string literal. The server picks a delimiter that does
 * not occur in the body, so the body is exactly the text between the last two occurrences of the
 * closing delimiter. SQL-standard bodies (BEGIN ATOMIC, RETURN) have no quotes and stay as they are.
 */
export function withStandardQuotedBody(create: string): string {
  const m = CLOSING.exec(create);
  if (!m) return create;
  const tail = m[0].endsWith(';') ? ';' : '';
  const delimiter = m[0].slice(0, m[0].length - tail.length);
  const close = m.index;
  const open = create.lastIndexOf(delimiter, close - 1);
  if (open < 0 || open + delimiter.length > close) return create;
  const before = create.slice(0, open);
  // The body is the AS clause's last string: `AS $function$...` or `AS 'lib', $function$sym...` for C functions.
  if (!/(?:\bAS |, )$/.test(before)) return create;
  return `${before}${quoteLiteral(create.slice(open + delimiter.length, close))}${tail}`;
}
