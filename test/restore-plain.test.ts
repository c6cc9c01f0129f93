// The plain-script replayer: splitter unit tests, then restores against real servers.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DumpError } from '../src/errors.js';
import { restorePlain, type RestoreStatementError } from '../src/restore/plain.js';
import { ScriptSplitter, splitScript, type ScriptItem } from '../src/restore/splitter.js';
import { createDatabase, dropDatabase, pgDump, query } from './util/pg.js';

/** Items with adjacent copy-data merged, so differently chunked inputs compare equal. */
function normalize(items: ScriptItem[]): ScriptItem[] {
  const out: ScriptItem[] = [];
  for (const it of items) {
    const prev = out[out.length - 1];
    if (it.kind === 'copy-data' && prev?.kind === 'copy-data') out[out.length - 1] = { kind: 'copy-data', chunk: prev.chunk + it.chunk };
    else out.push(it);
  }
  return out;
}

function splitIn(text: string, size: number): ScriptItem[] {
  const s = new ScriptSplitter();
  const items: ScriptItem[] = [];
  for (let i = 0; i < text.length; i += size) items.push(...s.feed(text.slice(i, i + size)));
  items.push(...s.end());
  return normalize(items);
}

const split = (text: string): ScriptItem[] => normalize(splitScript(text));
const texts = (text: string): string[] => split(text).map((i) => ('text' in i ? i.text : i.kind));

