// psql's name patterns as pg_dump uses them, the --filter file format, and the CLI's collection
// of repeated selection flags: pure functions, no server. The expected regexes are the ones
// psql 15 prints for the same patterns (`psql -E`, `\dt PATTERN`).
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { addSelectionFlags } from '../src/cli/selection-flags.js';
import { parseFilterFile, parsePattern, patternToRegex, prepareSelection } from '../src/select/index.js';

describe('pattern to regular expression', () => {
  const cases: [string, string, string | null][] = [
    // pattern, name regex, schema regex (schema.name patterns)
    ['foo', '^(foo)$', null],
    ['FOO', '^(foo)$', null],
    ['"FOO"', '^(FOO)$', null],
    ['x"Y"z', '^(xYz)$', null],
    ['"a""b"', '^(a"b)$', null],
    ['f*o?', '^(f.*o.)$', null],
    ['"f*o?"', '^(f\\*o\\?)$', null],
    ['s.t', '^(t)$', '^(s)$'],
    ['S*.T?', '^(t.)$', '^(s.*)$'],
    ['"s.t"', '^(s\\.t)$', null],
    ['"My Schema"."My Table"', '^(My Table)$', '^(My Schema)$'],
    ['a$b', '^(a\\$b)$', null],
    ['"a$b"', '^(a\\$b)$', null],
    ['int[]', '^(int\\[])$', null],
    ['a[0-9]', '^(a[0-9])$', null],
    ['foo|bar', '^(foo|bar)$', null],
    ['"foo|bar"', '^(foo\\|bar)$', null],
    ['a+b', '^(a+b)$', null],
    ['"(x)"', '^(\\(x\\))$', null],
    ['"a\\b"', '^(a\\\\b)$', null],
    ['é*', '^(é.*)$', null],
    ['ÉA', '^(Éa)$', null],
    ['', '^()$', null],
    ['.t', '^(t)$', '^()$'],
  ];
  it.each(cases)('%s', (pattern, name, schema) => {
    const p = patternToRegex(pattern, 2);
    expect(p.name).toBe(name);
    expect(p.schema).toBe(schema);
  });

  it('splits database.schema.name and keeps the database literal', () => {
    expect(patternToRegex('Db.s.t', 3)).toMatchObject({ database: 'db', schema: '^(s)$', name: '^(t)$', dots: 2 });
    expect(patternToRegex('"My.Db".s.t', 3)).toMatchObject({ database: 'My.Db', schema: '^(s)$', name: '^(t)$' });
    expect(patternToRegex('d*.s.t', 3)).toMatchObject({ database: 'd*' });
    expect(patternToRegex('s.t', 3)).toMatchObject({ database: null, schema: '^(s)$', name: '^(t)$', dots: 1 });
  });

  it('keeps extra dots in the name and counts them', () => {
    expect(patternToRegex('a.b.c.d', 3)).toMatchObject({ name: '^(c.d)$', dots: 3 });
    expect(patternToRegex('a.b', 1)).toMatchObject({ name: '^(a.b)$', schema: null, dots: 1 });
  });
});

describe('pattern checks, with pg_dump\'s messages', () => {
  it('rejects too many dotted names', () => {
    expect(() => parsePattern('table', 'a.b.c.d', 'db')).toThrow('improper relation name (too many dotted names): a.b.c.d');
    expect(() => parsePattern('schema', 'a.b.c', 'db')).toThrow('improper qualified name (too many dotted names): a.b.c');
    expect(() => parsePattern('extension', 'a.b', 'db')).toThrow('improper qualified name (too many dotted names): a.b');
    expect(() => parsePattern('server', 'a.b', 'db')).toThrow('improper qualified name (too many dotted names): a.b');
  });
  it('accepts only the current database', () => {
    expect(parsePattern('table', 'DB.s.t', 'db').name).toBe('^(t)$');
    expect(() => parsePattern('table', 'other.s.t', 'db')).toThrow('cross-database references are not implemented: other.s.t');
    expect(() => parsePattern('table', '"DB".s.t', 'db')).toThrow('cross-database references are not implemented');
    expect(parsePattern('schema', 'db.s', 'db').name).toBe('^(s)$');
    expect(() => parsePattern('schema', 'other.s', 'db')).toThrow('cross-database references are not implemented: other.s');
  });
  it('checks shapes before connecting', async () => {
    await expect(prepareSelection({ table: ['a.b.c.d'] })).rejects.toMatchObject({ code: 'usage' });
    await expect(prepareSelection({ section: ['middle' as never] })).rejects.toThrow('unrecognized section name: "middle"');
    await expect(prepareSelection({ schemaOnly: true, includeForeignData: ['x'] })).rejects.toThrow(
      'options -s/--schema-only and --include-foreign-data cannot be used together',
    );
    await expect(prepareSelection({ dataOnly: true, noData: true })).rejects.toThrow('options -a/--data-only and --no-data cannot be used together');
    await expect(prepareSelection({ statisticsOnly: true, noStatistics: true })).rejects.toThrow('options --statistics-only and --no-statistics cannot be used together');
    expect(await prepareSelection({ statisticsOnly: true })).toMatchObject({ dumpSchema: false, dumpData: false, dumpStatistics: true });
    expect(await prepareSelection({})).toMatchObject({ dumpSchema: true, dumpData: true, dumpStatistics: false });
  });
});

