#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import { dumpAll, dumpAllToFile, type DumpAllOptions } from '../dumpall.js';
import { DumpError } from '../errors.js';
import { runCli, type CliCommand, type CliState } from './run.js';
import { TOOL_VERSION } from '../version.js';
import { scriptOptions, type ScriptFlags } from './script-flags.js';

const CONTENT = 'Options controlling the output content:';
const CONNECTION = 'Connection options:';

function parseRowsPerInsert(v: string): number {
  const n = /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 2147483647) throw new InvalidArgumentError('--rows-per-insert must be in range 1..2147483647');
  return n;
}

function parseFloatDigits(v: string): number {
  const n = /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!(n >= -15 && n <= 3)) throw new InvalidArgumentError('--extra-float-digits must be in range -15..3');
  return n;
}

const collect = (v: string, prev: string[] = []) => [...prev, v];

function program(): Command {
  const content = (flags: string, description: string) => new Option(flags, description).helpGroup(CONTENT);
  const connection = (flags: string, description: string) => new Option(flags, description).helpGroup(CONNECTION);
  return new Command('pgdumpall-ts')
    .description('Dumps a PostgreSQL cluster (roles, tablespaces, every database) as an SQL script, like pg_dumpall, without client binaries.')
    .addOption(new Option('-f, --file <file>', 'output file name (default: standard output)'))
    .addOption(new Option('-v, --verbose', 'verbose mode'))
    .addOption(new Option('--lock-wait-timeout <timeout>', 'fail after waiting TIMEOUT for a table lock'))
    .addOption(content('-a, --data-only', 'dump only the data, not the schema'))
    .addOption(content('-c, --clean', 'clean (drop) databases before recreating'))
    .addOption(content('-E, --encoding <encoding>', 'dump the data in encoding ENCODING'))
    .addOption(content('-g, --globals-only', 'dump only global objects, no databases'))
    .addOption(content('-O, --no-owner', 'skip restoration of object ownership'))
    .addOption(content('-r, --roles-only', 'dump only roles, no databases or tablespaces'))
    .addOption(content('-s, --schema-only', 'dump only the schema, no data'))
    .addOption(content('-S, --superuser <name>', 'superuser user name to use in the dump'))
    .addOption(content('-t, --tablespaces-only', 'dump only tablespaces, no databases or roles'))
    .addOption(content('-x, --no-privileges', 'do not dump privileges (grant/revoke)'))
    .addOption(content('--no-acl', 'same as --no-privileges').hideHelp())
    .addOption(content('--binary-upgrade', 'for use by upgrade utilities only (not supported)').hideHelp())
    .addOption(content('--column-inserts', 'dump data as INSERT commands with column names'))
    .addOption(content('--attribute-inserts', 'same as --column-inserts').hideHelp())
    .addOption(content('--disable-dollar-quoting', 'disable dollar quoting, use SQL standard quoting'))
    .addOption(content('--disable-triggers', 'disable triggers during data-only restore'))
    .addOption(content('--exclude-database <pattern>', 'exclude databases whose name matches PATTERN').argParser(collect))
    .addOption(content('--extra-float-digits <num>', 'override default setting for extra_float_digits').argParser(parseFloatDigits))
    .addOption(content('--filter <filename>', 'exclude databases specified in FILENAME').argParser(collect))
    .addOption(content('--if-exists', 'use IF EXISTS when dropping objects'))
    .addOption(content('--inserts', 'dump data as INSERT commands, rather than COPY'))
    .addOption(content('--load-via-partition-root', 'load partitions via the root table'))
    .addOption(content('--no-comments', 'do not dump comments'))
    .addOption(content('--no-data', 'do not dump data'))
    .addOption(content('--no-policies', 'do not dump row security policies'))
    .addOption(content('--no-publications', 'do not dump publications'))
    .addOption(content('--no-role-passwords', 'do not dump passwords for roles'))
    .addOption(content('--no-schema', 'do not dump schema'))
    .addOption(content('--no-security-labels', 'do not dump security label assignments'))
    .addOption(content('--no-statistics', 'do not dump statistics (the default)'))
    .addOption(content('--statistics', 'dump the statistics (restoring them needs PostgreSQL 18+)'))
    .addOption(content('--statistics-only', 'dump only the statistics, not schema or data'))
    .addOption(content('--no-subscriptions', 'do not dump subscriptions'))
    .addOption(content('--no-sync', 'do not wait for changes to be written safely to disk'))
    .addOption(content('--skip-unreadable', 'leave out schemas and table contents the role cannot read, listing them'))
    .addOption(content('--no-table-access-method', 'do not dump table access methods'))
    .addOption(content('--no-tablespaces', 'do not dump tablespace assignments'))
    .addOption(content('--no-toast-compression', 'do not dump TOAST compression methods'))
    .addOption(content('--no-unlogged-table-data', 'do not dump unlogged table data'))
    .addOption(content('--on-conflict-do-nothing', 'add ON CONFLICT DO NOTHING to INSERT commands'))
    .addOption(content('--quote-all-identifiers', 'quote all identifiers, even if not key words'))
    .addOption(content('--restrict-key <key>', 'use provided string as psql \\restrict key'))
    .addOption(content('--rows-per-insert <nrows>', 'number of rows per INSERT; implies --inserts').argParser(parseRowsPerInsert))
    .addOption(content('--sequence-data', 'include sequence data in dump'))
    .addOption(content('--use-set-session-authorization', 'use SET SESSION AUTHORIZATION commands instead of ALTER OWNER commands to set ownership'))
    .addOption(connection('-d, --dbname <connstr>', 'connect using connection string (its database name is ignored)'))
    .addOption(connection('-h, --host <hostname>', 'database server host or socket directory'))
    .addOption(connection('-l, --database <dbname>', 'alternative default database'))
    .addOption(connection('-p, --port <port>', 'database server port number'))
    .addOption(connection('-U, --username <name>', 'connect as specified database user'))
    .addOption(connection('-w, --no-password', 'never prompt for password'))
    .addOption(connection('-W, --password', 'force password prompt (should happen automatically)'))
    .addOption(connection('--role <rolename>', 'do SET ROLE before dump'))
    .version(TOOL_VERSION, '-V, --version', 'output version information, then exit')
    .helpOption('-?, --help', 'show this help, then exit')
    .addHelpText('after', '\nIf -f/--file is not used, then the SQL script will be written to the standard output.\n')
    .showHelpAfterError(false)
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `pgdumpall-ts: ${s}` : s) })
    .exitOverride();
}

