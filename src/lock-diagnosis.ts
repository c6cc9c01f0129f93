import { DumpError } from './errors.js';
import { quoteLiteral } from './sql/quote.js';

interface Queryable {
  query<T extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
}

const MODE_NAMES: Record<string, string> = {
  AccessExclusiveLock: 'ACCESS EXCLUSIVE',
};

/**
 * The error for a batched `LOCK TABLE a, b, ...` that hit --lock-wait-timeout (55P03). The
 * server does not say which table it was waiting for, and a user needs that name to act
 * (wait for the other session, or --exclude-table it). The failed statement aborted the dump's
 * transaction, so the dump is over: roll back, then lock the batch's tables one at a time in a
 * throwaway transaction with the same timeout; the one that times out again is the culprit.
 * Costs one more timeout on a path that fails anyway.
 */
export async function lockTimeoutError(
  client: Queryable,
  batch: readonly string[],
  lockWaitTimeout: string | undefined,
  database: string,
  cause: unknown,
): Promise<DumpError> {
  const timeout = lockWaitTimeout ?? '0';
  const generic = new DumpError(
    'lock',
    `could not lock a table of database "${database}" within --lock-wait-timeout ${timeout}: another session holds a conflicting lock; retry later or raise --lock-wait-timeout`,
    { cause },
  );
  let culprit: string | null = null;
  try {
    await client.query('ROLLBACK');
    await client.query(`BEGIN; SET LOCAL lock_timeout = ${quoteLiteral(timeout)}`);
    for (const name of batch) {
      try {
        await client.query(`LOCK TABLE ${name} IN ACCESS SHARE MODE`);
      } catch (e) {
        if ((e as { code?: string }).code !== '55P03') throw e;
        culprit = name;
        break;
      }
    }
    await client.query('ROLLBACK');
  } catch {
    return generic;
  }
  if (culprit === null) return generic;
  // Who is in the way, for the message: the holder, or a waiter queued ahead of us.
  const holders = await client.query<{ pid: number; mode: string; granted: boolean }>(
    `SELECT l.pid, l.mode, l.granted FROM pg_catalog.pg_locks l
      WHERE l.locktype = 'relation' AND l.relation = $1::pg_catalog.regclass
        AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
        AND l.pid <> pg_catalog.pg_backend_pid() AND l.mode = 'AccessExclusiveLock'
      ORDER BY l.granted DESC, l.pid LIMIT 1`,
    [culprit],
  ).catch(() => []);
  const h = holders[0];
  const who = h
    ? `session ${h.pid} ${h.granted ? 'holds' : 'is waiting for'} it in ${MODE_NAMES[h.mode] ?? h.mode} mode`
    : 'another session holds a conflicting lock';
  return new DumpError(
    'lock',
    `could not lock table ${culprit} within --lock-wait-timeout ${timeout}: ${who}; retry later, raise --lock-wait-timeout, or leave the table out with --exclude-table`,
    { cause },
  );
}

/**
 * The error for a batched LOCK TABLE refused for lack of privilege (42501). The server names
 * the table without its schema; find it, qualified, among the batch (the failed statement
 * aborted the transaction, so roll back first), so that --exclude-table can be given as is.
 */
export async function lockPermissionError(client: Queryable, batch: readonly string[], cause: unknown): Promise<DumpError> {
  const serverMessage = (cause as { message?: string }).message ?? String(cause);
  let table: string | null = null;
  try {
    await client.query('ROLLBACK');
    const rows = await client.query<{ name: string }>(
      `SELECT n AS name FROM pg_catalog.unnest($1::text[]) WITH ORDINALITY AS b(n, i)
        WHERE NOT pg_catalog.has_table_privilege(n, 'SELECT') ORDER BY i LIMIT 1`,
      [batch],
    );
    table = rows[0]?.name ?? null;
  } catch {
    // the server's own message still names the table, unqualified
  }
  const what = table !== null ? `permission denied to lock and read table ${table}` : `permission denied while locking the dumped tables (${serverMessage})`;
  return new DumpError('permission', `${what}: dump as a role that can SELECT it, or leave it out with --exclude-table`, { cause });
}
