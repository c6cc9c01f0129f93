#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { dumpToFile, dumpToStream } from '../index.js';
import { DumpError, EXIT_CODES, isDumpError } from '../errors.js';
import type { DumpOptions } from '../options.js';
import { TOOL_VERSION } from '../version.js';

function parseCompression(spec: string): number | undefined {
  // pg_dump accepts a level, a method, or method:level / method:level=N
  const m = /^(?:(gzip|none)(?::(?:level=)?(\d+))?|(\d+))$/.exec(spec.trim());
  if (!m) throw new InvalidArgumentError(`invalid compression specification "${spec}": use gzip, gzip:N or a level 0-9`);
  if (m[1] === 'none') return undefined;
  const level = Number(m[2] ?? m[3] ?? 6);
  if (level < 0 || level > 9) throw new InvalidArgumentError(`compression level must be in range 0..9`);
  return level === 0 && m[3] !== undefined ? undefined : level;
}

function program(): Command {
  return new Command('pgdump-ts')
    .description('Dumps a PostgreSQL database as an SQL script, like pg_dump, without client binaries.')
    .argument('[dbname]', 'database name, URI or conninfo string')
    .addOption(new Option('-f, --file <file>', 'output file (default: standard output)'))
    .addOption(new Option('-F, --format <format>', 'output format: p (plain)').default('p'))
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
  dbname?: string;
  host?: string;
  port?: string;
  username?: string;
  password: boolean | undefined;
  role?: string;
}

function toOptions(positional: string | undefined, f: CliFlags, passwordFlagGiven: boolean): DumpOptions {
  if (!['p', 'plain'].includes(f.format)) {
    throw new DumpError('usage', `output format "${f.format}" is not supported yet: use -F p (plain)`);
  }
  return {
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
    onWarning: (m) => process.stderr.write(`pgdump-ts: warning: ${m}\n`),
  };
}

async function main(argv: string[]): Promise<number> {
  const cmd = program();
  let verbose = false;
  try {
    cmd.parse(argv);
    const flags = cmd.opts<CliFlags>();
    verbose = !!flags.verbose;
    const options = toOptions(cmd.args[0], flags, cmd.getOptionValueSource('password') === 'cli');
    const controller = new AbortController();
    options.signal = controller.signal;
    let signalled: number | null = null;
    const onSignal = (code: number) => () => {
      signalled = code;
      controller.abort();
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
      if (flags.file) await dumpToFile({ ...options, file: flags.file, compress: flags.compress });
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

main(process.argv).then((code) => {
  process.exitCode = code;
});
