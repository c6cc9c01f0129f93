// Object selection against the real pg_dump: on the server whose major matches the installed
// pg_dump, each case dumps test/select/fixture.sql with pgdump-ts and with pg_dump, the same
// flags (or their pg_dump 15 equivalent), and compares what was selected: the set of
// `-- Name: ...; Type: ...; Schema: ...` headers and the set of COPY statements. Wherever
// pg_dump's selected dump restores into a fresh database (psql ON_ERROR_STOP), ours must too.
// On other majors every case still has to dump and, where the oracle restored on its major,
// restore.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addSelectionFlags } from '../src/cli/selection-flags.js';
import { dumpToFile, isDumpError, type DumpOptions } from '../src/index.js';
import { createDatabase, dropDatabase, psqlFile, run } from './util/pg.js';

const servers = inject('servers');
const work = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-select-'));
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'select/fixture.sql');
const SRC_DB = 'sel_src';
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface SelectCase {
  readonly name: string;
  /** flags for both tools */
  readonly args: readonly string[];
  /** pg_dump's equivalent when it differs (a newer flag, a filter file) */
  readonly oracleArgs?: readonly string[];
  /** a --filter file for pgdump-ts, written before the run */
  readonly filter?: string;
  /** both must fail; pg_dump's message must be ours */
  readonly fails?: { readonly code: string };
  /** header keys (type|schema|name) where pgdump-ts deliberately differs */
  readonly differs?: readonly string[];
  /** checks on our script only */
  readonly check?: (script: string) => void;
  /** why the oracle's restore says nothing about ours (its flags select more) */
  readonly noRestoreCheck?: string;
}

const F = (name: string) => path.join(work, name);

