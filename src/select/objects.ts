import type { Catalog } from '../../catalog/index.js';
import type { DumpObject } from '../../catalog/objects.js';
import type { Column } from '../../catalog/tables.js';
import type { Selection } from './resolve.js';

/**
 * pg_dump's selection rules, object by object:
 * - with -t, only the matched relations; no schema and nothing else that lives in a schema;
 * - else with -n, the matched schemas and everything in them; else every user schema;
 * - -N and -T take away; objects in no schema (casts, languages, event triggers, servers,
 *   publications, subscriptions, ...) and extensions only in a dump of everything, extensions
 *   also by -e;
 * - what belongs to a relation (columns' defaults, constraints, indexes, triggers, rules,
 *   policies) follows it; a sequence owned by a column follows its table as well as its own
 *   selection; extended statistics need both their schema and their table.
 * Dependencies are not pulled in: a selected view over an unselected table is dumped alone.
 */
export function selectObjects(catalog: Catalog, sel: Selection): Catalog {
  // Tables that can own a sequence through a column.
  const relations = new Map<string, DumpObject>();
  for (const o of catalog.objects) if (o.kind === 'table' || o.kind === 'foreign-table') relations.set(o.id, o);

  /** pg_dump's "dump_contains" of a schema: are the objects in it dumped? */
  const schemaContents = (schema: string | null): boolean => {
    if (schema === null || sel.tables !== null) return false;
    if (sel.schemas !== null && !sel.schemas.has(schema)) return false;
    return !sel.excludedSchemas.has(schema);
  };
  const relationSelected = (o: { oid: number; schema: string | null }): boolean => {
    const chosen = sel.tables !== null ? sel.tables.hasOid(o.oid) : schemaContents(o.schema);
    return chosen && !sel.excludedTables.hasOid(o.oid);
  };
  const extensionSelected = (oid: number): boolean => {
    const chosen = sel.extensions !== null ? sel.extensions.has(oid) : sel.includeEverything;
    return chosen && !sel.excludedExtensions.has(oid);
  };
  const servers = new Set<string>();

  const own = (o: DumpObject): boolean => {
    switch (o.kind) {
      case 'schema':
        return schemaContents(o.name);
      case 'extension':
        return extensionSelected(o.oid);
      case 'extension-acl':
        // Changed privileges on initdb's own objects: pg_dump considers pg_catalog's (only in
        // a dump without -n or -t), never information_schema's or other system schemas'.
        if (o.extensionId === null) {
          return o.schema === 'pg_catalog' && sel.tables === null && sel.schemas === null && !sel.excludedSchemas.has(o.schema);
        }
        return extensionSelected(Number(o.extensionId.slice(o.extensionId.indexOf(':') + 1)));
      case 'table':
      case 'view':
      case 'foreign-table':
        return relationSelected(o);
      case 'sequence': {
        if (relationSelected(o)) return true;
        const owner = o.ownedBy ? relations.get(o.ownedBy.tableId) : undefined;
        return owner !== undefined && relationSelected(owner);
      }
      case 'large-object':
        return sel.largeObjects;
      case 'default-acl':
        return o.schema !== null ? schemaContents(o.schema) : sel.includeEverything;
      case 'publication':
        return sel.includeEverything && !sel.noPublications;
      case 'publication-schema':
        return sel.includeEverything && !sel.noPublications && schemaContents(o.schema);
      case 'subscription':
        return sel.includeEverything && !sel.noSubscriptions;
      case 'foreign-server':
        if (sel.includeEverything) servers.add(o.name);
        return sel.includeEverything;
      case 'event-trigger':
      case 'cast':
      case 'language':
      case 'transform':
      case 'access-method':
      case 'foreign-data-wrapper':
        return sel.includeEverything;
      case 'user-mapping':
        // decided with its server, below
        return true;
      case 'statistics':
        return schemaContents(o.schema);
      case 'policy':
        return !sel.noPolicies;
      case 'publication-table':
        return sel.includeEverything && !sel.noPublications;
      case 'column-default':
      case 'constraint':
      case 'index':
      case 'index-attach':
      case 'trigger':
      case 'rule':
        // parts of a relation: decided by it, below
        return true;
      default:
        // A part of a relation goes with it; types, functions, operators, collations, text
        // search objects and any other kind that lives in a schema follow the schema; kinds
        // outside schemas need a dump of everything.
        if ('tableId' in o) return true;
        return o.schema !== null ? schemaContents(o.schema) : sel.includeEverything;
    }
  };

  const kept = new Set<string>();
  const firstPass = catalog.objects.filter((o) => {
    if (!own(o)) return false;
    kept.add(o.id);
    return true;
  });
  const objects = firstPass
    .filter((o) => {
      if ('tableId' in o && !kept.has(o.tableId)) return false;
      if (o.kind === 'user-mapping' && !servers.has(o.server)) return false;
      return true;
    })
    .map((o) => withoutOmittedClauses(o, sel));
  return { ...catalog, objects };
}

/** --no-tablespaces, --no-table-access-method, --no-toast-compression, --no-policies. */
function withoutOmittedClauses(o: DumpObject, sel: Selection): DumpObject {
  const column = (c: Column): Column => (sel.noToastCompression && c.compression ? { ...c, compression: null } : c);
  switch (o.kind) {
    case 'table':
      return {
        ...o,
        tablespace: sel.noTablespaces ? null : o.tablespace,
        accessMethod: sel.noTableAccessMethod ? null : o.accessMethod,
        columns: sel.noToastCompression ? o.columns.map(column) : o.columns,
        // ENABLE ROW LEVEL SECURITY goes with the policies; FORCE stays with the table, as in pg_dump.
        rowSecurity: sel.noPolicies ? false : o.rowSecurity,
      };
    case 'view':
      return {
        ...o,
        tablespace: sel.noTablespaces ? null : o.tablespace,
        accessMethod: sel.noTableAccessMethod ? null : o.accessMethod,
      };
    case 'index':
      return sel.noTablespaces ? { ...o, tablespace: null } : o;
    case 'constraint':
      return sel.noTablespaces && o.indexTablespace ? { ...o, indexTablespace: null } : o;
    case 'foreign-table':
      return sel.noToastCompression ? { ...o, columns: o.columns.map(column) } : o;
    default:
      return o;
  }
}
