// Per-tenant export with the predicate API: one database holds every tenant's rows in shared
// tables plus per-tenant tables named `t_<tenant>_*`; an export carries the shared schema and
// that tenant's own tables, decided in code rather than with name patterns.
//
//   node dist/examples/tenant-export.js postgres://localhost/saas acme acme.sql
import { pathToFileURL } from 'node:url';
import { dumpToFile, type DumpResult, type RelationInfo } from 'pgdump-ts';

/** The tables one tenant's export contains: its own (t_<tenant>_...) and every table that belongs to no tenant. */
export function tenantTables(tenant: string): (t: RelationInfo) => boolean {
  return (t) => {
    const owner = /^t_([a-z0-9]+)_/.exec(t.name)?.[1];
    return owner === undefined || owner === tenant;
  };
}

export async function exportTenant(dbname: string, tenant: string, file: string): Promise<DumpResult> {
  if (!/^[a-z0-9]+$/.test(tenant)) throw new Error(`invalid tenant id "${tenant}"`);
  return dumpToFile(file, {
    dbname,
    // Patterns first (no internal schema), then the predicates decide per tenant.
    excludeSchema: ['internal'],
    includeSchema: (s) => !s.name.startsWith('archive_'),
    includeTable: tenantTables(tenant),
    noOwner: true,
    noPrivileges: true,
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dbname, tenant, file] = process.argv.slice(2);
  if (!dbname || !tenant || !file) {
    console.error('usage: tenant-export.js DBNAME TENANT FILE');
    process.exit(2);
  }
  const s = await exportTenant(dbname, tenant, file);
  console.log(`${file}: ${s.objects['TABLE'] ?? 0} tables, ${s.rows} rows`);
}
