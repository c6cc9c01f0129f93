#!/usr/bin/env node
import { Command, InvalidArgumentError, Option } from 'commander';
import { dumpToFile, dumpToStream } from '../index.js';
import { DumpError } from '../errors.js';
import { runCli, type CliCommand, type CliState } from './run.js';
import type { DumpOptions, ProgressEvent } from '../options.js';
import { progressDisplay } from './progress-display.js';
import { TOOL_VERSION } from '../version.js';
import { addSelectionFlags } from './selection-flags.js';
import { applyArchiveFlags, parseFormat } from './archive-flags.js';
import { parseCompressSpec } from './compress-flag.js';
import { validateDumpOptions } from '../validate.js';
import { scriptOptions, type ScriptFlags } from './script-flags.js';

function parseFloatDigits(v: string): number {
  const n = /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!(n >= -15 && n <= 3)) throw new InvalidArgumentError('--extra-float-digits must be in range -15..3');
  return n;
}

/** pg_dump's options that shape the script, apart from what it selects. */
const OUTPUT_OPTIONS = 'Output options:';

function parseJobs(v: string): number {
  const n = /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 1024) throw new InvalidArgumentError('-j/--jobs must be in range 1..1024');
  return n;
}

function parseRowsPerInsert(v: string): number {
  const n = /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  if (!Number.isSafeInteger(n) || n < 1 || n > 2147483647) throw new InvalidArgumentError('--rows-per-insert must be in range 1..2147483647');
  return n;
}

function program(): Command {
  return new Command('pgdump-ts')
    .description('Dumps a PostgreSQL database as an SQL script, like pg_dump, without client binaries.')
    .argument('[dbname]', 'database name, URI or conninfo string')
    .addOption(new Option('-f, --file <file>', 'output file (default: standard output)'))
    .addOption(new Option('-F, --format <format>', 'output file format: p (plain), c (custom), d (directory), t (tar)').default('p'))
    .addOption(new Option('-Z, --compress <method[:detail]>', 'compress as given: 0-9, none, gzip, gzip:N, gzip:level=N').argParser(parseCompressSpec))
    .addOption(new Option('-j, --jobs <njobs>', 'use this many parallel jobs to dump').argParser(parseJobs))
    .addOption(new Option('--split-tables-larger-than <size>', 'with -j, copy tables larger than SIZE (e.g. 1GB) in parallel ctid ranges'))
    .addOption(new Option('--progress', 'show progress on stderr (default when stderr is a terminal)'))
    .addOption(new Option('--no-progress', 'do not show progress'))
    .addOption(new Option('--json-progress', 'write progress events to stderr as JSON lines'))
    .addOption(new Option('-v, --verbose', 'verbose mode'))
    .addOption(new Option('-s, --schema-only', 'dump only the schema, no data'))
    .addOption(new Option('-a, --data-only', 'dump only the data, not the schema'))
    .addOption(new Option('-O, --no-owner', 'skip restoration of object ownership'))
    .addOption(new Option('-x, --no-privileges', 'do not dump privileges (grant/revoke)'))
    .addOption(new Option('--no-acl', 'same as --no-privileges').hideHelp())
    .addOption(new Option('--no-comments', 'do not dump comments'))
    .addOption(new Option('--serializable-deferrable', 'wait until the dump can run without anomalies'))
    .addOption(new Option('--snapshot <snapshot>', 'use given snapshot for the dump'))
    .addOption(new Option('--lock-wait-timeout <timeout>', 'fail after waiting TIMEOUT for a table lock'))
    .addOption(new Option('--enable-row-security', 'enable row security (dump only content user has access to)'))
    .addOption(new Option('--extra-float-digits <n>', 'override default setting for extra_float_digits').argParser(parseFloatDigits))
    .addOption(new Option('--no-table-locks', 'do not lock tables (gives up protection against concurrent DDL)'))
    .addOption(new Option('--skip-unreadable', 'leave out schemas and table contents the role cannot read, listing them'))
    .addOption(new Option('-c, --clean', 'clean (drop) database objects before recreating').helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('--if-exists', 'use IF EXISTS when dropping objects').helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('-C, --create', 'include commands to create database in dump').helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('-E, --encoding <encoding>', 'dump the data in encoding ENCODING').helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('--inserts', 'dump data as INSERT commands, rather than COPY').helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('--column-inserts', 'dump data as INSERT commands with column names').helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('--attribute-inserts', 'same as --column-inserts').hideHelp().helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('--rows-per-insert <nrows>', 'number of rows per INSERT; implies --inserts').argParser(parseRowsPerInsert).helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('--on-conflict-do-nothing', 'add ON CONFLICT DO NOTHING to INSERT commands').helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('--disable-triggers', 'disable triggers during data-only restore').helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('-S, --superuser <name>', 'superuser user name to use in plain-text format').helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('--disable-dollar-quoting', 'disable dollar quoting, use SQL standard quoting').helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('--quote-all-identifiers', 'quote all identifiers, even if not key words').helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('--use-set-session-authorization', 'use SET SESSION AUTHORIZATION commands instead of ALTER OWNER commands to set ownership').helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('--load-via-partition-root', 'load partitions via the root table').helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('--restrict-key <key>', 'use provided string as psql \\restrict key').helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('--no-sync', 'do not wait for changes to be written safely to disk').helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('--sync-method <method>', 'set method for syncing files to disk').choices(['fsync', 'syncfs']).helpGroup(OUTPUT_OPTIONS))
    .addOption(new Option('-d, --dbname <dbname>', 'database to dump (name, URI or conninfo)'))
    .addOption(new Option('-h, --host <host>', 'database server host or socket directory'))
    .addOption(new Option('-p, --port <port>', 'database server port number'))
    .addOption(new Option('-U, --username <name>', 'connect as specified database user'))
    .addOption(new Option('-w, --no-password', 'never prompt for password'))
    .addOption(new Option('-W, --password', 'force password prompt'))
    .addOption(new Option('--role <role>', 'do SET ROLE before dump'))
    // pg_dump still accepts -R and ignores it
    .addOption(new Option('-R, --no-reconnect', 'obsolete, ignored').hideHelp())
    .addOption(new Option('--binary-upgrade', 'for use by upgrade utilities only (not supported)').hideHelp())
    .version(TOOL_VERSION, '-V, --version', 'output version information, then exit')
    .helpOption('-?, --help', 'show this help, then exit')
    .showHelpAfterError(false)
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `pgdump-ts: ${s}` : s) })
    .exitOverride();
}

