import type { CatalogClient } from '../../catalog/client.js';
import { SYSTEM_SCHEMA_FILTER } from '../../catalog/schemas.js';
import { DumpError } from '../errors.js';
import { qualify } from '../sql/quote.js';
import { tableLockWanted } from './locks.js';
import type { SelectionRequest } from './request.js';
import type { Selection } from './resolve.js';

/** What the dumping role cannot read among what the selection would dump. */
export interface Unreadable {
  /** schemas without USAGE: nothing in them can be locked or read */
  readonly schemas: readonly string[];
  /** tables and sequences without SELECT, in schemas the role may use */
  readonly relations: ReadonlyArray<{ readonly schema: string; readonly name: string; readonly kind: 'table' | 'sequence' }>;
}

interface Row extends Record<string, unknown> {
  schema: string;
  name: string | null;
  relkind: string | null;
  usable: boolean;
}

function schemaSelected(sel: Selection, schema: string): boolean {
  if (sel.excludedSchemas.has(schema)) return false;
  return sel.schemas === null ? sel.tables === null : sel.schemas.has(schema);
}

/**
 * One query: schemas the role has no USAGE on, and tables and sequences it has no SELECT on
 * (reading rows, locking ACCESS SHARE and reading a sequence's value all need it), restricted
 * to what the selection dumps. Extension members are the extension's business and skipped.
 */
export async function findUnreadable(client: CatalogClient, sel: Selection): Promise<Unreadable> {
  const rows = await client.query<Row>(
    `SELECT n.nspname AS schema, NULL::text AS name, NULL::text AS relkind, false AS usable
       FROM pg_catalog.pg_namespace n
      WHERE ${SYSTEM_SCHEMA_FILTER} AND NOT pg_catalog.has_schema_privilege(n.oid, 'USAGE')
     UNION ALL
     SELECT n.nspname, c.relname, c.relkind::text, true
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p', 'S') AND ${SYSTEM_SCHEMA_FILTER}
        AND pg_catalog.has_schema_privilege(n.oid, 'USAGE')
        AND NOT pg_catalog.has_table_privilege(c.oid, 'SELECT')
        AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                         WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid AND d.deptype = 'e')
      ORDER BY 1, 2`,
  );
  const schemas: string[] = [];
  const relations: Array<{ schema: string; name: string; kind: 'table' | 'sequence' }> = [];
  for (const r of rows) {
    if (!r.usable) {
      if (schemaSelected(sel, r.schema)) schemas.push(r.schema);
    } else if (r.name !== null && tableLockWanted(sel, r.schema, r.name)) {
      const kind = r.relkind === 'S' ? 'sequence' : 'table';
      // A sequence whose value is not dumped is never read; a table is still locked.
      if (kind === 'sequence' && sel.excludedData.hasName(r.schema, r.name)) continue;
      relations.push({ schema: r.schema, name: r.name, kind });
    }
  }
  return { schemas, relations };
}

/** An exact psql pattern for a name: quoted, so no character in it acts as a wildcard. */
function exact(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** The request again, with what cannot be read left out the way -N and --exclude-table-data leave things out. */
export function withoutUnreadable(req: SelectionRequest, u: Unreadable): SelectionRequest {
  return {
    ...req,
    patterns: {
      ...req.patterns,
      schemaExclude: [...req.patterns.schemaExclude, ...u.schemas.map(exact)],
      dataExclude: [...req.patterns.dataExclude, ...u.relations.map((r) => `${exact(r.schema)}.${exact(r.name)}`)],
    },
  };
}

/** Without --skip-unreadable: the first thing that cannot be read, named with the flags that get past it. */
export function unreadableError(u: Unreadable, role: string): DumpError {
  const schema = u.schemas[0];
  if (schema !== undefined) {
    const more = u.schemas.length > 1 ? ` (and ${u.schemas.length - 1} more: ${u.schemas.slice(1).join(', ')})` : '';
    return new DumpError('permission',
      `permission denied for schema ${qualify(null, schema)}${more}: role "${role}" has no USAGE on it; leave it out with --exclude-schema=${exact(schema)}, or dump the rest with --skip-unreadable`);
  }
  const r = u.relations[0]!;
  const name = qualify(r.schema, r.name);
  const pattern = `${exact(r.schema)}.${exact(r.name)}`;
  // Locking a table needs SELECT too, so only a sequence can stay with its value left out.
  const remedy = r.kind === 'table' ? `leave it out with --exclude-table=${pattern}` : `leave out its value with --exclude-table-data=${pattern}`;
  return new DumpError('permission',
    `permission denied to read ${r.kind} ${name}: role "${role}" has no SELECT on it; ${remedy}, or dump the rest with --skip-unreadable`);
}

/** What --skip-unreadable left out, one line each: for stderr, and as comments in the script. */
export function unreadableLines(u: Unreadable): string[] {
  return [
    ...u.schemas.map((s) => `skipped schema ${qualify(null, s)} and everything in it: no USAGE privilege`),
    ...u.relations.map((r) => `skipped the ${r.kind === 'table' ? 'rows' : 'value'} of ${r.kind} ${qualify(r.schema, r.name)}: no SELECT privilege (its definition is dumped)`),
  ];
}
