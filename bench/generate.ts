// Deterministic benchmark databases, generated server side and cached: a database whose comment
// carries the expected marker is reused as is; one with another marker is dropped and rebuilt.
import pg from 'pg';

type Log = (s: string) => void;

const MARKER_VERSION = 1;

async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

function quoteIdent(s: string): string {
  return '"' + s.replace(/"/g, '""') + '"';
}

/** True when `db` exists with `marker` as its comment; otherwise (re)creates it empty and returns false. */
async function prepare(adminUrl: string, db: string, marker: string, log: Log): Promise<boolean> {
  return withClient(adminUrl, async (c) => {
    const r = await c.query<{ comment: string | null }>(
      `SELECT pg_catalog.shobj_description(oid, 'pg_database') AS comment FROM pg_catalog.pg_database WHERE datname = $1`, [db]);
    if (r.rows.length && r.rows[0]!.comment === marker) return true;
    if (r.rows.length) {
      log(`${db}: stale or incomplete (comment ${JSON.stringify(r.rows[0]!.comment)}), rebuilding`);
      await c.query(`DROP DATABASE ${quoteIdent(db)}`);
    }
    await c.query(`CREATE DATABASE ${quoteIdent(db)} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'`);
    return false;
  });
}

/** Written last, so an interrupted generation is detected and redone. */
async function mark(adminUrl: string, db: string, marker: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`COMMENT ON DATABASE ${quoteIdent(db)} IS '${marker.replace(/'/g, "''")}'`));
}

function secs(t0: number): string {
  return `${((performance.now() - t0) / 1000).toFixed(1)} s`;
}

export function wideDbName(rows: number): string {
  return rows === 10_000_000 ? 'wide' : `wide_${rows}`;
}

export function smallRows(rows: number): number {
  return Math.min(1_000_000, Math.max(1000, Math.floor(rows / 10)));
}

/**
 * `wide`: bigtable with `rows` rows of mixed types (~150 bytes a row) plus three tables of
 * smallRows(rows) rows (1M at the default 10M). Each table is created and filled in one transaction,
 * which with wal_level=minimal writes no WAL for the data.
 */
export async function ensureWide(url: (db?: string) => string, rows: number, log: Log): Promise<string> {
  const db = wideDbName(rows);
  const small = smallRows(rows);
  const marker = `pgdump-ts bench wide v${MARKER_VERSION} rows=${rows} small=${small}`;
  if (await prepare(url(), db, marker, log)) return db;
  log(`${db}: generating ${rows.toLocaleString('en-US')} + 3 x ${small.toLocaleString('en-US')} rows (one-time, cached)`);
  const t0 = performance.now();
  await withClient(url(db), async (c) => {
    await c.query(`SET maintenance_work_mem = '256MB'`);
    const step = async (what: string, sql: string) => {
      const t = performance.now();
      await c.query(sql);
      log(`  ${what}: ${secs(t)}`);
    };
    await step('bigtable', `BEGIN;
      CREATE TABLE public.bigtable (
        id bigint NOT NULL,
        label text NOT NULL,
        amount numeric(14,4),
        created timestamptz NOT NULL,
        doc jsonb,
        flag boolean,
        uid uuid NOT NULL,
        blob bytea,
        note text
      );
      INSERT INTO public.bigtable
      SELECT g,
             'row ' || g || E'\\tcol\\nline\\\\back ' ||
               CASE g % 5 WHEN 0 THEN 'héllo wörld' WHEN 1 THEN '日本語のテキスト' WHEN 2 THEN 'emoji 😀🎉'
                          WHEN 3 THEN 'quote '' and "dq"' ELSE 'plain ascii text' END,
             ((g * 7919) % 100000007) / 10000.0,
             timestamptz '2020-01-01 00:00:00+00' + g * interval '17 seconds',
             jsonb_build_object('id', g, 'tag', 'k' || (g % 100), 'vals', jsonb_build_array(g % 7, g % 11, g % 13)),
             CASE g % 3 WHEN 0 THEN true WHEN 1 THEN false END,
             md5(g::text)::uuid,
             decode(substr(md5((g * 31)::text), 1, 16), 'hex'),
             CASE WHEN g % 97 = 0 THEN 'sparse note ' || g END
        FROM generate_series(1::bigint, ${rows}) g;
      COMMIT`);
    await step('bigtable primary key', `ALTER TABLE public.bigtable ADD PRIMARY KEY (id)`);
    await step('customers', `BEGIN;
      CREATE TABLE public.customers (id integer PRIMARY KEY, name text NOT NULL, email text, created date, score double precision);
      INSERT INTO public.customers
      SELECT g, 'Customer ' || g, 'c' || g || '@example.com', date '2015-01-01' + (g % 3000)::int, (g % 1000) / 7.0
        FROM generate_series(1::bigint, ${small}) g;
      COMMIT`);
    await step('orders', `BEGIN;
      CREATE TABLE public.orders (id bigint PRIMARY KEY, customer_id integer NOT NULL REFERENCES public.customers,
        total numeric(10,2) NOT NULL, status text NOT NULL DEFAULT 'new', placed_at timestamp without time zone);
      INSERT INTO public.orders
      SELECT g, 1 + (g * 13) % ${small}, (g % 100000) / 100.0, (ARRAY['new','paid','shipped','void'])[1 + g % 4],
             timestamp '2021-06-01' + g * interval '1 minute'
        FROM generate_series(1::bigint, ${small}) g;
      COMMIT`);
    await step('events', `BEGIN;
      CREATE TABLE public.events (id bigint NOT NULL, kind smallint NOT NULL, payload json, at timestamptz, ip inet, tags text[]);
      INSERT INTO public.events
      SELECT g, (g % 12)::smallint, json_build_object('k', g % 50, 's', repeat('x', (g % 20)::int)),
             timestamptz '2022-01-01 00:00:00+00' + g * interval '3 seconds',
             ('10.' || (g % 256) || '.' || (g / 256 % 256) || '.1')::inet,
             ARRAY['t' || (g % 5), 't' || (g % 9)]
        FROM generate_series(1::bigint, ${small}) g;
      CREATE INDEX events_at_idx ON public.events (at);
      COMMIT`);
    // Freeze so the first dump does not pay for setting hint bits (it would otherwise dirty every page).
    await step('vacuum freeze analyze', `VACUUM (FREEZE, ANALYZE)`);
  });
  await mark(url(), db, marker);
  log(`${db}: generated in ${secs(t0)}`);
  return db;
}

