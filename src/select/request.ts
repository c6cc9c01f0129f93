import { DumpError } from '../errors.js';
import type { DumpOptions } from '../options.js';
import { readFilterFile, type FilterItem } from './filter-file.js';
import { parsePattern, type PatternKind } from './patterns.js';

export type DumpSection = 'pre-data' | 'data' | 'post-data';
export const ALL_SECTIONS: readonly DumpSection[] = ['pre-data', 'data', 'post-data'];

/** The pattern lists, in pg_dump's terms, after flags and filter files are merged. */
export interface PatternLists {
  readonly schemaInclude: readonly string[];
  readonly schemaExclude: readonly string[];
  readonly tableInclude: readonly string[];
  readonly tableIncludeWithChildren: readonly string[];
  readonly tableExclude: readonly string[];
  readonly tableExcludeWithChildren: readonly string[];
  readonly dataExclude: readonly string[];
  readonly dataExcludeWithChildren: readonly string[];
  readonly extensionInclude: readonly string[];
  readonly extensionExclude: readonly string[];
  readonly foreignServers: readonly string[];
}

/** Everything selection needs, checked before connecting. */
export interface SelectionRequest {
  readonly patterns: PatternLists;
  readonly strictNames: boolean;
  /**
   * No include switch (-n, -t, -e and their filter forms): objects that live in no schema
   * (event triggers, casts, languages, servers, publications, ...) and extensions are dumped.
   */
  readonly includeEverything: boolean;
  readonly dumpSchema: boolean;
  readonly dumpData: boolean;
  /** --statistics / --statistics-only: STATISTICS DATA entries (pg_restore_*_stats calls) */
  readonly dumpStatistics: boolean;
  readonly sequenceData: boolean;
  readonly sections: ReadonlySet<DumpSection>;
  /** -b, or the default for a dump of everything with data, unless -B */
  readonly largeObjects: boolean;
  readonly noPublications: boolean;
  readonly noSubscriptions: boolean;
  readonly noPolicies: boolean;
  readonly noTablespaces: boolean;
  readonly noTableAccessMethod: boolean;
  readonly noToastCompression: boolean;
  readonly noUnloggedTableData: boolean;
}

const list = (v: readonly string[] | undefined): string[] => [...(v ?? [])];

function conflict(a: string, b: string): DumpError {
  return new DumpError('usage', `options ${a} and ${b} cannot be used together`);
}

/**
 * The selection options' conflicts and values, checked as pg_dump checks them (same
 * conflicts, same messages); no I/O.
 */
export function checkSelectionOptions(o: DumpOptions): void {
  const schemaOnly = !!o.schemaOnly;
  const dataOnly = !!o.dataOnly;
  if (dataOnly && schemaOnly) throw conflict('-s/--schema-only', '-a/--data-only');
  if (schemaOnly && o.statisticsOnly) throw conflict('-s/--schema-only', '--statistics-only');
  if (dataOnly && o.statisticsOnly) throw conflict('-a/--data-only', '--statistics-only');
  if (dataOnly && o.noData) throw conflict('-a/--data-only', '--no-data');
  if (schemaOnly && o.noSchema) throw conflict('-s/--schema-only', '--no-schema');
  if (o.statisticsOnly && o.noStatistics) throw conflict('--statistics-only', '--no-statistics');
  if (o.statistics && o.noStatistics) throw conflict('--statistics', '--no-statistics');
  if (dataOnly && o.statistics) throw conflict('-a/--data-only', '--statistics');
  if (schemaOnly && o.statistics) throw conflict('-s/--schema-only', '--statistics');
  for (const s of o.section ?? []) {
    if (!(ALL_SECTIONS as readonly string[]).includes(s)) throw new DumpError('usage', `unrecognized section name: "${String(s)}"`);
  }
}

/**
 * Checks the selection options, reads the filter files and validates every pattern's shape.
 * Nothing here touches the server.
 */