interface CliFlags extends ScriptFlags {
  file?: string;
  verbose?: boolean;
  dataOnly?: boolean;
  clean?: boolean;
  globalsOnly?: boolean;
  owner: boolean;
  rolesOnly?: boolean;
  schemaOnly?: boolean;
  tablespacesOnly?: boolean;
  privileges: boolean;
  acl: boolean;
  binaryUpgrade?: boolean;
  excludeDatabase?: string[];
  filter?: string[];
  ifExists?: boolean;
  comments: boolean;
  data: boolean;
  policies: boolean;
  publications: boolean;
  rolePasswords: boolean;
  schema: boolean;
  securityLabels: boolean;
  statistics: boolean;
  subscriptions: boolean;
  tableAccessMethod: boolean;
  tablespaces: boolean;
  toastCompression: boolean;
  unloggedTableData: boolean;
  sequenceData?: boolean;
  dbname?: string;
  host?: string;
  database?: string;
  port?: string;
  username?: string;
  password: boolean | undefined;
  role?: string;
}

function toOptions(f: CliFlags, passwordFlagGiven: boolean): DumpAllOptions {
  if (f.binaryUpgrade) throw new DumpError('usage', '--binary-upgrade is not supported: it serves pg_upgrade, which runs its own pg_dumpall');
  return {
    ...scriptOptions(f),
    dbname: f.dbname,
    host: f.host,
    port: f.port,
    username: f.username,
    database: f.database,
    // commander folds -w/--no-password and -W/--password into one boolean
    noPassword: passwordFlagGiven && f.password === false,
    forcePassword: passwordFlagGiven && f.password === true,
    role: f.role,
    globalsOnly: f.globalsOnly,
    rolesOnly: f.rolesOnly,
    tablespacesOnly: f.tablespacesOnly,
    excludeDatabase: f.excludeDatabase,
    filter: f.filter,
    noRolePasswords: !f.rolePasswords,
    clean: f.clean,
    ifExists: f.ifExists,
    schemaOnly: f.schemaOnly,
    dataOnly: f.dataOnly,
    noOwner: !f.owner,
    noPrivileges: !f.privileges || !f.acl,
    noComments: !f.comments,
    noData: !f.data,
    noSchema: !f.schema,
    noPolicies: !f.policies,
    noPublications: !f.publications,
    noSubscriptions: !f.subscriptions,
    noSecurityLabels: !f.securityLabels,
    noTablespaces: !f.tablespaces,
    noTableAccessMethod: !f.tableAccessMethod,
    noToastCompression: !f.toastCompression,
    noUnloggedTableData: !f.unloggedTableData,
    sequenceData: f.sequenceData,
    onWarning: (m) => process.stderr.write(`pgdumpall-ts: warning: ${m}\n`),
  };
}

function parse(argv: string[], state: CliState): CliCommand {
  const cmd = program();
  // --statistics and --no-statistics share one commander attribute: record each as given.
  const given = new Set<string>();
  for (const name of ['statistics', 'no-statistics', 'statistics-only']) cmd.on(`option:${name}`, () => given.add(name));
  cmd.parse(argv);
  if (cmd.args.length > 0) {
    throw new DumpError('usage', `too many command-line arguments (first is "${cmd.args[0]}")`);
  }
  const flags = cmd.opts<CliFlags>();
  state.verbose = !!flags.verbose;
  const options = toOptions(flags, cmd.getOptionValueSource('password') === 'cli');
  options.statistics = given.has('statistics');
  options.noStatistics = given.has('no-statistics');
  options.statisticsOnly = given.has('statistics-only');
  if (state.verbose) {
    options.onProgress = (e) => {
      if (e.type === 'globals') process.stderr.write(`pgdumpall-ts: read ${e.roles} roles and ${e.tablespaces} tablespaces\n`);
      if (e.type === 'database') process.stderr.write(`pgdumpall-ts: dumping database "${e.name}"\n`);
      if (e.type === 'entry') process.stderr.write(`pgdumpall-ts: dumping ${e.desc} ${e.namespace ? e.namespace + '.' : ''}${e.tag}\n`);
    };
  }
  return {
    async run(signal) {
      options.signal = signal;
      if (flags.file) await dumpAllToFile({ ...options, file: flags.file });
      else await dumpAll(options, process.stdout);
    },
  };
}

runCli('pgdumpall-ts', parse);
