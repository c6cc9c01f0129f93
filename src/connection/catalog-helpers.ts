import type pg from 'pg';
import { connect } from './connect.js';
import { beginDumpSession, type SessionOptions } from './session.js';
import type { ResolvedConnection } from './types.js';

/**
 * Extra connections for reading the catalog in parallel, each inside a transaction on the
 * dump's own snapshot (exported by the dump's connection, or the one given with --snapshot),
 * so every query sees exactly what the dump sees. Best effort: when a helper cannot be
 * opened (connection limit, a server that cannot export snapshots) the dump carries on
 * with the connections it has.
 */
export async function openCatalogHelpers(
  leader: pg.Client,
  resolved: ResolvedConnection,
  session: SessionOptions,
  count: number,
): Promise<pg.Client[]> {
  if (count <= 0) return [];
  let snapshot = session.snapshot;
  if (!snapshot) {
    try {
      const res = await leader.query<{ s: string }>('SELECT pg_catalog.pg_export_snapshot() AS s');
      snapshot = res.rows[0]!.s;
    } catch {
      return [];
    }
  }
  const opened = await Promise.allSettled(
    Array.from({ length: count }, async () => {
      const c = await connect(resolved);
      c.on('error', () => undefined);
      try {
        await beginDumpSession(c, { ...session, snapshot });
        return c;
      } catch (e) {
        await c.end().catch(() => undefined);
        throw e;
      }
    }),
  );
  return opened.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
}

export async function closeCatalogHelpers(helpers: readonly pg.Client[]): Promise<void> {
  await Promise.all(helpers.map((h) => h.end().catch(() => undefined)));
}