interface CliFlags extends ScriptFlags {
  file?: string;
  format: string;
  compress?: number;
  jobs?: number;
  splitTablesLargerThan?: string;
  progress?: boolean;
  jsonProgress?: boolean;
  verbose?: boolean;
  schemaOnly?: boolean;
  dataOnly?: boolean;
  owner: boolean;
  privileges: boolean;
  acl: boolean;
  comments: boolean;
  serializableDeferrable?: boolean;
  snapshot?: string;
  enableRowSecurity?: boolean;
  tableLocks: boolean;
  clean?: boolean;
  ifExists?: boolean;
  create?: boolean;
  syncMethod?: 'fsync' | 'syncfs';
  dbname?: string;
  host?: string;
  port?: string;
  username?: string;
  password: boolean | undefined;
  role?: string;
  binaryUpgrade?: boolean;
}

function toOptions(positional: string | undefined, f: CliFlags, passwordFlagGiven: boolean): DumpOptions {
  const format = parseFormat(f.format);
  return {
    ...scriptOptions(f),
    format,
    dbname: f.dbname ?? positional,
    host: f.host,
    port: f.port,
    username: f.username,
    // commander folds -w/--no-password and -W/--password into one boolean
    noPassword: passwordFlagGiven && f.password === false,
    forcePassword: passwordFlagGiven && f.password === true,
    role: f.role,
    schemaOnly: f.schemaOnly,
    dataOnly: f.dataOnly,
    noOwner: !f.owner,
    noPrivileges: !f.privileges || !f.acl,
    noComments: !f.comments,
    serializableDeferrable: f.serializableDeferrable,
    snapshot: f.snapshot,
    enableRowSecurity: f.enableRowSecurity,
    noTableLocks: !f.tableLocks,
    clean: f.clean,
    ifExists: f.ifExists,
    create: f.create,
    jobs: f.jobs,
    splitTablesLargerThan: f.splitTablesLargerThan,
    syncMethod: f.syncMethod,
    onWarning: (m) => process.stderr.write(`pgdump-ts: warning: ${m}\n`),
  };
}

function parse(argv: string[], state: CliState): CliCommand {
  const cmd = program();
  const selectionFlags = addSelectionFlags(cmd);
  cmd.parse(argv);
  const flags = cmd.opts<CliFlags>();
  state.verbose = !!flags.verbose;
  if (flags.binaryUpgrade) throw new DumpError('usage', '--binary-upgrade is not supported: it serves pg_upgrade, which runs its own pg_dump');
  const options = toOptions(cmd.args[0], flags, cmd.getOptionValueSource('password') === 'cli');
  Object.assign(options, selectionFlags());
  applyArchiveFlags(options, flags.file, flags.compress, cmd.getOptionValueSource('compress') === 'cli');
  // The library's checks, with the same messages: reject before connecting.
  validateDumpOptions(options, { file: flags.file });
  // plain: 0 (-Z 0, -Z none) writes the script as is; -1 is gzip at zlib's default level
  const plainGzip = flags.compress === undefined || flags.compress === 0 ? undefined : flags.compress;
  const listeners: ((e: ProgressEvent) => void)[] = [];
  if (state.verbose) {
    listeners.push((e) => {
      if (e.type === 'entry') process.stderr.write(`pgdump-ts: dumping ${e.desc} ${e.namespace ? e.namespace + '.' : ''}${e.tag}\n`);
      if (e.type === 'catalog') process.stderr.write(`pgdump-ts: read ${e.objects} objects from the catalog\n`);
    });
  }
  const display = progressDisplay(flags, process.stderr);
  if (display) listeners.push(display.onEvent);
  if (listeners.length) options.onProgress = listeners.length === 1 ? listeners[0] : (e) => listeners.forEach((l) => l(e));
  return {
    async run(signal) {
      options.signal = signal;
      try {
        await write();
      } finally {
        display?.stop();
      }
    },
  };

  async function write(): Promise<void> {
    if (options.format !== 'plain') await (flags.file ? dumpToFile({ ...options, file: flags.file }) : dumpToStream(options, process.stdout));
    else if (flags.file) await dumpToFile({ ...options, file: flags.file, compress: plainGzip });
    else if (plainGzip !== undefined) {
      const { createGzip } = await import('node:zlib');
      const gz = createGzip({ level: plainGzip });
      gz.pipe(process.stdout);
      await dumpToStream(options, gz);
      await new Promise<void>((r) => gz.end(r));
    } else await dumpToStream(options, process.stdout);
  }
}

runCli('pgdump-ts', parse);
