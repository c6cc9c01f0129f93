import type { CatalogClient } from '../../catalog/client.js';
import { DumpError } from '../errors.js';
import { parsePattern, type PatternKind } from './patterns.js';
import type { PatternLists, SelectionRequest } from './request.js';

/** A relation matched by a table pattern. */
interface RelationRef {
  readonly oid: number;
  readonly schema: string;
  readonly name: string;
}

/** The request with every pattern resolved against the dump's snapshot. */
export interface Selection extends SelectionRequest {
  /** -t and --table-and-children matches; null when neither was given */
  readonly tables: RelationSet | null;
  readonly excludedTables: RelationSet;
  readonly excludedData: RelationSet;
  /** -n matches, by name; null when -n was not given */
  readonly schemas: ReadonlySet<string> | null;
  readonly excludedSchemas: ReadonlySet<string>;
  /** -e matches; null when -e was not given */
  readonly extensions: ReadonlySet<number> | null;
  readonly excludedExtensions: ReadonlySet<number>;
  /** names of the servers whose foreign tables' rows are dumped */
  readonly foreignServers: ReadonlySet<string>;
}

/** Relations by OID, and by schema and name for callers that only know names. */
export class RelationSet {
  private readonly oids = new Set<number>();
  private readonly names = new Set<string>();
  add(r: RelationRef): void {
    this.oids.add(r.oid);
    this.names.add(`${r.schema}\u0000${r.name}`);
  }
  hasOid(oid: number): boolean {
    return this.oids.has(oid);
  }
  hasName(schema: string, name: string): boolean {
    return this.names.has(`${schema}\u0000${name}`);
  }
  get size(): number {
    return this.oids.size;
  }
}

type ListName = keyof PatternLists;
const KIND_OF: Record<ListName, PatternKind> = {
  schemaInclude: 'schema',
  schemaExclude: 'schema',
  tableInclude: 'table',
  tableIncludeWithChildren: 'table',
  tableExclude: 'table',
  tableExcludeWithChildren: 'table',
  dataExclude: 'table',
  dataExcludeWithChildren: 'table',
  extensionInclude: 'extension',
  extensionExclude: 'extension',
  foreignServers: 'server',
};
const WITH_CHILDREN: ReadonlySet<ListName> = new Set(['tableIncludeWithChildren', 'tableExcludeWithChildren', 'dataExcludeWithChildren']);

interface MatchRow {
  idx: number;
  oid: string;
  schema: string | null;
  name: string;
}

/**
 * Every pattern of every list in one query, the patterns bound as array parameters. Matching
 * is pg_dump's: `~` against the anchored regex with the database's default collation; a table
 * pattern without a schema matches only relations visible on the default search_path; the
 * "and children" forms add inheritance children and partitions, recursively.
 */
const MATCH_SQL = `
WITH RECURSIVE pat AS (
  SELECT * FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.int4[]), pg_catalog.unnest($2::pg_catalog.text[]),
                           pg_catalog.unnest($3::pg_catalog.text[]), pg_catalog.unnest($4::pg_catalog.text[]),
                           pg_catalog.unnest($5::pg_catalog.bool[])) AS u(idx, kind, nsp_re, name_re, children)
), rel AS (
  SELECT p.idx, c.oid
    FROM pat p
    JOIN pg_catalog.pg_class c
      ON c.relkind OPERATOR(pg_catalog.=) ANY (ARRAY['r', 'S', 'v', 'm', 'f', 'p']::pg_catalog."char"[])
     AND c.relname OPERATOR(pg_catalog.~) (p.name_re COLLATE pg_catalog.default)
    JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
   WHERE p.kind OPERATOR(pg_catalog.=) 'table'
     AND CASE WHEN p.nsp_re IS NULL THEN pg_catalog.pg_table_is_visible(c.oid)
              ELSE n.nspname OPERATOR(pg_catalog.~) (p.nsp_re COLLATE pg_catalog.default) END
  UNION
  SELECT r.idx, i.inhrelid
    FROM rel r
    JOIN pat p ON p.idx OPERATOR(pg_catalog.=) r.idx AND p.children
    JOIN pg_catalog.pg_inherits i ON i.inhparent OPERATOR(pg_catalog.=) r.oid
)
SELECT r.idx, r.oid::pg_catalog.int8 AS oid, n.nspname AS schema, c.relname AS name
  FROM rel r
  JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) r.oid
  JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
UNION ALL
SELECT p.idx, n.oid::pg_catalog.int8, n.nspname, n.nspname
  FROM pat p JOIN pg_catalog.pg_namespace n
    ON p.kind OPERATOR(pg_catalog.=) 'schema' AND n.nspname OPERATOR(pg_catalog.~) (p.name_re COLLATE pg_catalog.default)
UNION ALL
SELECT p.idx, e.oid::pg_catalog.int8, NULL, e.extname
  FROM pat p JOIN pg_catalog.pg_extension e
    ON p.kind OPERATOR(pg_catalog.=) 'extension' AND e.extname OPERATOR(pg_catalog.~) (p.name_re COLLATE pg_catalog.default)
UNION ALL
SELECT p.idx, s.oid::pg_catalog.int8, NULL, s.srvname
  FROM pat p JOIN pg_catalog.pg_foreign_server s
    ON p.kind OPERATOR(pg_catalog.=) 'server' AND s.srvname OPERATOR(pg_catalog.~) (p.name_re COLLATE pg_catalog.default)`;