const CASES: readonly SelectCase[] = [
  { name: 'everything', args: [] },
  { name: 'one schema', args: ['-n', 'sel_a'] },
  { name: 'unquoted letters fold to lower case', args: ['-n', 'Sel_Mixed'] },
  { name: 'quotes keep case', args: ['-n', '"Sel_Mixed"'] },
  { name: 'wildcard minus an exclusion', args: ['-n', 'sel_*', '-N', 'sel_x', '-N', 'sel_ext'] },
  { name: '? is one character', args: ['-n', 'sel?a'] },
  { name: 'regex alternation outside quotes', args: ['-n', 'sel_(a|x)'] },
  { name: 'a dot inside quotes is literal', args: ['-n', '"sel.dot"'] },
  { name: 'a space in a quoted schema', args: ['-n', '"sel b"'] },
  { name: 'public keeps no CREATE SCHEMA', args: ['-n', 'public'], differs: ['SCHEMA|-|public', 'COMMENT|-|SCHEMA public'] },
  { name: 'one table', args: ['-t', 'sel_a.t1'] },
  { name: 'unqualified table: only what the default search_path sees', args: ['-t', 't1'] },
  { name: 'table wildcard ?', args: ['-t', 'sel_a.t?'] },
  { name: 'quoted upper-case table', args: ['-t', 'sel_a."T1"'] },
  { name: 'unquoted upper case folds', args: ['-t', 'SEL_A.T1'] },
  { name: 'regex characters inside quotes are literal', args: ['-t', 'sel_a."a+b"'] },
  { name: 'regex characters outside quotes are regex', args: ['-t', 'sel_a.a+b'] },
  { name: '$ is always literal', args: ['-t', 'sel_a.x$y'] },
  { name: 'quoted star is literal', args: ['-t', 'sel_a."star*"'] },
  { name: 'unquoted star is a wildcard', args: ['-t', 'sel_a.star*'] },
  { name: 'schema with a dot, qualified', args: ['-t', '"sel.dot".t'] },
  { name: 'database-qualified table', args: ['-t', `${SRC_DB}.sel_a.t1`] },
  { name: 'another database', args: ['-t', 'otherdb.sel_a.t1'], fails: { code: 'usage' } },
  { name: 'too many dotted names', args: ['-t', 'a.b.c.d'], fails: { code: 'usage' } },
  { name: 'extension pattern with a dot', args: ['-e', 'a.b'], fails: { code: 'usage' } },
  { name: 'views, sequences and foreign tables are tables', args: ['-t', 'sel_a.v1', '-t', 'sel_a.mv1', '-t', 'sel_a.s1', '-t', 'sel_f.ft'] },
  { name: '-t wins over -n', args: ['-n', 'sel_a', '-t', 'sel_x.tx'] },
  { name: 'a serial column\'s sequence alone', args: ['-t', 'sel_a.t1_id_seq'] },
  { name: 'a partition alone', args: ['-t', 'sel_a.pt_1'] },
  { name: 'an inheritance child alone', args: ['-t', 'sel_a.child1'] },
  { name: 'a partitioned table alone', args: ['-t', 'sel_a.pt', '--exclude-table-data', 'sel_a.pt'] },
  { name: 'an identity sequence alone is nothing', args: ['-t', 'sel_a."T1_id_seq"'] },
  { name: 'exclude an identity sequence\'s value', args: ['--exclude-table-data', 'sel_a."T1_id_seq"'] },
  { name: 'exclude tables from a schema', args: ['-n', 'sel_a', '-T', 'sel_a.t2', '-T', 'sel_a.pt*'] },
  { name: 'exclude a table from everything', args: ['-T', 'sel_a.t1'] },
  { name: 'exclude schemas', args: ['-N', 'sel_a', '-N', 'sel_x'] },
  {
    name: 'exclude table data (table, sequence, materialized view)',
    args: ['--exclude-table-data', 'sel_a.tab_data', '--exclude-table-data', 'sel_a.s1', '--exclude-table-data', 'sel_a.mv1'],
  },
  {
    name: 'exclude table data and children',
    args: ['--exclude-table-data-and-children', 'sel_a.parent'],
    oracleArgs: ['--exclude-table-data', 'sel_a.parent', '--exclude-table-data', 'sel_a.child1', '--exclude-table-data', 'sel_a.grandchild'],
  },
  {
    name: 'table and inheritance children',
    args: ['--table-and-children', 'sel_a.parent'],
    oracleArgs: ['-t', 'sel_a.parent', '-t', 'sel_a.child1', '-t', 'sel_a.grandchild'],
  },
  {
    name: 'table and partitions',
    args: ['--table-and-children', 'sel_a.pt'],
    oracleArgs: ['-t', 'sel_a.pt', '-t', 'sel_a.pt_1', '-t', 'sel_a.pt_2'],
  },
  {
    name: 'exclude table and partitions',
    args: ['-n', 'sel_a', '--exclude-table-and-children', 'sel_a.pt'],
    oracleArgs: ['-n', 'sel_a', '-T', 'sel_a.pt', '-T', 'sel_a.pt_1', '-T', 'sel_a.pt_2'],
  },
  { name: 'strict names: schema', args: ['--strict-names', '-n', 'sel_a', '-n', 'nope'], fails: { code: 'not-found' } },
  { name: 'strict names: table', args: ['--strict-names', '-t', 'sel_a.t1', '-t', 'nope*'], fails: { code: 'not-found' } },
  { name: 'strict names: extension', args: ['--strict-names', '-e', 'cube', '-e', 'nope'], fails: { code: 'not-found' } },
  { name: 'strict names do not apply to exclusions', args: ['--strict-names', '-n', 'sel_a', '-N', 'nope', '-T', 'nope'] },
  { name: 'no schema matches', args: ['-n', 'nope'], fails: { code: 'not-found' } },
  { name: 'no table matches', args: ['-t', 'nope'], fails: { code: 'not-found' } },
  { name: 'no extension matches', args: ['-e', 'nope'], fails: { code: 'not-found' } },
  { name: 'one extension', args: ['-e', 'cube'] },
  { name: 'an extension and a schema', args: ['-e', 'c*', '-n', 'sel_ext'] },
  {
    name: 'filter file: schemas and exclusions',
    args: ['--filter', F('schemas.filter')],
    filter: [
      '# schemas, with exclusions of tables and data',
      'include schema sel_a',
      'include schema "Sel_Mixed"   # keeps its case',
      'exclude table sel_a.t2',
      '',
      '  exclude   table_data   "sel_a"."tab_data"',
      'EXCLUDE TABLE_DATA_AND_CHILDREN sel_a.parent',
    ].join('\n'),
    oracleArgs: ['-n', 'sel_a', '-n', '"Sel_Mixed"', '-T', 'sel_a.t2', '--exclude-table-data', 'sel_a.tab_data',
      '--exclude-table-data', 'sel_a.parent', '--exclude-table-data', 'sel_a.child1', '--exclude-table-data', 'sel_a.grandchild'],
  },
  {
    name: 'filter file: tables, quoting and spacing',
    args: ['--filter', F('tables.filter')],
    filter: [
      'include table_and_children sel_a.pt',
      'include table "sel_a"."T1"',
      'include table sel_a . t1',
      'exclude table sel_a.pt_2',
      'include table "sel.dot".t',
    ].join('\n'),
    oracleArgs: ['-t', 'sel_a.pt', '-t', 'sel_a.pt_1', '-t', 'sel_a.pt_2', '-t', 'sel_a."T1"', '-t', 'sel_a.t1', '-T', 'sel_a.pt_2', '-t', '"sel.dot".t'],
  },
  {
    name: 'filter file: foreign data and an excluded schema',
    args: ['--filter', F('foreign.filter')],
    filter: 'include foreign_data sel_files\nexclude schema sel_x\n',
    oracleArgs: ['--include-foreign-data', 'sel_files', '-N', 'sel_x'],
  },
  {
    name: 'filter file: an included extension leaves everything else selected',
    args: ['--filter', F('extension.filter')],
    filter: 'include extension cube\n',
    oracleArgs: [],
    differs: ['EXTENSION|-|isn', 'COMMENT|-|EXTENSION isn', 'EXTENSION|-|file_fdw', 'COMMENT|-|EXTENSION file_fdw'],
    noRestoreCheck: 'the foreign server needs file_fdw, which this selection leaves out',
  },
  {
    name: 'exclude an extension',
    args: ['--exclude-extension', 'cube'],
    oracleArgs: [],
    differs: ['EXTENSION|-|cube', 'COMMENT|-|EXTENSION cube'],
  },
  { name: 'section pre-data', args: ['--section', 'pre-data'] },
  { name: 'section data', args: ['--section', 'data'] },
  { name: 'section post-data', args: ['--section', 'post-data'] },
  { name: 'sections pre-data and post-data', args: ['--section', 'pre-data', '--section', 'post-data'] },
  { name: 'bad section', args: ['--section', 'middle'], fails: { code: 'usage' } },
  { name: 'no large objects', args: ['-B'] },
  { name: 'no large objects with a schema selected', args: ['-n', 'sel_a'] },
  { name: 'large objects asked for with a schema selected', args: ['-n', 'sel_a', '-b'] },
  { name: 'large objects with a table selected', args: ['-t', 'sel_a.t1', '--blobs'] },
  { name: 'schema only never has large objects', args: ['-s', '-b'] },
  { name: 'schema only', args: ['-s'] },
  { name: 'data only', args: ['-a'] },
  { name: 'data only for a schema', args: ['-a', '-n', 'sel_a'] },
  { name: '--no-data is -s', args: ['--no-data'], oracleArgs: ['-s'] },
  { name: '--no-schema is -a', args: ['--no-schema'], oracleArgs: ['-a'] },
  {
    name: '--sequence-data keeps sequence values in a schema-only dump',
    args: ['-s', '--sequence-data'],
    oracleArgs: ['-s'],
    differs: ['SEQUENCE SET|sel_a|s1', 'SEQUENCE SET|sel_a|t1_id_seq', 'SEQUENCE SET|sel_a|T1_id_seq'],
  },
  { name: 'rows of foreign tables', args: ['--include-foreign-data', 'sel_files'] },
  { name: 'foreign data needs a server', args: ['--include-foreign-data', 'nope'], fails: { code: 'not-found' } },
  { name: 'foreign data and schema only', args: ['-s', '--include-foreign-data', 'sel_files'], fails: { code: 'usage' } },
  { name: 'no unlogged table data', args: ['--no-unlogged-table-data'] },
  { name: 'no publications', args: ['--no-publications'] },
  { name: 'no subscriptions, no security labels', args: ['--no-subscriptions', '--no-security-labels'] },
  { name: 'no comments', args: ['--no-comments'] },
  {
    name: 'no access methods, tablespaces or compression clauses',
    args: ['--no-table-access-method', '--no-tablespaces', '--no-toast-compression'],
    check: (s) => {
      expect(s).not.toContain('USING sel_heap2');
      expect(s).not.toContain('COMPRESSION pglz');
    },
  },
  {
    name: 'no policies',
    args: ['--no-policies'],
    oracleArgs: [],
    differs: ['POLICY|sel_a|t1 t1_pol', 'ROW SECURITY|sel_a|t1'],
    check: (s) => expect(s).not.toContain('ENABLE ROW LEVEL SECURITY'),
  },
  { name: 'statistics with schema-only (pg_dump 18 refuses it)', args: ['-s', '--statistics'], oracleArgs: ['--no-such-flag'], fails: { code: 'usage' } },
];

