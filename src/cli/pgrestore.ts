#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import { DumpError } from '../errors.js';
import { reportFailure, settleProcess } from './run.js';
import { restore, type InputKind, type RestoreError, type RestoreOptions } from '../restore/restore.js';
import type { SectionName } from '../restore/archive/select.js';
import { TOOL_VERSION } from '../version.js';

const collect = (v: string, prev: string[] = []) => [...prev, v];

function parseJobs(v: string): number {
  const n = /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > 1024) throw new InvalidArgumentError('-j/--jobs must be in range 1..1024');
  return n;
}

function parseSection(v: string, prev: SectionName[] = []): SectionName[] {
  if (v !== 'pre-data' && v !== 'data' && v !== 'post-data') throw new InvalidArgumentError(`unrecognized section name: "${v}"`);
  return [...prev, v];
}

function parseInputFormat(v: string): InputKind {
  const k = ({ c: 'custom', custom: 'custom', d: 'directory', directory: 'directory', t: 'tar', tar: 'tar', p: 'plain', plain: 'plain' } as Record<string, InputKind>)[v.toLowerCase()];
  if (!k) throw new InvalidArgumentError(`unrecognized archive format "${v}"; please specify "c", "d", "t" or "p"`);
  return k;
}

function program(): Command {
  return new Command('pgrestore-ts')
    .description('Restores a PostgreSQL dump (plain script, custom, directory or tar archive), like pg_restore and psql, without client binaries.')
    .argument('[file]', 'the dump: file, archive directory, or standard input when omitted')
    .addOption(new Option('-d, --dbname <name>', 'connect to database name (name, URI or conninfo)'))
    .addOption(new Option('-f, --file <file>', 'output file name (- for stdout): write the script instead of restoring'))
    .addOption(new Option('-F, --format <c|d|t|p>', 'input format (found out from the input when omitted)').argParser(parseInputFormat))
    .addOption(new Option('-l, --list', 'print summarized TOC of the archive'))
    .addOption(new Option('-v, --verbose', 'verbose mode'))
    .addOption(new Option('-a, --data-only', 'restore only the data, no schema'))
    .addOption(new Option('-c, --clean', 'clean (drop) database objects before recreating'))
    .addOption(new Option('-C, --create', 'create the target database'))
    .addOption(new Option('-e, --exit-on-error', 'exit on error, default is to continue'))
    .addOption(new Option('-I, --index <name>', 'restore named index').argParser(collect))
    .addOption(new Option('-j, --jobs <num>', 'use this many parallel jobs to restore').argParser(parseJobs))
    .addOption(new Option('-L, --use-list <filename>', 'use table of contents from this file for selecting/ordering output'))
    .addOption(new Option('-n, --schema <name>', 'restore only objects in this schema').argParser(collect))
    .addOption(new Option('-N, --exclude-schema <name>', 'do not restore objects in this schema').argParser(collect))
    .addOption(new Option('-O, --no-owner', 'skip restoration of object ownership'))
    .addOption(new Option('-P, --function <name(args)>', 'restore named function').argParser(collect))
    .addOption(new Option('-s, --schema-only', 'restore only the schema, no data'))
    .addOption(new Option('-S, --superuser <name>', 'superuser user name to use for disabling triggers'))
    .addOption(new Option('-t, --table <name>', 'restore named relation (table, view, etc.)').argParser(collect))
    .addOption(new Option('-T, --trigger <name>', 'restore named trigger').argParser(collect))
    .addOption(new Option('-x, --no-privileges', 'skip restoration of access privileges (grant/revoke)'))
    .addOption(new Option('--no-acl', 'same as --no-privileges').hideHelp())
    .addOption(new Option('-1, --single-transaction', 'restore as a single transaction'))
    .addOption(new Option('--disable-triggers', 'disable triggers during data-only restore'))
    .addOption(new Option('--enable-row-security', 'enable row security'))
    .addOption(new Option('--if-exists', 'use IF EXISTS when dropping objects'))
    .addOption(new Option('--no-comments', 'do not restore comments'))
    .addOption(new Option('--no-data-for-failed-tables', 'do not restore data of tables that could not be created'))
    .addOption(new Option('--use-set-session-authorization', 'use SET SESSION AUTHORIZATION commands instead of ALTER OWNER commands to set ownership'))
    .addOption(new Option('--no-publications', 'do not restore publications'))
    .addOption(new Option('--no-security-labels', 'do not restore security labels'))
    .addOption(new Option('--no-subscriptions', 'do not restore subscriptions'))
    .addOption(new Option('--no-table-access-method', 'do not restore table access methods'))
    .addOption(new Option('--no-tablespaces', 'do not restore tablespace assignments'))
    .addOption(new Option('--section <section>', 'restore named section (pre-data, data, or post-data)').argParser(parseSection))
    .addOption(new Option('--strict-names', 'require table and/or schema include patterns to match at least one entity each'))
    .addOption(new Option('--restrict-key <key>', 'use provided string as psql \\restrict key'))
    .addOption(new Option('-h, --host <host>', 'database server host or socket directory'))
    .addOption(new Option('-p, --port <port>', 'database server port number'))
    .addOption(new Option('-U, --username <name>', 'connect as specified database user'))
    .addOption(new Option('-w, --no-password', 'never prompt for password'))
    .addOption(new Option('-W, --password', 'force password prompt'))
    .addOption(new Option('--role <role>', 'do SET ROLE before restore'))
    .version(TOOL_VERSION, '-V, --version', 'output version information, then exit')
    .helpOption('-?, --help', 'show this help, then exit')
    .showHelpAfterError(false)
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `pgrestore-ts: ${s}` : s) })
    .exitOverride();
}

