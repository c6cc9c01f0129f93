import { Option, type Command } from 'commander';
import type { DumpOptions } from '../options.js';

type SelectionFields = Pick<
  DumpOptions,
  | 'schema' | 'excludeSchema' | 'table' | 'tableAndChildren' | 'excludeTable' | 'excludeTableAndChildren'
  | 'excludeTableData' | 'excludeTableDataAndChildren' | 'extension' | 'excludeExtension' | 'strictNames'
  | 'filter' | 'includeForeignData' | 'section' | 'largeObjects' | 'noLargeObjects' | 'noData' | 'noSchema'
  | 'sequenceData' | 'noPublications' | 'noSubscriptions' | 'noPolicies' | 'noSecurityLabels' | 'noTablespaces'
  | 'noTableAccessMethod' | 'noToastCompression' | 'noUnloggedTableData' | 'statistics' | 'statisticsOnly' | 'noStatistics'
>;

type ListField = 'schema' | 'excludeSchema' | 'table' | 'tableAndChildren' | 'excludeTable' | 'excludeTableAndChildren'
  | 'excludeTableData' | 'excludeTableDataAndChildren' | 'extension' | 'excludeExtension' | 'filter' | 'includeForeignData'
  | 'section';
type FlagField = Exclude<keyof SelectionFields, ListField>;

const GROUP = 'Object selection options:';

/** Repeatable pattern options: flags, help text, and the DumpOptions list they fill. */
const LISTS: readonly [string, string, ListField][] = [
  ['-n, --schema <pattern>', 'dump the specified schema(s) only', 'schema'],
  ['-N, --exclude-schema <pattern>', 'do NOT dump the specified schema(s)', 'excludeSchema'],
  ['-t, --table <pattern>', 'dump only the specified table(s)', 'table'],
  ['-T, --exclude-table <pattern>', 'do NOT dump the specified table(s)', 'excludeTable'],
  ['--table-and-children <pattern>', 'dump only the specified table(s), including child and partition tables', 'tableAndChildren'],
  ['--exclude-table-and-children <pattern>', 'do NOT dump the specified table(s), including child and partition tables', 'excludeTableAndChildren'],
  ['--exclude-table-data <pattern>', 'do NOT dump data for the specified table(s)', 'excludeTableData'],
  ['--exclude-table-data-and-children <pattern>', 'do NOT dump data for the specified table(s), including child and partition tables', 'excludeTableDataAndChildren'],
  ['-e, --extension <pattern>', 'dump the specified extension(s) only', 'extension'],
  ['--exclude-extension <pattern>', 'do NOT dump the specified extension(s)', 'excludeExtension'],
  ['--filter <file>', 'include or exclude objects and data from dump based on expressions in FILE ("-" for stdin)', 'filter'],
  ['--include-foreign-data <pattern>', 'include data of foreign tables on foreign servers matching PATTERN', 'includeForeignData'],
  ['--section <section>', 'dump named section (pre-data, data, or post-data); repeatable', 'section'],
];

/** Switches: flags, help text (null hides an alias), and the DumpOptions field they set. */
const FLAGS: readonly [string, string | null, FlagField][] = [
  ['--strict-names', 'require table and/or schema include patterns to match at least one entity each', 'strictNames'],
  ['-b, --large-objects', 'include large objects in dump', 'largeObjects'],
  ['--blobs', null, 'largeObjects'],
  ['-B, --no-large-objects', 'exclude large objects in dump', 'noLargeObjects'],
  ['--no-blobs', null, 'noLargeObjects'],
  ['--no-data', 'do not dump data', 'noData'],
  ['--no-schema', 'do not dump schema', 'noSchema'],
  ['--sequence-data', 'include sequence data in dump (also with -s or --no-data)', 'sequenceData'],
  ['--no-publications', 'do not dump publications', 'noPublications'],
  ['--no-subscriptions', 'do not dump subscriptions', 'noSubscriptions'],
  ['--no-policies', 'do not dump row security policies', 'noPolicies'],
  ['--no-security-labels', 'do not dump security label assignments', 'noSecurityLabels'],
  ['--no-tablespaces', 'do not dump tablespace assignments', 'noTablespaces'],
  ['--no-table-access-method', 'do not dump table access methods', 'noTableAccessMethod'],
  ['--no-toast-compression', 'do not dump TOAST compression methods', 'noToastCompression'],
  ['--no-unlogged-table-data', 'do not dump unlogged table data', 'noUnloggedTableData'],
  ['--statistics', 'dump the statistics (restoring them needs PostgreSQL 18+)', 'statistics'],
  ['--statistics-only', 'dump only the statistics, not schema or data', 'statisticsOnly'],
  ['--no-statistics', 'do not dump statistics (the default)', 'noStatistics'],
];

/**
 * Adds pg_dump's object selection flags to `cmd` and returns a reader of what was given.
 * Values are collected from commander's per-option events rather than from `opts()`:
 * `--schema PATTERN` and `--no-schema` (and `-b`/`-B`, `--statistics`/`--no-statistics`)
 * would otherwise share one attribute, the later flag silently overwriting the earlier.
 */
export function addSelectionFlags(cmd: Command): () => SelectionFields {
  const lists = new Map<ListField, string[]>();
  const flags = new Set<FlagField>();
  for (const [spec, help, field] of LISTS) {
    const option = new Option(spec, help).helpGroup(GROUP);
    cmd.addOption(option);
    cmd.on(`option:${option.name()}`, (value: string) => lists.set(field, [...(lists.get(field) ?? []), value]));
  }
  for (const [spec, help, field] of FLAGS) {
    const option = new Option(spec, help ?? '').helpGroup(GROUP);
    if (help === null) option.hideHelp();
    cmd.addOption(option);
    cmd.on(`option:${option.name()}`, () => flags.add(field));
  }
  return () => {
    const out: SelectionFields = {};
    for (const [field, values] of lists) {
      if (field === 'section') out.section = values as DumpOptions['section'];
      else out[field] = values;
    }
    for (const field of flags) out[field] = true;
    return out;
  };
}
