import { AsyncLocalStorage } from 'node:async_hooks';
import { RESERVED_KEYWORDS } from './keywords.js';

/**
 * How identifiers are quoted during one dump. Keywords: the built-in list is the newest
 * server's (a dump restores into newer servers than it came from); the session adds what
 * the source server reports, so a keyword only an older server had is quoted too.
 * Each dump runs inside withQuoteRules(), so two dumps running at once in one process (of
 * servers of different majors, one with --quote-all-identifiers) never see each other's rules.
 */
interface QuoteRules {
  extraKeywords: ReadonlySet<string>;
  quoteAll: boolean;
}

const scoped = new AsyncLocalStorage<QuoteRules>();
/** The rules outside any dump (unit tests and direct calls of the renderers). */
const unscoped: QuoteRules = { extraKeywords: new Set(), quoteAll: false };

function rules(): QuoteRules {
  return scoped.getStore() ?? unscoped;
}

/** Runs `fn` (and everything it awaits) with quoting rules of its own, initially the defaults. */
export function withQuoteRules<T>(fn: () => T): T {
  return scoped.run({ extraKeywords: new Set(), quoteAll: false }, fn);
}

export function setServerKeywords(words: Iterable<string>): void {
  rules().extraKeywords = new Set(words);
}

export function setQuoteAllIdentifiers(on: boolean): void {
  rules().quoteAll = on;
}

const SAFE_IDENT = /^[a-z_][a-z0-9_]*$/;

/** Quotes an identifier exactly when PostgreSQL needs it to be quoted. */
export function quoteIdent(name: string): string {
  const r = rules();
  if (!r.quoteAll && SAFE_IDENT.test(name) && !RESERVED_KEYWORDS.has(name) && !r.extraKeywords.has(name)) {
    return name;
  }
  return '"' + name.replace(/"/g, '""') + '"';
}

/** schema.name with each part quoted as needed; a null schema gives the bare name. */
export function qualify(schema: string | null | undefined, name: string): string {
  return schema ? `${quoteIdent(schema)}.${quoteIdent(name)}` : quoteIdent(name);
}

/** A string literal valid with standard_conforming_strings on (the dump script sets it). */
export function quoteLiteral(value: string): string {
  return "'" + value.replace(/'/g, "''") + "'";
}

/**
 * Dollar-quotes a body with a tag that cannot occur in it: `$$` when free, else `$_$`,
 * `$__$`, ... the way pg_dump picks tags, so bodies containing `$$` stay intact.
 */
export function dollarQuote(body: string, preferred = ''): string {
  // Like pg_dump: the opening `$tag` (without its closing `$`) must not occur in the body,
  // so a body ending in `$tag` cannot run into the closing delimiter either.
  let tag = preferred;
  while (body.includes(`$${tag}`)) tag += '_';
  return `$${tag}$${body}$${tag}$`;
}
