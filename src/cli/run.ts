import { CommanderError } from 'commander';
import { EXIT_CODES, isDumpError } from '../errors.js';
import { tuneGarbageCollector } from './gc-tuning.js';

/** What a command line asks for, once parsed. */
export interface CliCommand {
  /** Runs the dump; rejects on failure. `signal` aborts on SIGINT/SIGTERM. */
  run(signal: AbortSignal): Promise<void>;
}

/** Set while parsing, so errors from then on are reported in detail when asked (-v). */
export interface CliState {
  verbose: boolean;
}

/** How long a dump may take to wind down after a signal before the process is ended anyway. */
const SIGNAL_GRACE_MS = 10_000;

async function main(tool: string, argv: string[], parse: (argv: string[], state: CliState) => CliCommand): Promise<number> {
  const state: CliState = { verbose: false };
  tuneGarbageCollector();
  try {
    const command = parse(argv, state);
    const controller = new AbortController();
    let signalled: number | null = null;
    const onSignal = (code: number) => () => {
      signalled = code;
      controller.abort();
      // The dump winds down by itself (query cancelled, temporary file removed); should anything
      // keep it from doing so, a signal still ends the process.
      setTimeout(() => {
        process.stderr.write(`${tool}: dump cancelled by signal\n`);
        process.exit(code);
      }, SIGNAL_GRACE_MS).unref();
    };
    process.once('SIGINT', onSignal(130));
    process.once('SIGTERM', onSignal(143));
    try {
      await command.run(controller.signal);
    } catch (e) {
      if (signalled !== null) {
        process.stderr.write(`${tool}: dump cancelled by signal\n`);
        // Output still queued for a reader that stopped reading would keep the process alive.
        const code = signalled;
        setImmediate(() => process.exit(code));
        return signalled;
      }
      throw e;
    }
    return 0;
  } catch (e) {
    return reportFailure(tool, e, state.verbose);
  }
}

/**
 * The one line a failed command prints on stderr and its exit code (EXIT_CODES): usage errors
 * were already printed by commander, a DumpError by its message, anything else as internal; -v
 * adds the detail, the cause and the stack.
 */
export function reportFailure(tool: string, e: unknown, verbose: boolean): number {
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0) return 0;
    return EXIT_CODES.usage;
  }
  if (isDumpError(e)) {
    process.stderr.write(`${tool}: error: ${e.message}\n`);
    if (verbose && e.detail) process.stderr.write(`${e.detail}\n`);
    if (verbose && e.cause) process.stderr.write(`${String((e.cause as Error).stack ?? e.cause)}\n`);
    return EXIT_CODES[e.code];
  }
  process.stderr.write(`${tool}: error: ${(e as Error).message ?? String(e)}\n`);
  if (verbose) process.stderr.write(`${(e as Error).stack}\n`);
  return EXIT_CODES.internal;
}

/**
 * The process around pgdump-ts and pgdumpall-ts: parse, run with signal handling, one error
 * line and the documented exit code (EXIT_CODES), a stack trace only with -v.
 */
export function runCli(tool: string, parse: (argv: string[], state: CliState) => CliCommand): void {
  settleProcess(tool, 'dump', main(tool, process.argv, parse));
}

/**
 * Ends the process with the exit code `run` settles to. A closed standard output (`--help |
 * head`) must not crash it (a command writing there notices the failed write itself), and a
 * command that stops with nothing left to wait for, without settling, is a failure, not a success.
 */
export function settleProcess(tool: string, what: string, run: Promise<number>): void {
  process.stdout.on('error', () => undefined);
  process.exitCode = EXIT_CODES.internal;
  let settled = false;
  process.on('exit', () => {
    if (!settled && process.exitCode === EXIT_CODES.internal) process.stderr.write(`${tool}: error: internal error: the ${what} stopped before it finished\n`);
  });
  void run.then((code) => {
    settled = true;
    process.exitCode = code;
  });
}
