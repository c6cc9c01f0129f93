import pg from 'pg';
import { DumpError } from '../errors.js';
import { PRISTINE_TYPES } from './pristine-types.js';
import { connect } from './connect.js';
import { resolveConnection } from './resolve.js';
import type { ConnectionOptions, ResolvedConnection } from './types.js';

/**
 * Where a library dump connects: a connection string (URI or conninfo, resolved the way the
 * CLI resolves -d, with PG* variables, service files and .pgpass), a `pg` ClientConfig, or a
 * caller's own connected `pg.Client` or `pg.Pool`, which the dump borrows and leaves as it
 * found it (its transaction closed, every setting back to what it was).
 */
export type DumpConnection = string | pg.ClientConfig | pg.Pool | pg.Client;

/** The dump's connection and how to give it back. */
export interface OpenedConnection {
  readonly client: pg.Client;
  /** the resolved libpq-style settings, when the dump opened the connection from them (helper connections need them) */
  readonly resolved: ResolvedConnection | null;
  /** the connection belongs to the caller: never closed by the dump */
  readonly borrowed: boolean;
  /** after an abort: stop the connection's work as fast as possible */
  abandon(): void;
  /** closes (ours) or hands back (borrowed: transaction rolled back if still open, listeners removed) */
  release(): Promise<void>;
}

function isPool(c: DumpConnection): c is pg.Pool {
  return typeof c === 'object' && c !== null && typeof (c as pg.Pool).connect === 'function' && typeof (c as pg.Pool).totalCount === 'number';
}

function isClient(c: DumpConnection): c is pg.Client {
  return typeof c === 'object' && c !== null && typeof (c as pg.Client).query === 'function' && !isPool(c);
}

const noop = () => undefined;

/** A query as pg takes it, with pg's default type parsers unless it names its own. */
function withPristineTypes(q: unknown): unknown {
  if (typeof q === 'string') return { text: q, types: PRISTINE_TYPES };
  // Submittables (COPY streams, cursors) bring their own handling.
  if (q !== null && typeof q === 'object' && typeof (q as { submit?: unknown }).submit !== 'function' && !(q as { types?: unknown }).types) {
    return { ...q, types: PRISTINE_TYPES };
  }
  return q;
}

/**
 * The client as the dump sees it: every query parsed with pg's default type parsers, so an
 * application's parsers (set globally with pg.types.setTypeParser, or in a borrowed client's
 * `types`) cannot change what the dump reads.
 */
function pristine(client: pg.Client): pg.Client {
  return new Proxy(client, {
    get(target, prop) {
      if (prop === 'query') return (q: unknown, ...rest: unknown[]) => (target.query as (...a: unknown[]) => unknown)(withPristineTypes(q), ...rest);
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** pg.Client's protocol-level transaction status ('I' idle, 'T' in a transaction, 'E' failed one); older pg has none. */
function transactionStatus(client: pg.Client): string | null {
  const f = (client as unknown as { getTransactionStatus?: () => string | null }).getTransactionStatus;
  return typeof f === 'function' ? f.call(client) : null;
}

/**
 * Hands a borrowed connection back: a transaction the dump left open (it failed or was
 * cancelled half-way) is rolled back, which also undoes its SET LOCAL settings and locks.
 * Returns false when the connection could not be brought back to idle (it is then unusable).
 */
async function cleanUp(client: pg.Client): Promise<boolean> {
  const status = transactionStatus(client);
  if (status === 'I') return true;
  try {
    await client.query('ROLLBACK');
    return true;
  } catch {
    return false;
  }
}

function borrow(client: pg.Client, onRelease: (broken: boolean) => void): OpenedConnection {
  const status = transactionStatus(client);
  if (status === 'T' || status === 'E') {
    onRelease(false);
    throw new DumpError('usage', 'the pg.Client given as the dump\'s connection is inside a transaction: the dump opens its own snapshot; commit or roll back first');
  }
  client.on('error', noop);
  return {
    client: pristine(client),
    resolved: null,
    borrowed: true,
    abandon: noop,
    async release() {
      const clean = await cleanUp(client);
      client.removeListener('error', noop);
      onRelease(!clean);
    },
  };
}

/** Opens (or borrows) the dump's connection. */
export async function openDumpConnection(options: ConnectionOptions & { connection?: DumpConnection }): Promise<OpenedConnection> {
  const c = options.connection;
  if (c === undefined || typeof c === 'string') {
    const resolved = await resolveConnection(typeof c === 'string' ? { ...options, dbname: c } : options);
    return owned(await connect(resolved), resolved);
  }
  if (isPool(c)) {
    let pooled: pg.PoolClient;
    try {
      pooled = await c.connect();
    } catch (e) {
      throw new DumpError('connection', `could not get a connection from the pg.Pool given as the dump's connection: ${(e as Error).message}`, { cause: e });
    }
    // A connection that could not be brought back to idle is destroyed, not reused.
    return borrow(pooled, (broken) => pooled.release(broken || undefined));
  }
  if (isClient(c)) return borrow(c, noop);
  const client = new pg.Client({ application_name: options.applicationName ?? 'pgdump-ts', ...c });
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(noop);
    const where = c.connectionString !== undefined ? 'the server of the connection string' : `the server at "${c.host ?? 'localhost'}" port ${c.port ?? 5432}`;
    throw new DumpError('connection', `could not connect to ${where}: ${(e as Error).message}`, { cause: e });
  }
  return owned(client, null);
}

function owned(client: pg.Client, resolved: ResolvedConnection | null): OpenedConnection {
  client.on('error', noop);
  const end = () => client.end().catch(noop);
  return { client: pristine(client), resolved, borrowed: false, abandon: () => void end(), release: end };
}