describe('what a request selects before any pattern is resolved', () => {
  it('dumps everything, large objects included, by default', async () => {
    const r = await prepareSelection({});
    expect(r).toMatchObject({ includeEverything: true, dumpSchema: true, dumpData: true, largeObjects: true });
    expect([...r.sections]).toEqual(['pre-data', 'data', 'post-data']);
  });
  it('leaves large objects out of a selective dump unless -b', async () => {
    expect((await prepareSelection({ schema: ['s'] })).largeObjects).toBe(false);
    expect((await prepareSelection({ schema: ['s'], largeObjects: true })).largeObjects).toBe(true);
    expect((await prepareSelection({ noLargeObjects: true })).largeObjects).toBe(false);
    expect((await prepareSelection({ noLargeObjects: true, largeObjects: true })).largeObjects).toBe(true);
    expect((await prepareSelection({ schemaOnly: true })).largeObjects).toBe(false);
  });
  it('maps -s, -a, --no-data and --no-schema as pg_dump 18 does', async () => {
    expect(await prepareSelection({ schemaOnly: true })).toMatchObject({ dumpSchema: true, dumpData: false });
    expect(await prepareSelection({ dataOnly: true })).toMatchObject({ dumpSchema: false, dumpData: true });
    expect(await prepareSelection({ noData: true })).toMatchObject({ dumpSchema: true, dumpData: false });
    expect(await prepareSelection({ noSchema: true, noData: true })).toMatchObject({ dumpSchema: false, dumpData: false });
  });
  it('-e selects, but an extension in a filter file does not (pg_dump 17 quirk)', async () => {
    expect((await prepareSelection({ extension: ['x'] })).includeEverything).toBe(false);
  });
});

describe('filter files', () => {
  it('reads commands, types and patterns', () => {
    const items = parseFilterFile(
      [
        '# a comment',
        '',
        'include table public.t1',
        '  INCLUDE   Schema   "My Schema"  # trailing comment',
        'exclude table_data s . t',
        'exclude table_data_and_children "s"."T"',
        'include table_and_children p',
        'exclude table_and_children q',
        'include foreign_data srv',
        'include extension e',
        'exclude extension f',
        'exclude schema a b',
        'include table "multi',
        'line"',
        'include table "esc\\nape\\\\d"',
        'include table "q""uote"',
        '',
      ].join('\n'),
      'f.txt',
    );
    expect(items.map((i) => [i.command, i.objectType, i.pattern])).toEqual([
      ['include', 'table', 'public.t1'],
      ['include', 'schema', '"My Schema"'],
      ['exclude', 'table_data', 's.t'],
      ['exclude', 'table_data_and_children', '"s"."T"'],
      ['include', 'table_and_children', 'p'],
      ['exclude', 'table_and_children', 'q'],
      ['include', 'foreign_data', 'srv'],
      ['include', 'extension', 'e'],
      ['exclude', 'extension', 'f'],
      ['exclude', 'schema', 'a b'],
      ['include', 'table', '"multi\nline"'],
      ['include', 'table', '"esc\nape\\d"'],
      ['include', 'table', '"q""uote"'],
    ]);
    expect(items.map((i) => i.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16]);
  });

  const bad: [string, string][] = [
    ['frobnicate table t', 'line 1: invalid filter command (expected "include" or "exclude")'],
    ['include', 'line 1: missing filter object type'],
    ['include widget w', 'line 1: unsupported filter object type: "widget"'],
    ['include table', 'line 1: missing object name pattern'],
    ['include table_data t', 'line 1: include filter for "table data" is not allowed'],
    ['include table_data_and_children t', 'line 1: include filter for "table data and children" is not allowed'],
    ['exclude foreign_data s', 'line 1: exclude filter for "foreign data" is not allowed'],
    ['\ninclude function f()', 'line 2: include filter for "function" is not allowed'],
    ['exclude trigger t', 'line 1: exclude filter for "trigger" is not allowed'],
    ['include table "open', 'line 1: unexpected end of file'],
  ];
  it.each(bad)('rejects %j', (text, message) => {
    expect(() => parseFilterFile(text, 'f.txt')).toThrow(`invalid format in filter read from file "f.txt" on ${message}`);
  });
  it('names standard input', () => {
    expect(() => parseFilterFile('oops', '-')).toThrow('invalid format in filter read from standard input on line 1');
  });
});

describe('CLI selection flags', () => {
  const parse = (args: string[]) => {
    const cmd = new Command().exitOverride();
    const read = addSelectionFlags(cmd);
    cmd.parse(args, { from: 'user' });
    return read();
  };
  it('collects repeated patterns in order', () => {
    expect(parse(['-n', 'a', '--schema', 'B', '-n', '"C"'])).toEqual({ schema: ['a', 'B', '"C"'] });
    expect(parse(['-t', 'x', '-T', 'y', '--exclude-table-data', 'z', '--section', 'data', '--section', 'pre-data'])).toEqual({
      table: ['x'],
      excludeTable: ['y'],
      excludeTableData: ['z'],
      section: ['data', 'pre-data'],
    });
  });
  it('keeps --schema patterns next to --no-schema, and -b next to -B', () => {
    expect(parse(['-n', 'a', '--no-schema', '-n', 'b'])).toEqual({ schema: ['a', 'b'], noSchema: true });
    expect(parse(['-B', '-b'])).toEqual({ largeObjects: true, noLargeObjects: true });
    expect(parse(['--blobs', '--no-blobs'])).toEqual({ largeObjects: true, noLargeObjects: true });
    expect(parse(['--statistics', '--no-statistics'])).toEqual({ statistics: true, noStatistics: true });
  });
});
