/** One generic option of an FDW, server, user mapping, foreign table or foreign column. */
export type FdwOption = readonly [name: string, value: string];

/**
 * SQL for a json array of `[name, value]` pairs from a stored options array, split the way
 * the server splits them (`pg_options_to_table`). They keep their stored order, so the
 * restored array is identical; pg_dump sorts them by name, which changes nothing they mean.
 */
export function fdwOptionsJson(column: string): string {
  return `(SELECT pg_catalog.json_agg(pg_catalog.json_build_array(o.option_name, o.option_value) ORDER BY o.n)
             FROM pg_catalog.pg_options_to_table(${column}) WITH ORDINALITY o(option_name, option_value, n))`;
}

/** The reader's view of the json column above (null when there are no options). */
export function toFdwOptions(raw: readonly (readonly [string, string | null])[] | null): FdwOption[] {
  return (raw ?? []).map(([name, value]) => [name, value ?? ''] as const);
}