describe('ScriptSplitter', () => {
  it('splits statements and tracks their lines', () => {
    expect(split('SELECT 1;\n\n  SELECT 2; SELECT\n3;\n')).toEqual([
      { kind: 'sql', text: 'SELECT 1;', line: 1 },
      { kind: 'sql', text: 'SELECT 2;', line: 3 },
      { kind: 'sql', text: 'SELECT\n3;', line: 3 },
    ]);
  });

  it('drops leading comments and empty statements, keeps an unterminated last statement', () => {
    expect(split('-- header; \n/* only a comment */;\n;\n-- x\nSELECT 1 -- trailing;\n, 2')).toEqual([
      { kind: 'sql', text: 'SELECT 1 -- trailing;\n, 2', line: 5 },
    ]);
  });

  it('respects single-quoted strings with doubled quotes', () => {
    expect(texts("SELECT 'a;b''c;', 'x'';'';\nnext;';\nSELECT 2;")).toEqual([
      "SELECT 'a;b''c;', 'x'';'';\nnext;';",
      'SELECT 2;',
    ]);
  });

  it('treats backslashes as escapes only in E strings', () => {
    expect(texts("SELECT 'a\\'; SELECT E'b\\'; c', e'\\\\'; SELECT x'0f', N'\\';")).toEqual([
      "SELECT 'a\\';",
      "SELECT E'b\\'; c', e'\\\\';",
      "SELECT x'0f', N'\\';",
    ]);
    // an identifier ending in e is not an E prefix
    expect(texts("SELECT somee'\\'; SELECT 1;")).toEqual(["SELECT somee'\\';", 'SELECT 1;']);
  });

  it('respects dollar quotes with any tag, nested different tags and $ in identifiers', () => {
    const fn = 'CREATE FUNCTION f() RETURNS text AS $body$\nBEGIN; $$;$$ $x$ ; $x$ $bod; $body $body$ LANGUAGE sql;';
    expect(texts(`${fn}\nSELECT $$a;$$, $q$;$$;$q$;\nSELECT $1, a$b$c FROM t$;\nSELECT $_$;$_$, $é$;$é$;`)).toEqual([
      fn,
      'SELECT $$a;$$, $q$;$$;$q$;',
      'SELECT $1, a$b$c FROM t$;',
      'SELECT $_$;$_$, $é$;$é$;',
    ]);
  });

  it('respects double-quoted identifiers and Unicode escapes', () => {
    expect(texts('CREATE TABLE "a;""b" ("x;" int);\nSELECT U&"d;\\0061", U&\'\\0061;\' UESCAPE \'!\';\n')).toEqual([
      'CREATE TABLE "a;""b" ("x;" int);',
      'SELECT U&"d;\\0061", U&\'\\0061;\' UESCAPE \'!\';',
    ]);
  });

  it('respects line comments and nested block comments', () => {
    expect(texts("SELECT 1 -- ; 'unclosed \"\n + 2;\nSELECT /* a; /* nested; */ still; */ 3;\nSELECT 4 /*/ ; */;")).toEqual([
      "SELECT 1 -- ; 'unclosed \"\n + 2;",
      'SELECT /* a; /* nested; */ still; */ 3;',
      'SELECT 4 /*/ ; */;',
    ]);
  });

  it('does not split inside parentheses', () => {
    const rule = 'CREATE RULE r AS ON INSERT TO t DO INSTEAD (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2););';
    expect(texts(`${rule}\nSELECT (1);`)).toEqual([rule, 'SELECT (1);']);
  });

  it('keeps BEGIN ATOMIC bodies of functions and procedures whole, like psql', () => {
    const f = 'CREATE FUNCTION public.f(a integer) RETURNS integer\n    LANGUAGE sql\n    BEGIN ATOMIC\n SELECT CASE WHEN (a > 0) THEN a ELSE 0 END AS "case";\n SELECT 2;\nEND;';
    const p = 'create or replace procedure p() language sql begin atomic insert into t values (1); case_x; end;';
    expect(texts(`${f}\n${p}\nBEGIN;\nSELECT 1;\nEND;\nCREATE TABLE begin (x int);`)).toEqual([
      f, p, 'BEGIN;', 'SELECT 1;', 'END;', 'CREATE TABLE begin (x int);',
    ]);
  });

  it('reports psql meta-commands at line start with dequoted arguments', () => {
    const script = [
      '\\restrict abc123',
      '\\connect -reuse-previous=on "dbname=\'my ""db\'"',
      '  \\c plain',
      "\\set ON_ERROR_STOP 'on\\t'",
      '\\pset format unaligned',
      "SELECT 'multi",
      "\\not a meta';",
      '\\unrestrict abc123',
    ].join('\n');
    expect(split(script)).toEqual([
      { kind: 'meta', command: 'restrict', args: ['abc123'], line: 1 },
      { kind: 'meta', command: 'connect', args: ['-reuse-previous=on', 'dbname=\'my "db\''], line: 2 },
      { kind: 'meta', command: 'c', args: ['plain'], line: 3 },
      { kind: 'meta', command: 'set', args: ['ON_ERROR_STOP', 'on\t'], line: 4 },
      { kind: 'meta', command: 'pset', args: ['format', 'unaligned'], line: 5 },
      { kind: 'sql', text: "SELECT 'multi\n\\not a meta';", line: 6 },
      { kind: 'meta', command: 'unrestrict', args: ['abc123'], line: 8 },
    ]);
  });

  const copyScript = [
    'COPY public."t;x" (a, "b c") FROM stdin;',
    "1\tsemi;colon\t'quote''\t\"dq\"",
    '2\tback\\\\slash\\ttab\\nnl\t\\N\t\\.notend',
    '3\t$$ -- not a comment /* \tend\\.',
    '\\\\.',
    '\\.',
    "SELECT ';';",
    'copy t from STDIN with (format csv);',
    'a,"b\r',
    '\\.\r',
    'COPY t TO stdout;',
    'COPY t FROM stdin; SELECT 99;',
    'x',
    '\\.',
    'COPY t FROM stdin;',
    'unterminated',
  ].join('\n');

  it('streams COPY data verbatim up to the \\. line', () => {
    expect(split(copyScript)).toEqual([
      { kind: 'copy', text: 'COPY public."t;x" (a, "b c") FROM stdin;', line: 1 },
      { kind: 'copy-data', chunk: "1\tsemi;colon\t'quote''\t\"dq\"\n2\tback\\\\slash\\ttab\\nnl\t\\N\t\\.notend\n3\t$$ -- not a comment /* \tend\\.\n\\\\.\n" },
      { kind: 'copy-end' },
      { kind: 'sql', text: "SELECT ';';", line: 7 },
      { kind: 'copy', text: 'copy t from STDIN with (format csv);', line: 8 },
      { kind: 'copy-data', chunk: 'a,"b\r\n' },
      { kind: 'copy-end' },
      { kind: 'sql', text: 'COPY t TO stdout;', line: 11 },
      { kind: 'copy', text: 'COPY t FROM stdin;', line: 12 },
      { kind: 'copy-data', chunk: 'x\n' },
      { kind: 'copy-end' },
      { kind: 'sql', text: 'SELECT 99;', line: 12 },
      { kind: 'copy', text: 'COPY t FROM stdin;', line: 15 },
      { kind: 'copy-data', chunk: 'unterminated' },
      { kind: 'copy-end' },
    ]);
  });

  const kitchenSink = [
    '--\n-- PostgreSQL database dump\n--\n\n\\restrict K3y\r\n',
    "SET client_encoding = 'UTF8';\nSELECT pg_catalog.set_config('search_path', '', false);\n",
    'CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT CASE WHEN true THEN 2 END; END;\n',
    "CREATE FUNCTION g() RETURNS text AS $g$ SELECT $$;$$ || E'\\';' /* ; */ $g$ LANGUAGE sql;\n",
    '/* a /* nested */ block; */ SELECT "x;""y" -- c;\n FROM (SELECT 1 AS "x;""y"; ) s;\n',
    copyScript,
    '\n\\.\nSELECT \'tail ünï 😀\';\n\\unrestrict K3y\n',
  ].join('');

  it('gives the same items whatever the chunk boundaries', () => {
    const whole = split(kitchenSink);
    expect(whole.length).toBeGreaterThan(15);
    for (const size of [1, 2, 3, 5, 7, 64]) expect(splitIn(kitchenSink, size)).toEqual(whole);
    // random boundaries too
    let seed = 42;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const s = new ScriptSplitter();
    const items: ScriptItem[] = [];
    for (let i = 0; i < kitchenSink.length;) {
      const n = 1 + Math.floor(rnd() * 20);
      items.push(...s.feed(kitchenSink.slice(i, i + n)));
      i += n;
    }
    expect(normalize([...items, ...s.end()])).toEqual(whole);
  });

  it('hands out COPY data before the block ends', () => {
    const s = new ScriptSplitter();
    expect(s.feed('COPY t FROM stdin;\n')).toEqual([{ kind: 'copy', text: 'COPY t FROM stdin;', line: 1 }]);
    let sent = 0;
    for (let i = 0; i < 1000; i++) {
      const items = s.feed(`${i}\tsome row text ${'x'.repeat(100)}\n`);
      for (const it of items) if (it.kind === 'copy-data') sent += it.chunk.length;
    }
    expect(sent).toBeGreaterThan(100_000);
    // a chunk ending in "\" or "\." is held back until the next one tells whether it is the end marker
    expect(s.feed('\\')).toEqual([]);
    expect(s.feed('.')).toEqual([]);
    expect(s.feed('\nSELECT 1;\n')).toEqual([{ kind: 'copy-end' }, { kind: 'sql', text: 'SELECT 1;', line: 1003 }]);
  });
});

