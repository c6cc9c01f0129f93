/** Stable codes so scripts and the library can branch on what went wrong. */
export type DumpErrorCode =
  | 'usage'            // bad flag, bad option value, conflicting options
  | 'connection'       // could not connect / authenticate / TLS
  | 'server-version'   // server outside the supported range
  | 'permission'       // role cannot read or lock an object
  | 'not-found'        // pattern matched nothing with --strict-names, unknown database
  | 'lock'             // could not take a lock (timeout, lock table full)
  | 'query'            // a catalog or data query failed
  | 'output'           // cannot write the output
  | 'aborted'          // cancelled by signal or AbortSignal
  | 'unsupported'      // an object we do not know how to dump
  | 'internal';

/** Exit codes the CLI uses, documented in the README. */
export const EXIT_CODES: Record<DumpErrorCode, number> = {
  usage: 2,
  connection: 3,
  'server-version': 3,
  permission: 4,
  'not-found': 4,
  lock: 5,
  query: 6,
  output: 7,
  aborted: 130,
  unsupported: 8,
  internal: 1,
};

/** The one error type pgdump-ts throws: a code plus a one-line message naming the object and the remedy. */
export class DumpError extends Error {
  /** what went wrong, as a stable code (the CLI's exit code is {@link EXIT_CODES}[code]) */
  readonly code: DumpErrorCode;
  /** more detail (the server's message, every host's failure), shown by the CLI with -v */
  readonly detail?: string;
  constructor(code: DumpErrorCode, message: string, options?: { cause?: unknown; detail?: string }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    // An abort is named as the platform names one (DOMException AbortError), so generic
    // `e.name === 'AbortError'` checks recognise it; it is still a DumpError.
    this.name = code === 'aborted' ? 'AbortError' : 'DumpError';
    this.code = code;
    this.detail = options?.detail;
  }
}

/** Whether `e` is a {@link DumpError} (of this copy of the library). */
export function isDumpError(e: unknown): e is DumpError {
  return e instanceof DumpError;
}
