// A database whose object counts scale with one number: tables with a primary key, an index, a
// foreign key, a default, a check constraint and a comment, plus views, functions and sequences
// in proportion. Built server side (DO blocks), a few hundred objects per transaction.
import { createDatabase, query } from './pg.js';

export interface ScaledShape {
  readonly tables: number;
  /** rows per table (0: none) */
  readonly rows?: number;
}

const SCHEMAS = 4;
const PER_BLOCK = 250;

/** The statements that build `shape`, one DO block per slice of tables. */
export function scaledSql(shape: ScaledShape): string[] {
  const perSchema = Math.ceil(shape.tables / SCHEMAS);
  const rows = shape.rows ?? 0;
  const out: string[] = [];
  for (let s = 1; s <= SCHEMAS; s++) {
    out.push(`CREATE SCHEMA s${s}; COMMENT ON SCHEMA s${s} IS 'schema ${s}'`);
    for (let from = 1; from <= perSchema; from += PER_BLOCK) {
      const to = Math.min(perSchema, from + PER_BLOCK - 1);
      out.push(`DO $do$
DECLARE i int;
BEGIN
  FOR i IN ${from}..${to} LOOP
    EXECUTE format('CREATE TABLE s${s}.t%s (id int PRIMARY KEY, parent int %s, label text DEFAULT %L, n int NOT NULL DEFAULT 0 CHECK (n >= 0))',
                   i, CASE WHEN i > 1 THEN format('REFERENCES s${s}.t%s', i - 1) ELSE '' END, 'label ' || i);
    EXECUTE format('CREATE INDEX t%s_label_n ON s${s}.t%s (label, n)', i, i);
    EXECUTE format('COMMENT ON TABLE s${s}.t%s IS %L', i, 'table ' || i);
    ${rows > 0 ? `EXECUTE format('INSERT INTO s${s}.t%s (id, parent, n) SELECT g, NULL, g FROM generate_series(1, ${rows}) g', i);` : ''}
    IF i % 5 = 0 THEN
      EXECUTE format('CREATE VIEW s${s}.v%s AS SELECT id, label FROM s${s}.t%s WHERE n > 0', i, i);
      EXECUTE format('CREATE FUNCTION s${s}.f%s(x int) RETURNS int LANGUAGE sql IMMUTABLE AS %L', i, 'SELECT x + ' || i);
    END IF;
    IF i % 20 = 0 THEN
      EXECUTE format('CREATE SEQUENCE s${s}.q%s START %s', i, i);
    END IF;
  END LOOP;
END
$do$`);
    }
  }
  return out;
}

/** Creates database `name` with `shape` and returns its URL. */
export async function createScaledDatabase(serverUrl: string, name: string, shape: ScaledShape): Promise<string> {
  const url = await createDatabase(serverUrl, name);
  for (const sql of scaledSql(shape)) await query(url, sql);
  return url;
}
