/** A catalog object named by schema and name (a function, template, parser or dictionary). */
export interface QualifiedName {
  readonly schema: string;
  readonly name: string;
}

/**
 * `[schema, name]` of the pg_proc row whose oid is in `column`, or NULL when it is 0:
 * text search objects name their support functions, not their signatures.
 */
export function procNameSql(column: string): string {
  return `(SELECT ARRAY[fn.nspname::text, f.proname::text]
             FROM pg_catalog.pg_proc f JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
            WHERE f.oid = ${column})`;
}

export function qualifiedName(pair: readonly string[]): QualifiedName {
  return { schema: pair[0]!, name: pair[1]! };
}