export interface ManyShape {
  tables: number;
  schemas: number;
  views: number;
  functions: number;
  sequences: number;
  rowsPerTable: number;
}

export const MANY: ManyShape = { tables: 10_000, schemas: 20, views: 2_000, functions: 2_000, sequences: 500, rowsPerTable: 3 };
export const FEW: ManyShape = { tables: 100, schemas: 20, views: 20, functions: 20, sequences: 5, rowsPerTable: 3 };

export function manyDbName(s: ManyShape): string {
  return s.tables === MANY.tables ? 'many' : `many_${s.tables}`;
}

/**
 * `many`: `tables` tables spread over `schemas` schemas, each with a primary key, an index, a foreign key
 * (to the previous table of its schema; the first one to itself), defaults, a check constraint, a comment
 * and a few rows; plus views, functions (SQL and PL/pgSQL) and sequences. One DO block per schema.
 */
export async function ensureMany(url: (db?: string) => string, shape: ManyShape, log: Log): Promise<string> {
  const db = manyDbName(shape);
  const marker = `pgdump-ts bench many v${MARKER_VERSION} ${JSON.stringify(shape)}`;
  if (await prepare(url(), db, marker, log)) return db;
  log(`${db}: generating ${shape.tables} tables, ${shape.views} views, ${shape.functions} functions, ${shape.sequences} sequences over ${shape.schemas} schemas (one-time, cached)`);
  const t0 = performance.now();
  await withClient(url(db), async (c) => {
    for (let s = 1; s <= shape.schemas; s++) {
      // n objects spread over the schemas, the remainder going to the first ones
      const per = (n: number) => Math.floor(n / shape.schemas) + (s <= n % shape.schemas ? 1 : 0);
      const schema = `s${String(s).padStart(2, '0')}`;
      await c.query(`DO $gen$
DECLARE
  sch text := '${schema}';
  i int;
BEGIN
  EXECUTE format('CREATE SCHEMA %I', sch);
  EXECUTE format('COMMENT ON SCHEMA %I IS %L', sch, 'benchmark schema ' || sch);
  FOR i IN 1..${per(shape.tables)} LOOP
    EXECUTE format($q$CREATE TABLE %I.%I (
        id integer PRIMARY KEY,
        parent_id integer REFERENCES %I.%I (id),
        name text NOT NULL DEFAULT 'unnamed',
        qty integer NOT NULL DEFAULT 0 CHECK (qty >= 0),
        created timestamptz DEFAULT now())$q$,
      sch, 't' || i, sch, 't' || greatest(i - 1, 1));
    EXECUTE format('CREATE INDEX %I ON %I.%I (name, qty)', 't' || i || '_name_qty_idx', sch, 't' || i);
    EXECUTE format('COMMENT ON TABLE %I.%I IS %L', sch, 't' || i, 'table ' || i || ' of ' || sch);
    EXECUTE format($q$INSERT INTO %I.%I (id, parent_id, name, qty, created)
        SELECT g, g, 'row ' || g, g * 10, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 hour'
          FROM generate_series(1, ${shape.rowsPerTable}) g$q$, sch, 't' || i);
  END LOOP;
  FOR i IN 1..${per(shape.views)} LOOP
    EXECUTE format('CREATE VIEW %I.%I AS SELECT t.id, t.name, p.name AS parent_name FROM %I.%I t LEFT JOIN %I.%I p ON p.id = t.parent_id WHERE t.qty >= 0',
      sch, 'v' || i, sch, 't' || i, sch, 't' || greatest(i - 1, 1));
  END LOOP;
  FOR i IN 1..${per(shape.functions)} LOOP
    IF i % 2 = 0 THEN
      EXECUTE format('CREATE FUNCTION %I.%I(a integer, b text DEFAULT %L) RETURNS text LANGUAGE sql IMMUTABLE AS %L',
        sch, 'f' || i, 'x', 'SELECT b || (a + ' || i || ')::text');
    ELSE
      EXECUTE format('CREATE FUNCTION %I.%I(a integer) RETURNS integer LANGUAGE plpgsql AS %L',
        sch, 'f' || i, 'BEGIN IF a IS NULL THEN RETURN ' || i || '; END IF; RETURN a * ' || i || '; END');
    END IF;
  END LOOP;
  FOR i IN 1..${per(shape.sequences)} LOOP
    EXECUTE format('CREATE SEQUENCE %I.%I START %s', sch, 'seq' || i, i);
  END LOOP;
END
$gen$`);
    }
    await c.query(`VACUUM (FREEZE, ANALYZE)`);
  });
  await mark(url(), db, marker);
  log(`${db}: generated in ${secs(t0)}`);
  return db;
}