/** The CLI's selection flags (and the few other flags the cases use) as library options. */
function optionsFor(args: readonly string[]): DumpOptions {
  const cmd = new Command()
    .exitOverride()
    .configureOutput({ writeErr: () => undefined })
    .option('-s, --schema-only')
    .option('-a, --data-only')
    .option('--no-comments');
  const selection = addSelectionFlags(cmd);
  cmd.parse([...args], { from: 'user' });
  const o = cmd.opts<{ schemaOnly?: boolean; dataOnly?: boolean; comments: boolean }>();
  return { schemaOnly: o.schemaOnly, dataOnly: o.dataOnly, noComments: !o.comments, ...selection() };
}

interface Outcome {
  readonly ok: boolean;
  readonly script: string;
  readonly error: string;
  readonly code?: string;
}

async function dumpOurs(url: string, c: SelectCase, file: string): Promise<Outcome> {
  try {
    await dumpToFile({ ...optionsFor(c.args), dbname: url, file });
    return { ok: true, script: readFileSync(file, 'utf8'), error: '' };
  } catch (e) {
    if (!isDumpError(e)) throw e;
    return { ok: false, script: '', error: e.message, code: e.code };
  }
}

function dumpOracle(url: string, args: readonly string[], file: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn('pg_dump', ['-d', url, '-f', file, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('close', (code) => {
      const error = /pg_dump: error: (.*)/.exec(stderr)?.[1] ?? stderr.trim();
      resolve(code === 0 ? { ok: true, script: readFileSync(file, 'utf8'), error: '' } : { ok: false, script: '', error });
    });
  });
}

