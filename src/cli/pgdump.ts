#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { dumpToFile, dumpToStream } from '../index.js';
import { DumpError, EXIT_CODES, isDumpError } from '../errors.js';
import type { DumpOptions } from '../options.js';
import { TOOL_VERSION } from '../version.js';
import { addSelectionFlags } from './selection-flags.js';
import { applyArchiveFlags, parseFormat } from './archive-flags.js';
import { validateDumpOptions } from '../validate.js';

function parseCompression(spec: string): number | undefined {
  // pg_dump accepts a level, a method, or method:level / method:level=N
  const m = /^(?:(gzip|none)(?::(?:level=)?(\d+))?|(\d+))$/.exec(spec.trim());
  if (!m) throw new InvalidArgumentError(`invalid compression specification "${spec}": use gzip, gzip:N or a level 0-9`);
  if (m[1] === 'none') return undefined;
  const level = Number(m[2] ?? m[3] ?? 6);
  if (level < 0 || level > 9) throw new InvalidArgumentError(`compression level must be in range 0..9`);
  return level === 0 && m[3] !== undefined ? undefined : level;
}

/** pg_dump's options that shape the script, apart from what it selects. */
const OUTPUT_OPTIONS = 'Output options:';

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
    .addOption(new Option('-Z, --compress <spec>', 'gzip compression: level, gzip or gzip:N').argParser(parseCompression))
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
    .addOption(new Option('--extra-float-digits <n>', 'override default setting for extra_float_digits').argParser((v) => Number(v)))
    .addOption(new Option('--no-table-locks', 'do not lock tables (gives up protection against concurrent DDL)'))
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
    .version(TOOL_VERSION, '-V, --version', 'output version information, then exit')
    .helpOption('-?, --help', 'show this help, then exit')
    .showHelpAfterError(false)
    .configureOutput({ writeErr: (s) => process.stderr.write(s.startsWith('error:') ? `pgdump-ts: ${s}` : s) })
    .exitOverride();
}

interface CliFlags {
  file?: string;
  format: string;
  compress?: number;
  verbose?: boolean;
  schemaOnly?: boolean;
  dataOnly?: boolean;
  owner: boolean;
  privileges: boolean;
  acl: boolean;
  comments: boolean;
  serializableDeferrable?: boolean;
  snapshot?: string;
  lockWaitTimeout?: string;
  enableRowSecurity?: boolean;
  extraFloatDigits?: number;
  tableLocks: boolean;
  clean?: boolean;
  ifExists?: boolean;
  create?: boolean;
  encoding?: string;
  inserts?: boolean;
  columnInserts?: boolean;
  attributeInserts?: boolean;
  rowsPerInsert?: number;
  onConflictDoNothing?: boolean;
  disableTriggers?: boolean;
  superuser?: string;
  disableDollarQuoting?: boolean;
  quoteAllIdentifiers?: boolean;
  useSetSessionAuthorization?: boolean;
  loadViaPartitionRoot?: boolean;
  restrictKey?: string;
  sync: boolean;
  syncMethod?: 'fsync' | 'syncfs';
  dbname?: string;
  host?: string;
  port?: string;
  username?: string;
  password: boolean | undefined;
  role?: string;
}

function toOptions(positional: string | undefined, f: CliFlags, passwordFlagGiven: boolean): DumpOptions {
  const format = parseFormat(f.format);
  return {
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
    lockWaitTimeout: f.lockWaitTimeout,
    enableRowSecurity: f.enableRowSecurity,
    extraFloatDigits: f.extraFloatDigits,
    noTableLocks: !f.tableLocks,
    clean: f.clean,
    ifExists: f.ifExists,
    create: f.create,
    encoding: f.encoding,
    inserts: f.inserts,
    columnInserts: f.columnInserts || f.attributeInserts,
    rowsPerInsert: f.rowsPerInsert,
    onConflictDoNothing: f.onConflictDoNothing,
    disableTriggers: f.disableTriggers,
    superuser: f.superuser,
    disableDollarQuoting: f.disableDollarQuoting,
    quoteAllIdentifiers: f.quoteAllIdentifiers,
    useSetSessionAuthorization: f.useSetSessionAuthorization,
    loadViaPartitionRoot: f.loadViaPartitionRoot,
    restrictKey: f.restrictKey,
    noSync: !f.sync,
    syncMethod: f.syncMethod,
    onWarning: (m) => process.stderr.write(`pgdump-ts: warning: ${m}\n`),
  };
}