export async function prepareSelection(o: DumpOptions): Promise<SelectionRequest> {
  checkSelectionOptions(o);
  const schemaOnly = !!o.schemaOnly;
  const dataOnly = !!o.dataOnly;

  const p = {
    schemaInclude: list(o.schema),
    schemaExclude: list(o.excludeSchema),
    tableInclude: list(o.table),
    tableIncludeWithChildren: list(o.tableAndChildren),
    tableExclude: list(o.excludeTable),
    tableExcludeWithChildren: list(o.excludeTableAndChildren),
    dataExclude: list(o.excludeTableData),
    dataExcludeWithChildren: list(o.excludeTableDataAndChildren),
    extensionInclude: list(o.extension),
    extensionExclude: list(o.excludeExtension),
    foreignServers: list(o.includeForeignData),
  };
  for (const file of o.filter ?? []) addFilterItems(p, await readFilterFile(file));

  if (schemaOnly && p.foreignServers.length) throw conflict('-s/--schema-only', '--include-foreign-data');

  const sections = new Set<DumpSection>();
  for (const s of o.section ?? []) {
    if (!(ALL_SECTIONS as readonly string[]).includes(s)) throw new DumpError('usage', `unrecognized section name: "${String(s)}"`);
    sections.add(s);
  }

  // Shapes only; the database part is checked against the server's name once connected.
  const check = (kind: PatternKind, patterns: readonly string[]) => patterns.forEach((x) => parsePattern(kind, x, null));
  check('schema', [...p.schemaInclude, ...p.schemaExclude]);
  check('table', [...p.tableInclude, ...p.tableIncludeWithChildren, ...p.tableExclude, ...p.tableExcludeWithChildren, ...p.dataExclude, ...p.dataExcludeWithChildren]);
  check('extension', [...p.extensionInclude, ...p.extensionExclude]);
  check('server', p.foreignServers);

  // pg_dump quirk kept: `include extension` in a filter file, unlike -e, leaves the rest selected as usual.
  const includeEverything =
    p.schemaInclude.length + p.tableInclude.length + p.tableIncludeWithChildren.length + list(o.extension).length === 0;
  // pg_dump 18: statistics are off unless asked for; --statistics-only drops schema and data.
  const statisticsOnly = !!o.statisticsOnly;
  const dumpData = ((!schemaOnly && !statisticsOnly) || dataOnly) && !o.noData;
  const dumpSchema = ((!dataOnly && !statisticsOnly) || schemaOnly) && !o.noSchema;
  const dumpStatistics = (statisticsOnly || !!o.statistics) && !o.noStatistics;
  return {
    patterns: p,
    strictNames: !!o.strictNames,
    includeEverything,
    dumpSchema,
    dumpData,
    dumpStatistics,
    sequenceData: !!o.sequenceData,
    sections: sections.size ? sections : new Set(ALL_SECTIONS),
    // Large objects are data: a dump of everything includes them unless -B; -b always asks for them.
    largeObjects: !!o.largeObjects || (includeEverything && dumpData && !o.noLargeObjects),
    noPublications: !!o.noPublications,
    noSubscriptions: !!o.noSubscriptions,
    noPolicies: !!o.noPolicies,
    noTablespaces: !!o.noTablespaces,
    noTableAccessMethod: !!o.noTableAccessMethod,
    noToastCompression: !!o.noToastCompression,
    noUnloggedTableData: !!o.noUnloggedTableData,
  };
}

type MutableLists = { -readonly [K in keyof PatternLists]: string[] };

/** A filter file's lines land in the same lists as the equivalent flags. */
function addFilterItems(p: MutableLists, items: readonly FilterItem[]): void {
  for (const it of items) {
    const include = it.command === 'include';
    switch (it.objectType) {
      case 'schema':
        (include ? p.schemaInclude : p.schemaExclude).push(it.pattern);
        break;
      case 'table':
        (include ? p.tableInclude : p.tableExclude).push(it.pattern);
        break;
      case 'table_and_children':
        (include ? p.tableIncludeWithChildren : p.tableExcludeWithChildren).push(it.pattern);
        break;
      case 'table_data':
        p.dataExclude.push(it.pattern);
        break;
      case 'table_data_and_children':
        p.dataExcludeWithChildren.push(it.pattern);
        break;
      case 'extension':
        (include ? p.extensionInclude : p.extensionExclude).push(it.pattern);
        break;
      case 'foreign_data':
        p.foreignServers.push(it.pattern);
        break;
    }
  }
}