const servers = inject('servers'); // real servers from test/servers/global-setup.ts

const tmp = mkdtempSync(join(tmpdir(), 'restore-plain-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The \restrict key is random per pg_dump run. */
const unkeyed = (dump: string): string => dump.replace(/^\\(un)?restrict \S+$/gm, '\\$1restrict KEY');

/** The installed pg_dump cannot read servers newer than itself. */
const PG_DUMP_MAJOR = Number(/\) (\d+)/.exec(execFileSync('pg_dump', ['--version'], { encoding: 'utf8' }))?.[1] ?? 0);

function fixtureSql(major: number): string {
  return `
CREATE SCHEMA "Odd ""Schema"";";
CREATE TYPE public.mood AS ENUM ('sad', 'ok;', 'hap''py');
CREATE TABLE public.t1 (id int PRIMARY KEY, txt text, b bytea, j jsonb, arr text[], m public.mood, n numeric, f float8);
INSERT INTO public.t1 VALUES
 (1, E'tab\\there\\nnewline\\\\backslash ''q'' "dq" ; semi\\r\\ncrlf', '\\x00ff5c0a2e', '{"a": "\\u00e9\\\\n;"}', ARRAY['a,b', 'c"d', NULL, ''], 'ok;', 1e40, 'NaN'),
 (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
 (3, E'ünïcødé 😀 \\\\.\\n\\\\.', '', '"\\u00e9x"'::text::jsonb, '{}', 'hap''py', -0.000001, '-Infinity'),
 (4, E'\\\\.', '\\x5c2e', 'null', ARRAY['\\.'], 'sad', 0, 1.5),
 (5, '', NULL, '[]', NULL, NULL, NULL, NULL);
CREATE TABLE "Odd ""Schema"";"."Mixed Case" ("select" int, "semi;colon" text DEFAULT ';');
INSERT INTO "Odd ""Schema"";"."Mixed Case" VALUES (1, E'line1\\nline2\\t$$'), (2, NULL);
CREATE TABLE public.t2 (v int);
CREATE SEQUENCE public.s START 7; SELECT setval('public.s', 42);
CREATE FUNCTION public.f_plpgsql(a int) RETURNS int LANGUAGE plpgsql AS $$
BEGIN
  IF a > 0 THEN RETURN a; END IF; -- semicolons; inside a dollar quote
  RETURN -a;
END $$;
CREATE FUNCTION public.f_tag() RETURNS text LANGUAGE sql AS $q$ SELECT '$$;' || $x$;$x$ $q$;
CREATE FUNCTION public.trg() RETURNS trigger LANGUAGE plpgsql AS $body$ BEGIN NEW.v := coalesce(NEW.v, 0); RETURN NEW; END $body$;
CREATE TRIGGER tr BEFORE INSERT ON public.t2 FOR EACH ROW EXECUTE FUNCTION public.trg();
CREATE VIEW public.v AS SELECT id, txt FROM public.t1 WHERE txt <> ';';
CREATE TABLE public.rule_t (x int);
CREATE RULE r AS ON INSERT TO public.rule_t DO INSTEAD (INSERT INTO public.t2 VALUES (NEW.x); INSERT INTO public.t2 VALUES (NEW.x + 1));
COMMENT ON TABLE public.t1 IS 'comment with ; and ''quotes'' and $$ and \\';
SELECT lo_from_bytea(0, '\\x68656c6c6f3b0a5c2e'::bytea);
${major >= 14 ? `
CREATE FUNCTION public.f_atomic(a int) RETURNS int LANGUAGE sql
BEGIN ATOMIC
  SELECT CASE WHEN a > 0 THEN a ELSE -a END;
END;
CREATE PROCEDURE public.p_atomic(a int) LANGUAGE sql
BEGIN ATOMIC INSERT INTO public.t2 VALUES (a); INSERT INTO public.t2 VALUES (a + 1); END;
CALL public.p_atomic(5);` : ''}
`;
}

describe.each(servers)('restorePlain on PostgreSQL $major', ({ major, url }) => {
  const db = (name: string): string => `restore_plain_${name}_${major}`;

  // pg_dump refuses servers newer than itself: the oracle cases exist only where it can run.
  const oracleIt = major > PG_DUMP_MAJOR ? null : it;
  const sameMajorIt = major !== PG_DUMP_MAJOR ? null : it;
  oracleIt?.('restores a real pg_dump script so that pg_dump of the copy is identical', async () => {
    const src = await createDatabase(url, db('src'));
    const dst = await createDatabase(url, db('dst'));
    try {
      await query(src, fixtureSql(major));
      const before = await pgDump(src);
      expect(before).toContain('COPY public.t1');
      const errors: RestoreStatementError[] = [];
      const file = join(tmp, `dump${major}.sql`);
      writeFileSync(file, before);
      const res = await restorePlain({ connection: dst, input: file, onError: (e) => errors.push(e) });
      expect(errors).toEqual([]);
      expect(res.errors).toBe(0);
      expect(res.copiedRows).toBe(5 + 2 + (major >= 14 ? 2 : 0));
      expect(unkeyed(await pgDump(dst))).toBe(unkeyed(before));
    } finally {
      await dropDatabase(url, db('src'));
      await dropDatabase(url, db('dst'));
    }
  });

  // pg_dump's CREATE DATABASE options follow its own version, so only a same-major server takes them.
  sameMajorIt?.('replays pg_dump --create: \\connect to a database with a hostile name', async () => {
    const name = `restore plain "odd" 'db' ${major}`;
    const src = await createDatabase(url, name);
    try {
      await query(src, fixtureSql(major));
      const before = await pgDump(src);
      const script = await pgDump(src, ['--create']);
      expect(script).toContain('\\connect -reuse-previous=on');
      await dropDatabase(url, name);
      const res = await restorePlain({ connection: url, input: Readable.from([script]), exitOnError: true });
      expect(res.errors).toBe(0);
      expect(unkeyed(await pgDump(src))).toBe(unkeyed(before));
    } finally {
      await dropDatabase(url, name);
    }
  });

  it('counts errors and goes on, skipping the data of a failed COPY', async () => {
    const target = await createDatabase(url, db('errors'));
    try {
      const script = [
        'CREATE TABLE a (x int, y text);',
        'COPY nosuch (x) FROM stdin;',
        "1;DROP TABLE a; SELECT 'x",
        '\\.',
        "INSERT INTO a VALUES (1, 'ok');",
        'SELECT 1/0;',
        'COPY a (x, y) FROM stdin;',
        '2\ttwo',
        '3\t\\N',
        '\\.',
        '\\! echo not run',
      ].join('\n');
      const errors: RestoreStatementError[] = [];
      const warnings: string[] = [];
      const res = await restorePlain({
        connection: target, input: Readable.from([script]), onError: (e) => errors.push(e), onWarning: (w) => warnings.push(w),
      });
      expect(res).toEqual({ statements: 5, errors: 2, copiedRows: 2 });
      expect(errors.map((e) => [e.line, e.statement.slice(0, 10)])).toEqual([[2, 'COPY nosuc'], [6, 'SELECT 1/0']]);
      expect(errors[1]!.message).toMatch(/division by zero/);
      expect(warnings).toEqual([expect.stringMatching(/line 11: unsupported psql meta-command \\! skipped/)]);
      expect(await query(target, 'SELECT x, y FROM a ORDER BY x')).toEqual([{ x: 1, y: 'ok' }, { x: 2, y: 'two' }, { x: 3, y: null }]);
    } finally {
      await dropDatabase(url, db('errors'));
    }
  });

  it('stops at the first error with exitOnError, naming the line and statement', async () => {
    const target = await createDatabase(url, db('stop'));
    try {
      const script = 'CREATE TABLE a (x int);\nINSERT INTO a VALUES (1);\n\nINSERT INTO nosuch\n  VALUES (1);\nINSERT INTO a VALUES (2);\n';
      const err = await restorePlain({ connection: target, input: Readable.from([script]), exitOnError: true }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DumpError);
      expect((err as DumpError).code).toBe('query');
      expect((err as DumpError).message).toMatch(/^line 4: relation "nosuch" does not exist \(in: INSERT INTO nosuch VALUES \(1\);\)$/);
      expect(await query(target, 'SELECT x FROM a')).toEqual([{ x: 1 }]);
    } finally {
      await dropDatabase(url, db('stop'));
    }
  });

  it('rolls everything back with singleTransaction', async () => {
    const target = await createDatabase(url, db('single'));
    try {
      const script = 'CREATE TABLE a (x int);\nCOPY a FROM stdin;\n1\n\\.\nSELECT nosuch();\n';
      await expect(restorePlain({ connection: target, input: Readable.from([script]), singleTransaction: true }))
        .rejects.toThrow(/line 5: function nosuch\(\) does not exist/);
      expect(await query(target, "SELECT to_regclass('a') IS NULL AS gone")).toEqual([{ gone: true }]);
    } finally {
      await dropDatabase(url, db('single'));
    }
  });

  it('honours \\restrict and \\set ON_ERROR_STOP', async () => {
    const target = await createDatabase(url, db('restrict'));
    try {
      const errors: string[] = [];
      const script = '\\restrict k1\n\\! touch /tmp/should-not\n\\unrestrict wrong\n\\unrestrict k1\n\\set ON_ERROR_STOP on\nSELECT nosuch;\nSELECT 1;\n';
      await expect(restorePlain({ connection: target, input: Readable.from([script]), onError: (e) => errors.push(e.message) }))
        .rejects.toThrow(/line 6: column "nosuch" does not exist/);
      expect(errors).toEqual([
        'backslash commands are restricted; only \\unrestrict is allowed',
        '\\unrestrict: wrong key',
        'column "nosuch" does not exist',
      ]);
    } finally {
      await dropDatabase(url, db('restrict'));
    }
  });

  it('streams a large COPY, and survives one that fails part-way', async () => {
    const target = await createDatabase(url, db('big'));
    try {
      const rows = 200_000;
      function* script(badAt: number): Generator<string> {
        yield 'CREATE TABLE IF NOT EXISTS big (id int, t text);\nCOPY big FROM stdin;\n';
        let buf = '';
        for (let i = 0; i < rows; i++) {
          buf += `${i === badAt ? 'oops' : i}\trow ${i} with ; and 'quotes' and \\\\ backslash\n`;
          if (buf.length > 10_000) { yield buf; buf = ''; }
        }
        yield `${buf}\\.\nSELECT count(*) FROM big;\n`;
      }
      const ok = await restorePlain({ connection: target, input: Readable.from(script(-1)) });
      expect(ok).toEqual({ statements: 3, errors: 0, copiedRows: rows });
      const errors: RestoreStatementError[] = [];
      const bad = await restorePlain({ connection: target, input: Readable.from(script(50_000)), onError: (e) => errors.push(e) });
      expect(bad).toEqual({ statements: 3, errors: 1, copiedRows: 0 });
      expect(errors[0]!.message).toMatch(/invalid input syntax for type integer: "oops".*line 50001/);
      await expect(restorePlain({ connection: target, input: Readable.from(script(10)), exitOnError: true }))
        .rejects.toThrow(/^line 2: invalid input syntax/);
      expect(await query(target, 'SELECT count(*)::int AS n FROM big')).toEqual([{ n: rows }]);
    } finally {
      await dropDatabase(url, db('big'));
    }
  });
});