interface Flags {
  dbname?: string;
  file?: string;
  format?: InputKind;
  list?: boolean;
  verbose?: boolean;
  dataOnly?: boolean;
  clean?: boolean;
  create?: boolean;
  exitOnError?: boolean;
  index?: string[];
  jobs?: number;
  useList?: string;
  schema?: string[];
  excludeSchema?: string[];
  owner: boolean;
  function?: string[];
  schemaOnly?: boolean;
  superuser?: string;
  table?: string[];
  trigger?: string[];
  privileges: boolean;
  acl: boolean;
  singleTransaction?: boolean;
  disableTriggers?: boolean;
  enableRowSecurity?: boolean;
  ifExists?: boolean;
  comments: boolean;
  dataForFailedTables: boolean;
  useSetSessionAuthorization?: boolean;
  publications: boolean;
  securityLabels: boolean;
  subscriptions: boolean;
  tableAccessMethod: boolean;
  tablespaces: boolean;
  section?: SectionName[];
  strictNames?: boolean;
  restrictKey?: string;
  host?: string;
  port?: string;
  username?: string;
  password?: boolean;
  role?: string;
}

function describeError(e: RestoreError): string {
  const where = e.line !== undefined
    ? `line ${e.line}`
    : e.entry
      ? `TOC entry ${e.entry.dumpId}; ${e.entry.desc} ${e.entry.namespace ? `${e.entry.namespace}.` : ''}${e.entry.tag}${e.entry.owner ? ` (owner ${e.entry.owner})` : ''}`
      : 'session setup';
  const head = e.statement.replace(/\s+/g, ' ').trim().slice(0, 100);
  return `${where}: ${e.message.replace(/\s*\n\s*/g, ' ')}${head ? ` (in: ${head})` : ''}`;
}

async function main(argv: string[]): Promise<number> {
  const cmd = program();
  let verbose = false;
  try {
    cmd.parse(argv);
    if (cmd.args.length > 1) throw new DumpError('usage', `too many command-line arguments (first is "${cmd.args[1]}")`);
    const f = cmd.opts<Flags>();
    verbose = !!f.verbose;
    const passwordGiven = cmd.getOptionValueSource('password') === 'cli';
    const options: RestoreOptions = {
      input: cmd.args[0] ?? '-',
      format: f.format,
      file: f.file,
      list: f.list,
      dbname: f.dbname,
      host: f.host,
      port: f.port,
      username: f.username,
      noPassword: passwordGiven && f.password === false,
      forcePassword: passwordGiven && f.password === true,
      role: f.role,
      dataOnly: f.dataOnly,
      schemaOnly: f.schemaOnly,
      clean: f.clean,
      ifExists: f.ifExists,
      createDB: f.create,
      exitOnError: f.exitOnError,
      singleTransaction: f.singleTransaction,
      jobs: f.jobs,
      useList: f.useList,
      schemas: f.schema,
      excludeSchemas: f.excludeSchema,
      tables: f.table,
      indexes: f.index,
      functions: f.function,
      triggers: f.trigger,
      sections: f.section,
      strictNames: f.strictNames,
      noOwner: !f.owner,
      noPrivileges: !f.privileges || !f.acl,
      noComments: !f.comments,
      noDataForFailedTables: !f.dataForFailedTables,
      useSetSessionAuthorization: f.useSetSessionAuthorization,
      noPublications: !f.publications,
      noSecurityLabels: !f.securityLabels,
      noSubscriptions: !f.subscriptions,
      noTableAccessMethod: !f.tableAccessMethod,
      noTablespaces: !f.tablespaces,
      disableTriggers: f.disableTriggers,
      enableRowSecurity: f.enableRowSecurity,
      superuser: f.superuser,
      restrictKey: f.restrictKey,
      verbose,
      onError: (e) => process.stderr.write(`pgrestore-ts: error: ${describeError(e)}\n`),
      onWarning: (m) => process.stderr.write(`pgrestore-ts: warning: ${m.replace(/^WARNING:\s+/, '')}\n`),
      onProgress: verbose ? (m) => process.stderr.write(`pgrestore-ts: ${m}\n`) : undefined,
      onNotice: verbose ? (m) => process.stderr.write(`pgrestore-ts: ${m}\n`) : undefined,
    };
    const r = await restore(options);
    if (r.errors > 0) {
      process.stderr.write(`pgrestore-ts: warning: errors ignored on restore: ${r.errors}\n`);
      return 1;
    }
    return 0;
  } catch (e) {
    return reportFailure('pgrestore-ts', e, verbose);
  }
}

settleProcess('pgrestore-ts', 'restore', main(process.argv));
