import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { ClientConfig } from 'pg';
import type { ConnectionOptions as TlsOptions } from 'node:tls';
import { DumpError } from '../errors.js';
import type { ConnParams } from './conninfo.js';
import { collectParams, intParam, rejectUnsupported } from './params.js';
import { DEFAULT_SOCKET_DIRS, lookupPgpass } from './pgpass.js';
import { canPrompt, promptPassword } from './prompt.js';
import { buildTlsOptions, forTarget, parseSslMode, sslAttempts } from './ssl.js';
import type { ConnectionOptions, ConnectionTarget, PasswordSource, ResolvedConnection, SslMode } from './types.js';

/** Thrown from pg's password callback; connect.ts turns it into a clear message. */
export class PasswordRequiredError extends Error {
  constructor() {
    super('no password supplied');
    this.name = 'PasswordRequiredError';
  }
}

const DEFAULT_PORT = 5432;
const FALLBACK_APPLICATION_NAME = 'pgdump-ts';

/** The first conventional socket directory where a server is listening on this port. */
export function defaultHost(port: number): string {
  const dir = DEFAULT_SOCKET_DIRS.find((d) => existsSync(join(d, `.s.PGSQL.${port}`)));
  return dir ?? 'localhost';
}

function osUser(env: NodeJS.ProcessEnv): string {
  try {
    return userInfo().username;
  } catch {
    // Containers often run as a uid with no passwd entry.
    const fromEnv = env.USER ?? env.LOGNAME;
    if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
    throw new DumpError('usage', 'could not determine the local user name: pass a user name with -U or PGUSER');
  }
}

function parsePort(raw: string): number {
  if (raw === '') return DEFAULT_PORT;
  const n = /^\d+$/.test(raw) ? parseInt(raw, 10) : NaN;
  if (!(n >= 1 && n <= 65535)) throw new DumpError('usage', `invalid port number: "${raw}"`);
  return n;
}

function splitList(v: string | undefined): string[] {
  return v === undefined || v === '' ? [] : v.split(',');
}

interface HostSpec { host: string; hostaddr?: string; port: number }

/** libpq's pairing rules for comma-separated host, hostaddr and port lists. */
function hostSpecs(p: ConnParams): HostSpec[] {
  const hosts = splitList(p.host);
  const addrs = splitList(p.hostaddr);
  const ports = splitList(p.port);
  if (hosts.length > 0 && addrs.length > 0 && hosts.length !== addrs.length) {
    throw new DumpError('usage', `could not match ${hosts.length} host names to ${addrs.length} hostaddr values`);
  }
  const count = Math.max(hosts.length, addrs.length, 1);
  if (ports.length > 1 && ports.length !== count) {
    throw new DumpError('usage', `could not match ${ports.length} port numbers to ${count} hosts`);
  }
  const specs: HostSpec[] = [];
  for (let i = 0; i < count; i++) {
    const port = parsePort(ports.length === 1 ? ports[0]! : ports[i] ?? '');
    const addr = addrs[i] ?? '';
    if (addr !== '' && isIP(addr) === 0) throw new DumpError('usage', `could not parse network address "${addr}"`);
    let host = hosts[i] ?? '';
    if (host === '') host = addr !== '' ? addr : defaultHost(port);
    specs.push(addr !== '' ? { host, hostaddr: addr, port } : { host, port });
  }
  if (p.load_balance_hosts === 'random') {
    for (let i = specs.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [specs[i], specs[j]] = [specs[j]!, specs[i]!];
    }
  }
  return specs;
}

function resolveSslMode(p: ConnParams): SslMode {
  const explicit = p.sslmode !== undefined && p.sslmode !== '' ? parseSslMode(p.sslmode) : undefined;
  if (p.sslrootcert === 'system') {
    // libpq: system roots only make sense with full verification, and imply it.
    if (explicit !== undefined && explicit !== 'verify-full') {
      throw new DumpError('usage', `weak sslmode "${explicit}" may not be used with sslrootcert=system (use "verify-full")`);
    }
    return 'verify-full';
  }
  const mode = explicit ?? 'prefer';
  if (p.sslnegotiation === 'direct' && !['require', 'verify-ca', 'verify-full'].includes(mode)) {
    throw new DumpError('usage', `weak sslmode "${mode}" may not be used with sslnegotiation=direct (use "require", "verify-ca", or "verify-full")`);
  }
  return mode;
}

/** Settings every host shares, mapped from libpq keywords onto pg's names. */
function commonConfig(p: ConnParams): ClientConfig {
  const config: ClientConfig = {
    // Always set: pg would otherwise read PGAPPNAME from process.env, bypassing an injected env.
    application_name: p.application_name || p.fallback_application_name || FALLBACK_APPLICATION_NAME,
    // libpq enables TCP keepalives by default; a long dump should survive idle NAT timeouts.
    keepAlive: p.keepalives !== '0',
  };
  const idle = intParam(p, 'keepalives_idle');
  if (idle !== undefined && idle > 0) config.keepAliveInitialDelayMillis = idle * 1000;
  const timeout = intParam(p, 'connect_timeout');
  // libpq: zero or negative waits forever, and 1 second is raised to 2.
  if (timeout !== undefined && timeout > 0) config.connectionTimeoutMillis = Math.max(timeout, 2) * 1000;
  if (p.options !== undefined && p.options !== '') config.options = p.options;
  if (p.client_encoding !== undefined && p.client_encoding !== '' && p.client_encoding !== 'auto') {
    config.client_encoding = p.client_encoding;
  }
  if (p.channel_binding === 'require') config.enableChannelBinding = true;
  return config;
}

