/**
 * connection/: libpq-compatible settings (URI or conninfo, -h/-p/-U, PG* variables,
 * pg_service.conf, .pgpass, sslmode) resolved into pg configs, and the connect
 * step that turns failures into one clear DumpError line.
 */
export type { ConnectionOptions, ConnectionTarget, PasswordSource, ResolvedConnection, SslMode } from './types.js';
export { resolveConnection, describeConnection, PasswordRequiredError } from './resolve.js';
export { connect, translateConnectError } from './connect.js';
export { promptPassword, canPrompt } from './prompt.js';
export { isConnectionString, parseConnectionString, parseConninfo, parseUri, type ConnParams } from './conninfo.js';
export { matchPgpass, lookupPgpass } from './pgpass.js';
export { parseServiceSection, readService } from './service.js';