const quoteLike = (s: string) => (/^[a-z_][a-z0-9_$]*$/.test(s) ? s : `"${s.replace(/"/g, '""')}"`);

/**
 * `type|schema|name` for every entry header, normalized over two ways of naming the same
 * entry: extensions have no schema in pg_dump's headers, and comments and privileges name
 * their object without its schema there.
 */
function headerKeys(script: string): Set<string> {
  const keys = new Set<string>();
  for (const m of script.matchAll(/^-- (?:Data for )?Name: (.*); Type: (.*); Schema: (.*?); Owner: .*$/gm)) {
    let [, name, type, schema] = m as unknown as [string, string, string, string];
    if (type === 'EXTENSION' || name.startsWith('EXTENSION ')) schema = '-';
    if ((type === 'COMMENT' || type === 'ACL') && schema !== '-') name = name.replace(` ${quoteLike(schema)}.`, ' ');
    keys.add(`${type}|${schema}|${name}`);
  }
  return keys;
}

const copies = (script: string) => new Set(script.match(/^COPY .* FROM stdin;$/gm) ?? []);
const sorted = (s: Iterable<string>) => [...s].sort();

async function restores(serverUrl: string, db: string, file: string): Promise<string | null> {
  const url = await createDatabase(serverUrl, db);
  try {
    await psqlFile(url, file);
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await dropDatabase(serverUrl, db);
  }
}

