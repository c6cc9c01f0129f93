// Pure tests of the one quoting layer every emitter goes through.
import { afterEach, describe, expect, it } from 'vitest';
import { dollarQuote, qualify, quoteIdent, quoteLiteral, setQuoteAllIdentifiers, setServerKeywords } from '../src/sql/quote.js';

/**
 * True when `quoted` lexes as exactly one dollar-quoted string whose content is `body`:
 * the closing delimiter is the first occurrence of the opening one after it.
 */
function isOneDollarString(quoted: string, body: string): boolean {
  const m = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(quoted);
  if (!m) return false;
  const delim = m[0];
  const close = quoted.indexOf(delim, delim.length);
  return close === quoted.length - delim.length && quoted.slice(delim.length, close) === body;
}

afterEach(() => {
  setQuoteAllIdentifiers(false);
  setServerKeywords([]);
});

describe('quoteIdent', () => {
  it('leaves plain lower-case names alone', () => {
    for (const name of ['customers', 'order_items', '_private', 'a1', 't2_x']) expect(quoteIdent(name)).toBe(name);
  });

  it('quotes names that would fold or not lex as one identifier', () => {
    expect(quoteIdent('Customers')).toBe('"Customers"');
    expect(quoteIdent('ALLCAPS')).toBe('"ALLCAPS"');
    expect(quoteIdent('with space')).toBe('"with space"');
    expect(quoteIdent('1abc')).toBe('"1abc"');
    expect(quoteIdent('a-b')).toBe('"a-b"');
    expect(quoteIdent('')).toBe('""');
  });

  it('doubles embedded double quotes', () => {
    expect(quoteIdent('a"b')).toBe('"a""b"');
    expect(quoteIdent('"')).toBe('""""');
    expect(quoteIdent('say "hi"')).toBe('"say ""hi"""');
  });

  // The server's quote_ident() (and so pg_dump) quotes `a$b`: `$` is legal inside an
  // identifier but not in its "safe" set. SAFE_IDENT in src/sql/quote.ts allows it, which
  // restores fine but diffs against pg_dump. Flip to `it` when fixed.
  it('quotes names containing $ as quote_ident() does', () => {
    expect(quoteIdent('a$b')).toBe('"a$b"');
  });

  it('quotes non-ASCII names', () => {
    expect(quoteIdent('café')).toBe('"café"');
    expect(quoteIdent('表')).toBe('"表"');
    expect(quoteIdent('emoji😀')).toBe('"emoji😀"');
  });

  it('quotes reserved, column-name and type-function-name keywords', () => {
    // reserved
    for (const kw of ['select', 'user', 'table', 'from', 'order', 'group', 'check', 'default']) {
      expect(quoteIdent(kw), kw).toBe(`"${kw}"`);
    }
    // col_name_keyword and type_func_name_keyword categories also need quotes
    for (const kw of ['int', 'integer', 'varchar', 'values', 'left', 'join', 'authorization', 'collation']) {
      expect(quoteIdent(kw), kw).toBe(`"${kw}"`);
    }
  });

  it('leaves unreserved keywords unquoted', () => {
    for (const kw of ['name', 'text', 'type', 'data', 'key', 'action', 'comment', 'schema', 'version']) {
      expect(quoteIdent(kw), kw).toBe(kw);
    }
  });

  it('adds the keywords the source server reports', () => {
    expect(quoteIdent('oldkeyword')).toBe('oldkeyword');
    setServerKeywords(['oldkeyword']);
    expect(quoteIdent('oldkeyword')).toBe('"oldkeyword"');
    setServerKeywords([]);
    expect(quoteIdent('oldkeyword')).toBe('oldkeyword');
  });

  it('quotes everything under setQuoteAllIdentifiers', () => {
    setQuoteAllIdentifiers(true);
    expect(quoteIdent('customers')).toBe('"customers"');
    expect(quoteIdent('a"b')).toBe('"a""b"');
    setQuoteAllIdentifiers(false);
    expect(quoteIdent('customers')).toBe('customers');
  });
});

describe('qualify', () => {
  it('joins schema and name, quoting each part on its own', () => {
    expect(qualify('public', 'orders')).toBe('public.orders');
    expect(qualify('My Schema', 'select')).toBe('"My Schema"."select"');
    expect(qualify('s', 'a.b')).toBe('s."a.b"');
  });

  it('gives the bare name without a schema', () => {
    expect(qualify(null, 'Orders')).toBe('"Orders"');
    expect(qualify(undefined, 'orders')).toBe('orders');
    expect(qualify('', 'orders')).toBe('orders');
  });
});

describe('quoteLiteral', () => {
  it('wraps in single quotes and doubles embedded ones', () => {
    expect(quoteLiteral('abc')).toBe("'abc'");
    expect(quoteLiteral('')).toBe("''");
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral("''")).toBe("''''''");
  });

  it('keeps backslashes, newlines and unicode verbatim (standard_conforming_strings on)', () => {
    expect(quoteLiteral('C:\\path\\n')).toBe("'C:\\path\\n'");
    expect(quoteLiteral('line1\nline2\ttab')).toBe("'line1\nline2\ttab'");
    expect(quoteLiteral('naïve ☃')).toBe("'naïve ☃'");
  });
});

describe('dollarQuote', () => {
  it('uses $$ when the body has no dollar delimiter', () => {
    const body = 'SELECT 1';
    expect(dollarQuote(body)).toBe('$$SELECT 1$$');
    expect(isOneDollarString(dollarQuote(body), body)).toBe(true);
  });

  it('picks another tag when the body contains $$', () => {
    const body = "BEGIN EXECUTE $$SELECT 'x'$$; END";
    const q = dollarQuote(body);
    expect(q.startsWith('$$')).toBe(false);
    expect(isOneDollarString(q, body)).toBe(true);
  });

  it('picks yet another tag when the body contains both $$ and $_$', () => {
    const body = 'a $$ b $_$ c';
    const q = dollarQuote(body);
    const tag = /^\$[^$]*\$/.exec(q)![0];
    expect(body.includes(tag)).toBe(false);
    expect(isOneDollarString(q, body)).toBe(true);
  });

  it('honours a preferred tag when it is free', () => {
    const q = dollarQuote('SELECT $1', 'body');
    expect(q).toBe('$body$SELECT $1$body$');
    expect(isOneDollarString(q, 'SELECT $1')).toBe(true);
  });

  it('round-trips bodies full of dollar signs', () => {
    for (const body of ['$1 + $2', '$a$ $b$ c', 'x $_$ y $__$ z $$', "'$$'", '\n$$\n', '$$']) {
      expect(isOneDollarString(dollarQuote(body), body), JSON.stringify(body)).toBe(true);
    }
  });

  // A body ending in `$` (or `$tag`) must not be closed by `$tag$`: `$$a$$$` lexes as 'a'
  // followed by a stray `$`. pg_dump avoids it by checking the body for the delimiter
  // without its trailing `$`. Flip to `it` once src/sql/quote.ts does the same.
  it('does not let a body ending in $ run into the closing delimiter', () => {
    for (const body of ['a$', '$', 'x $$ y $_']) {
      expect(isOneDollarString(dollarQuote(body), body), JSON.stringify(body)).toBe(true);
    }
  });
});
