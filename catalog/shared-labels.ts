import type { CatalogContext } from './client.js';

export interface SharedLabel {
  readonly provider: string;
  readonly label: string;
}

/**
 * Security labels on shared objects of one catalog (roles, tablespaces), by object OID, in one
 * query for all of them.
 */
export async function readSharedLabels(ctx: CatalogContext, catalog: 'pg_authid' | 'pg_tablespace'): Promise<Map<number, SharedLabel[]>> {
  const rows = await ctx.client.query<{ objoid: string; provider: string; label: string }>(
    `SELECT objoid::int8 AS objoid, provider, label FROM pg_catalog.pg_shseclabel
      WHERE classoid = $1::pg_catalog.regclass
      ORDER BY objoid, provider`,
    [`pg_catalog.${catalog}`],
  );
  const out = new Map<number, SharedLabel[]>();
  for (const r of rows) {
    const oid = Number(r.objoid);
    let list = out.get(oid);
    if (!list) out.set(oid, (list = []));
    list.push({ provider: r.provider, label: r.label });
  }
  return out;
}