async function installedPgDumpMajor(): Promise<number> {
  const { stdout } = await run('pg_dump', ['--version']);
  return Number(/(\d+)(?:\.\d+)?/.exec(stdout)![1]);
}

describe.each(servers.map((s) => [s.major, s] as const))('object selection on PostgreSQL %i', (major, server) => {
  let src = '';
  let oracle = false;
  /** entry keys only one tool prints for the whole database: representation, not selection */
  let representation = new Set<string>();
  let restored = 0;

  beforeAll(async () => {
    src = await createDatabase(server.url, SRC_DB);
    await psqlFile(src, FIXTURE);
    oracle = major === (await installedPgDumpMajor());
    for (const c of CASES) if (c.filter) writeFileSync(c.args[c.args.indexOf('--filter') + 1]!, c.filter);
    if (oracle) {
      const ours = await dumpOurs(src, CASES[0]!, F('full-ours.sql'));
      const theirs = await dumpOracle(src, [], F('full-pg.sql'));
      const [a, b] = [headerKeys(ours.script), headerKeys(theirs.script)];
      representation = new Set([...a, ...b].filter((k) => !(a.has(k) && b.has(k))));
      // Only a few kinds of entries are spelled differently; everything else must line up.
      expect(sorted(representation)).toEqual([
        'SEQUENCE OWNED BY|sel_a|t1_id_seq',
        'SEQUENCE|sel_a|T1_id_seq',
      ]);
    }
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const ours = await dumpOurs(src, c, F(`case${i}-ours.sql`));
    if (c.fails) {
      expect(ours.ok, `pgdump-ts should fail for ${c.args.join(' ')}`).toBe(false);
      expect(ours.code).toBe(c.fails.code);
    } else {
      expect(ours.error).toBe('');
      c.check?.(ours.script);
    }
    if (!oracle) return;
    const theirs = await dumpOracle(src, c.oracleArgs ?? c.args, F(`case${i}-pg.sql`));
    if (c.fails) {
      expect(theirs.ok).toBe(false);
      if (!c.oracleArgs) expect(ours.error).toBe(theirs.error);
      return;
    }
    expect(theirs.error).toBe('');
    const differs = new Set(c.differs ?? []);
    const keep = (k: string) => !representation.has(k) && !differs.has(k);
    expect(sorted([...headerKeys(ours.script)].filter(keep))).toEqual(sorted([...headerKeys(theirs.script)].filter(keep)));
    expect(sorted(copies(ours.script))).toEqual(sorted(copies(theirs.script)));
    for (const k of differs) expect(headerKeys(ours.script).has(k) !== headerKeys(theirs.script).has(k), k).toBe(true);

    // A selection need not restore alone (-t leaves out the schema); where pg_dump's does, ours must.
    if (!c.noRestoreCheck && (await restores(server.url, `sel_r${i}_pg`, F(`case${i}-pg.sql`))) === null) {
      restored++;
      expect(await restores(server.url, `sel_r${i}_ts`, F(`case${i}-ours.sql`))).toBeNull();
    }
  });

  it('locks only the tables it dumps', async () => {
    const holder = new pg.Client({ connectionString: src });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE sel_a.tab_data IN ACCESS EXCLUSIVE MODE');
      const file = F('locks.sql');
      await expect(dumpToFile({ dbname: src, file, lockWaitTimeout: '200ms' })).rejects.toMatchObject({ code: 'lock' });
      await dumpToFile({ dbname: src, file, lockWaitTimeout: '200ms', excludeTable: ['sel_a.tab_data'] });
      await dumpToFile({ dbname: src, file, lockWaitTimeout: '200ms', table: ['sel_a.t2'] });
      await dumpToFile({ dbname: src, file, lockWaitTimeout: '200ms', excludeSchema: ['sel_a'] });
      expect(readFileSync(file, 'utf8')).not.toContain('tab_data');
    } finally {
      await holder.end();
    }
  });

  it('restored a fair share of the selections', () => {
    if (oracle) expect(restored).toBeGreaterThan(20);
  });
});
