import type { ClientConfig } from 'pg';

/**
 * Where to connect, the way libpq (and so pg_dump) resolves it: these fields, then the
 * connection string's, the PG* environment variables, pg_service.conf and ~/.pgpass.
 */
export interface ConnectionOptions {
  /** A database name, a postgres:// or postgresql:// URI, or a key=value conninfo string. */
  dbname?: string;
  /** -h/--host: host name, IP address or Unix socket directory (several, comma-separated, are tried in order); else PGHOST */
  host?: string;
  /** -p/--port: else PGPORT, else 5432 */
  port?: string | number;
  /** -U/--username: else PGUSER, else the operating system user */
  username?: string;
  /** Only for library use; the CLI never takes a password on the command line. */
  password?: string;
  /** -w: never prompt, fail instead. */
  noPassword?: boolean;
  /** -W: prompt before connecting. */
  forcePassword?: boolean;
  /** --role: not applied here, carried through for the session stage. */
  role?: string;
  /**
   * application_name, ranked like -h/-p/-U (beats PGAPPNAME, loses to the connection
   * string). When absent, 'pgdump-ts' is the fallback_application_name, used only if
   * nothing else names one.
   */
  applicationName?: string;
  /** Default process.env; tests inject their own. */
  env?: NodeJS.ProcessEnv;
  /** Default os.homedir(): where ~/.pgpass, ~/.pg_service.conf and ~/.postgresql/ live. */
  homeDir?: string;
  /** Where warnings go (world-readable .pgpass, ...). Default: a line on stderr. */
  warn?: (message: string) => void;
  /**
   * Reads a password when the server asks for one and none is known (and for -W).
   * Default: promptPassword() when a terminal is available, else none.
   */
  prompt?: (message: string) => Promise<string>;
}

export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

/** Where a password came from, so an authentication failure can say which one to fix. */
export type PasswordSource = 'connection string' | 'option' | 'prompt' | 'service file' | 'PGPASSWORD' | 'password file';

/** One host to try; a multi-host URI gives several, tried in order. */
export interface ConnectionTarget {
  /** Host name or Unix socket directory, as given (used for display, .pgpass and TLS names). */
  readonly host: string;
  /** Numeric address to connect to instead of resolving host, if hostaddr was given. */
  readonly hostaddr?: string;
  readonly port: number;
  readonly isSocket: boolean;
  /** The pg config for this host; `ssl` is the first attempt, `sslAttempts` all of them in order. */
  readonly config: ClientConfig;
  /** libpq's allow/prefer need a second try with SSL flipped; pg has no such mode. */
  readonly sslAttempts: ReadonlyArray<ClientConfig['ssl']>;
  readonly passwordSource?: PasswordSource;
  /** For messages: the password file consulted, if any. */
  readonly passfile?: string;
}

export interface ResolvedConnection {
  /** The config for the first target (the usual single-host case). */
  config: ClientConfig;
  host: string;
  port: number;
  user: string;
  database: string;
  sslmode: SslMode;
  role?: string;
  targets: readonly ConnectionTarget[];
  /** e.g. 'database "x" on host "h" port 5432 as user "u"'; never contains the password. */
  describe(): string;
}