async function main(argv: string[]): Promise<number> {
  const cmd = program();
  const selectionFlags = addSelectionFlags(cmd);
  let verbose = false;
  try {
    cmd.parse(argv);
    const flags = cmd.opts<CliFlags>();
    verbose = !!flags.verbose;
    const options = toOptions(cmd.args[0], flags, cmd.getOptionValueSource('password') === 'cli');
    Object.assign(options, selectionFlags());
    applyArchiveFlags(options, flags.file, flags.compress, cmd.getOptionValueSource('compress') === 'cli');
    // The library's checks, with the same messages: reject before connecting.
    validateDumpOptions(options, { file: flags.file });
    const controller = new AbortController();
    options.signal = controller.signal;
    let signalled: number | null = null;
    const onSignal = (code: number) => () => {
      signalled = code;
      controller.abort();
      // The dump winds down by itself (query cancelled, temporary file removed); should anything
      // keep it from doing so, a signal still ends the process.
      setTimeout(() => {
        process.stderr.write('pgdump-ts: dump cancelled by signal\n');
        process.exit(code);
      }, 10_000).unref();
    };
    process.once('SIGINT', onSignal(130));
    process.once('SIGTERM', onSignal(143));
    if (verbose) {
      options.onProgress = (e) => {
        if (e.type === 'entry') process.stderr.write(`pgdump-ts: dumping ${e.desc} ${e.namespace ? e.namespace + '.' : ''}${e.tag}\n`);
        if (e.type === 'catalog') process.stderr.write(`pgdump-ts: read ${e.objects} objects from the catalog\n`);
      };
    }
    try {
      if (options.format !== 'plain') await (flags.file ? dumpToFile({ ...options, file: flags.file }) : dumpToStream(options, process.stdout));
      else if (flags.file) await dumpToFile({ ...options, file: flags.file, compress: flags.compress });
      else if (flags.compress !== undefined) {
        const { createGzip } = await import('node:zlib');
        const gz = createGzip({ level: flags.compress });
        gz.pipe(process.stdout);
        await dumpToStream(options, gz);
        await new Promise<void>((r) => gz.end(r));
      } else await dumpToStream(options, process.stdout);
    } catch (e) {
      if (signalled !== null) {
        process.stderr.write('pgdump-ts: dump cancelled by signal\n');
        // Output still queued for a reader that stopped reading would keep the process alive.
        const code = signalled;
        setImmediate(() => process.exit(code));
        return signalled;
      }
      throw e;
    }
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
      return EXIT_CODES.usage;
    }
    if (isDumpError(e)) {
      process.stderr.write(`pgdump-ts: error: ${e.message}\n`);
      if (verbose && e.detail) process.stderr.write(`${e.detail}\n`);
      if (verbose && e.cause) process.stderr.write(`${String((e.cause as Error).stack ?? e.cause)}\n`);
      return EXIT_CODES[e.code];
    }
    process.stderr.write(`pgdump-ts: error: ${(e as Error).message ?? String(e)}\n`);
    if (verbose) process.stderr.write(`${(e as Error).stack}\n`);
    return EXIT_CODES.internal;
  }
}

// A closed standard output (`--help | head`) must not crash the process; a dump to it
// notices the failed write itself and reports it.
process.stdout.on('error', () => undefined);

// A dump that stops with nothing left to wait for, without settling, is a failure, not a success.
process.exitCode = EXIT_CODES.internal;
let settled = false;
process.on('exit', () => {
  if (!settled && process.exitCode === EXIT_CODES.internal) process.stderr.write('pgdump-ts: error: internal error: the dump stopped before it finished\n');
});
main(process.argv).then((code) => {
  settled = true;
  process.exitCode = code;
});