function describeTarget(t: { host: string; port: number; isSocket: boolean }): string {
  return t.isSocket ? `socket "${join(t.host, `.s.PGSQL.${t.port}`)}"` : `host "${t.host}" port ${t.port}`;
}

/** Text naming a target, database and user, never the password: used in every connection message. */
export function describeConnection(t: { host: string; port: number; isSocket: boolean }, database: string, user: string): string {
  return `database "${database}" on ${describeTarget(t)} as user "${user}"`;
}

/**
 * Resolves every libpq source into one pg config per host. Reads files (service
 * file, .pgpass, certificates) and may prompt (-W), but opens no connection.
 */
export async function resolveConnection(opts: ConnectionOptions): Promise<ResolvedConnection> {
  const env = opts.env ?? process.env;
  const homeDir = opts.homeDir ?? homedir();
  const warn = opts.warn ?? ((m: string) => { process.stderr.write(`WARNING: ${m}\n`); });
  if (opts.noPassword === true && opts.forcePassword === true) {
    throw new DumpError('usage', 'options -w/--no-password and -W/--password cannot be used together');
  }
  const { params, passwordSource } = collectParams(opts, env, homeDir);
  rejectUnsupported(params);

  const user = params.user || osUser(env);
  const database = params.dbname || user;
  const sslmode = resolveSslMode(params);
  const specs = hostSpecs(params);
  const common = commonConfig(params);

  let password = params.password !== '' ? params.password : undefined;
  let source = password !== undefined ? passwordSource : undefined;
  // -W prompts up front, as pg_dump does; pointless when the string already carries a password.
  if (opts.forcePassword === true && (source === undefined || source === 'PGPASSWORD' || source === 'service file')) {
    const typed = await (opts.prompt ?? promptPassword)('Password: ');
    // An empty answer means "no password", as libpq ignores empty keyword values.
    password = typed !== '' ? typed : password;
    source = typed !== '' ? 'prompt' : source;
  }

  // A password typed once serves every host and every SSL retry.
  let prompted: string | undefined;
  const lazyPassword = async (): Promise<string> => {
    if (prompted !== undefined) return prompted;
    const prompter = opts.prompt ?? (canPrompt() ? promptPassword : undefined);
    if (opts.noPassword === true || prompter === undefined) throw new PasswordRequiredError();
    const typed = await prompter(`Password for user ${user}: `);
    if (typed === '') throw new PasswordRequiredError();
    prompted = typed;
    return typed;
  };

  let tls: TlsOptions | undefined;
  const needsTls = sslmode !== 'disable' && specs.some((s) => s.hostaddr !== undefined || !s.host.startsWith('/'));
  if (needsTls) {
    tls = buildTlsOptions({
      mode: sslmode, rootcert: params.sslrootcert || undefined, cert: params.sslcert || undefined,
      key: params.sslkey || undefined, password: params.sslpassword, crl: params.sslcrl || undefined,
      minVersion: params.ssl_min_protocol_version, maxVersion: params.ssl_max_protocol_version,
    }, homeDir);
  }
  const passfile = params.passfile || join(homeDir, '.pgpass');

  const targets: ConnectionTarget[] = specs.map((spec) => {
    const isSocket = spec.hostaddr === undefined && spec.host.startsWith('/');
    let targetPassword = password;
    let targetSource: PasswordSource | undefined = source;
    if (targetPassword === undefined) {
      // .pgpass is matched per host, like libpq, with the host as written (hostaddr if none).
      targetPassword = lookupPgpass(passfile, { host: spec.host, port: String(spec.port), database, user }, warn);
      if (targetPassword === '') targetPassword = undefined;
      if (targetPassword !== undefined) targetSource = 'password file';
    }
    const fixed = targetPassword;
    const attempts = sslAttempts(sslmode, isSocket, tls === undefined ? {} : forTarget(tls, spec.host, spec.hostaddr));
    const config: ClientConfig = {
      ...common,
      host: spec.hostaddr ?? spec.host,
      port: spec.port,
      user,
      database,
      // A function, so pg never falls back to PGPASSWORD or its own .pgpass reader,
      // and a prompt happens only if the server actually asks for a password.
      password: fixed !== undefined ? () => fixed : lazyPassword,
      ssl: attempts[0],
      sslnegotiation: params.sslnegotiation === 'direct' && !isSocket ? 'direct' : 'postgres',
    };
    const target: ConnectionTarget = {
      host: spec.host, port: spec.port, isSocket, config, sslAttempts: attempts,
      ...(spec.hostaddr !== undefined ? { hostaddr: spec.hostaddr } : {}),
      ...(targetSource !== undefined ? { passwordSource: targetSource } : {}),
      ...(targetSource === 'password file' ? { passfile } : {}),
    };
    return target;
  });

  const first = targets[0]!;
  return {
    config: first.config,
    host: first.host,
    port: first.port,
    user,
    database,
    sslmode,
    ...(opts.role !== undefined && opts.role !== '' ? { role: opts.role } : {}),
    targets,
    describe(): string {
      if (targets.length === 1) return describeConnection(first, database, user);
      return `database "${database}" on ${targets.map(describeTarget).join(' or ')} as user "${user}"`;
    },
  };
}
