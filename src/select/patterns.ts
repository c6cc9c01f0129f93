import { DumpError } from '../errors.js';

/**
 * A shell-style name pattern turned into anchored POSIX regular expressions, following psql's
 * rules (the ones pg_dump's -n/-t/-e use): `*` is `.*`, `?` is `.`, unquoted ASCII letters fold
 * to lower case, double quotes keep case and make every character literal (`""` is a quote),
 * `.` separates database, schema and name, `$` is always literal, and `[]` is literal so array
 * type names work. Outside quotes other regular expression characters keep their meaning.
 */
export interface NamePattern {
  /** the pattern as given, for messages */
  readonly pattern: string;
  /** `^(...)$` for the last part */
  readonly name: string;
  /** `^(...)$` for the schema part, when the pattern has one */
  readonly schema: string | null;
  /** the database part, literally (quotes removed, letters folded, wildcards kept as typed) */
  readonly database: string | null;
  /** separators seen outside quotes, including ones beyond the last part */
  readonly dots: number;
}

/** Characters escaped inside double quotes so they match themselves. */
const REGEX_SPECIAL = '|*+?()[]{}.^$\\';

/**
 * Splits and converts `pattern` into up to `parts` dotted parts (1: name only, 2: schema.name
 * or database.name, 3: database.schema.name). When `firstIsDatabase` and the pattern has all
 * `parts` parts, the first is the database. Dots beyond the last part are kept in the name as
 * `.` and counted, so callers can reject them.
 */
export function patternToRegex(pattern: string, parts: 1 | 2 | 3, firstIsDatabase = parts === 3): NamePattern {
  const bufs: string[] = ['^('];
  let dots = 0;
  let inQuotes = false;
  // The database part is compared literally with the current database's name, never as a regex.
  let left = firstIsDatabase && parts > 1;
  let literal = '';
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const cur = bufs.length - 1;
    if (ch === '"') {
      if (inQuotes && chars[i + 1] === '"') {
        bufs[cur] += '"';
        if (left) literal += '"';
        i++;
      } else {
        inQuotes = !inQuotes;
      }
    } else if (!inQuotes && ch >= 'A' && ch <= 'Z') {
      bufs[cur] += ch.toLowerCase();
      if (left) literal += ch.toLowerCase();
    } else if (!inQuotes && ch === '*') {
      bufs[cur] += '.*';
      if (left) literal += '*';
    } else if (!inQuotes && ch === '?') {
      bufs[cur] += '.';
      if (left) literal += '?';
    } else if (!inQuotes && ch === '.') {
      left = false;
      dots++;
      if (bufs.length < parts) {
        bufs[cur] += ')$';
        bufs.push('^(');
      } else {
        bufs[cur] += '.';
      }
    } else if (ch === '$') {
      bufs[cur] += '\\$';
      if (left) literal += '$';
    } else {
      if (inQuotes && REGEX_SPECIAL.includes(ch)) bufs[cur] += '\\';
      else if (ch === '[' && chars[i + 1] === ']') bufs[cur] += '\\';
      bufs[cur] += ch;
      if (left) literal += ch;
    }
  }
  bufs[bufs.length - 1] += ')$';
  const withDatabase = firstIsDatabase && parts > 1 && bufs.length === parts;
  const rest = withDatabase ? bufs.slice(1) : bufs;
  return {
    pattern,
    name: rest[rest.length - 1]!,
    schema: rest.length >= 2 ? rest[rest.length - 2]! : null,
    database: withDatabase ? literal : null,
    dots,
  };
}

/** What a pattern names; decides how many dotted parts it may have. */
export type PatternKind = 'schema' | 'table' | 'extension' | 'server';

/**
 * Converts one pattern for `kind` and rejects what pg_dump rejects: too many dotted parts, and
 * a database part other than the current database. (pg_dump 15-18 reject `-n db.schema` even
 * for the current database; here the current one is accepted, as for tables.)
 */
export function parsePattern(kind: PatternKind, pattern: string, currentDatabase: string | null): NamePattern {
  if (kind === 'table') {
    const p = patternToRegex(pattern, 3);
    if (p.dots > 2) throw new DumpError('usage', `improper relation name (too many dotted names): ${pattern}`);
    if (p.dots === 2 && currentDatabase !== null && p.database !== currentDatabase) {
      throw new DumpError('usage', `cross-database references are not implemented: ${pattern}`);
    }
    return p;
  }
  if (kind === 'schema') {
    const p = patternToRegex(pattern, 2, true);
    if (p.dots > 1) throw new DumpError('usage', `improper qualified name (too many dotted names): ${pattern}`);
    if (p.dots === 1 && currentDatabase !== null && p.database !== currentDatabase) {
      throw new DumpError('usage', `cross-database references are not implemented: ${pattern}`);
    }
    return p;
  }
  const p = patternToRegex(pattern, 1);
  if (p.dots > 0) throw new DumpError('usage', `improper qualified name (too many dotted names): ${pattern}`);
  return p;
}