/**
 * Resolves the request's patterns in the dump's transaction (so against its snapshot) and
 * applies pg_dump's rules for patterns that match nothing.
 */
export async function resolveSelection(client: CatalogClient, req: SelectionRequest, database: string): Promise<Selection> {
  const entries: { list: ListName; pattern: string }[] = [];
  const params: [number[], string[], (string | null)[], string[], boolean[]] = [[], [], [], [], []];
  let needsVisibility = false;
  for (const list of Object.keys(KIND_OF) as ListName[]) {
    for (const pattern of req.patterns[list]) {
      const kind = KIND_OF[list];
      const parsed = parsePattern(kind, pattern, database);
      if (kind === 'table' && parsed.schema === null) needsVisibility = true;
      params[0].push(entries.length);
      params[1].push(kind);
      params[2].push(kind === 'table' ? parsed.schema : null);
      params[3].push(parsed.name);
      params[4].push(WITH_CHILDREN.has(list));
      entries.push({ list, pattern });
    }
  }
  const rows = entries.length ? await runMatch(client, params, needsVisibility) : [];
  const matches = entries.map(() => [] as MatchRow[]);
  for (const r of rows) matches[r.idx]!.push(r);

  const patternsOf = (list: ListName) => entries.map((e, i) => ({ ...e, rows: matches[i]! })).filter((e) => e.list === list);
  const strict = (lists: ListName[], what: string) => {
    if (!req.strictNames) return;
    for (const list of lists) {
      const empty = patternsOf(list).find((e) => e.rows.length === 0);
      if (empty) throw new DumpError('not-found', `no matching ${what} were found for pattern "${empty.pattern}"`);
    }
  };
  const relations = (...lists: ListName[]) => {
    const set = new RelationSet();
    for (const list of lists) for (const e of patternsOf(list)) for (const r of e.rows) set.add({ oid: Number(r.oid), schema: r.schema!, name: r.name });
    return set;
  };
  const names = (list: ListName) => new Set(patternsOf(list).flatMap((e) => e.rows.map((r) => r.name)));
  const oids = (list: ListName) => new Set(patternsOf(list).flatMap((e) => e.rows.map((r) => Number(r.oid))));

  // The same order and messages as pg_dump: schemas, tables, foreign servers, extensions.
  let schemas: Set<string> | null = null;
  if (req.patterns.schemaInclude.length) {
    strict(['schemaInclude'], 'schemas');
    schemas = names('schemaInclude');
    if (schemas.size === 0) throw new DumpError('not-found', 'no matching schemas were found');
  }
  let tables: RelationSet | null = null;
  if (req.patterns.tableInclude.length || req.patterns.tableIncludeWithChildren.length) {
    strict(['tableInclude', 'tableIncludeWithChildren'], 'tables');
    tables = relations('tableInclude', 'tableIncludeWithChildren');
    if (tables.size === 0) throw new DumpError('not-found', 'no matching tables were found');
  }
  const unmatchedServer = patternsOf('foreignServers').find((e) => e.rows.length === 0);
  if (unmatchedServer) throw new DumpError('not-found', `no matching foreign servers were found for pattern "${unmatchedServer.pattern}"`);
  let extensions: Set<number> | null = null;
  if (req.patterns.extensionInclude.length) {
    strict(['extensionInclude'], 'extensions');
    extensions = oids('extensionInclude');
    if (extensions.size === 0) throw new DumpError('not-found', 'no matching extensions were found');
  }
  // A standby cannot read unlogged tables; pg_dump leaves their rows out there.
  let noUnloggedTableData = req.noUnloggedTableData;
  if (!noUnloggedTableData && (req.dumpData || req.sequenceData)) {
    const [row] = await client.query<{ standby: boolean }>('SELECT pg_catalog.pg_is_in_recovery() AS standby');
    noUnloggedTableData = !!row?.standby;
  }
  return {
    ...req,
    noUnloggedTableData,
    tables,
    excludedTables: relations('tableExclude', 'tableExcludeWithChildren'),
    excludedData: relations('dataExclude', 'dataExcludeWithChildren'),
    schemas,
    excludedSchemas: names('schemaExclude'),
    extensions,
    excludedExtensions: oids('extensionExclude'),
    foreignServers: names('foreignServers'),
  };
}

/**
 * Runs the match query. Visibility must be judged on the session's default search_path, as
 * pg_dump does; the dump's own path is restored by rolling back to a savepoint, so nothing
 * else in the transaction sees the change.
 */
async function runMatch(client: CatalogClient, params: readonly unknown[], needsVisibility: boolean): Promise<MatchRow[]> {
  if (needsVisibility) {
    await client.query('SAVEPOINT pgdump_ts_patterns');
    await client.query('SET LOCAL search_path TO DEFAULT');
  }
  try {
    return await client.query<MatchRow>(MATCH_SQL, params);
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === '2201B') {
      throw new DumpError('usage', `a name pattern is not a valid regular expression: ${err.message}`, { cause: e });
    }
    throw e;
  } finally {
    if (needsVisibility) {
      await client.query('ROLLBACK TO SAVEPOINT pgdump_ts_patterns');
      await client.query('RELEASE SAVEPOINT pgdump_ts_patterns');
    }
  }
}
