// Property test: a random database of hostile identifiers (quotes, backslashes, $, spaces,
// newlines, unicode, reserved words, 63-byte names, names differing only by case) for schemas,
// tables, columns, types, functions, views, sequences and indexes, filled with random values of
// many types, round-trips exactly: the data (md5 per table), the catalog, pgdump-ts's own dump
// and, where the installed pg_dump can read the server, pg_dump's dump. Deterministic from the
// seed (PGDUMP_SEED to replay a failure; the seed is in the test name).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { dumpToFile } from '../src/index.js';
import { catalogSnapshot } from './util/catalog-snapshot.js';
import { createDatabase, pgDump, psqlFile, psqlString, query, run } from './util/pg.js';
import { prng } from './util/reliability.js';

const servers = inject('servers');
const BASE_SEED = Number(process.env.PGDUMP_SEED ?? 20251125);
const work = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FRAGMENTS = ['a', 'Ab', 'ZZ', 'x1', '"', '""', "'", "''", '\\', '\\\\', '$', '$$', '$1', '$fn$', ' ', '  ', '\n', '\r\n', '\t',
  'é', 'Ω', 'ß', '日本', '🙂', '\u00a0', '-', '.', ';', '--', '/*', '*/', '%', '?', '*', ':', ',', '(', ')', '[', ']', '{', '}',
  '\\.', '\\N', 'NULL', '@', '#', '&', '|', '=', '+', '`', '~', '^', '<', '>', '!'];
const RESERVED = ['select', 'table', 'user', 'order', 'group', 'from', 'where', 'all', 'check', 'column', 'default', 'desc',
  'end', 'limit', 'union', 'with', 'Select', 'TABLE', 'null', 'true', 'primary', 'constraint', 'references', 'authorization'];

class Gen {
  private readonly used = new Set<string>();
  constructor(readonly rnd: () => number) {}
  int(n: number): number {
    return Math.floor(this.rnd() * n);
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }
  chance(p: number): boolean {
    return this.rnd() < p;
  }
  /** At most 63 bytes (NAMEDATALEN - 1), cut on a character boundary. */
  private fit(s: string): string {
    let out = '';
    for (const ch of s) {
      if (Buffer.byteLength(out + ch) > 63) break;
      out += ch;
    }
    return out;
  }
  rawName(): string {
    const style = this.rnd();
    if (style < 0.15) return this.pick(RESERVED);
    if (style < 0.25) {
      // exactly 63 bytes, in ASCII or in two-byte characters plus one
      return this.chance(0.5) ? 'L'.repeat(62) + this.pick(['"', '$', ' ', 'x']) : 'é'.repeat(31) + this.pick(['"', 'x', '$']);
    }
    let s = '';
    for (let i = 1 + this.int(4); i > 0; i--) s += this.pick(FRAGMENTS);
    return s;
  }
  /** A fresh name in namespace `ns` (names are compared exactly: case variants are distinct). */
  name(ns: string, base?: string): string {
    for (;;) {
      const n = this.fit(base ?? this.rawName());
      base = undefined;
      if (!n || n.startsWith('_') || this.used.has(`${ns}\0${n}`)) continue;
      this.used.add(`${ns}\0${n}`);
      return n;
    }
  }
  text(): string {
    let s = '';
    for (let i = this.int(6); i > 0; i--) {
      const r = this.rnd();
      if (r < 0.6) s += this.pick(FRAGMENTS);
      else if (r < 0.75) s += String.fromCodePoint(1 + this.int(31)); // control characters but NUL
      else if (r < 0.9) s += String.fromCodePoint(0xa0 + this.int(0x2000));
      else s += String.fromCodePoint(0x1f300 + this.int(0x200));
    }
    return s;
  }
}

function ident(s: string): string {
  return '"' + s.replace(/"/g, '""') + '"';
}
function lit(s: string): string {
  return "'" + s.replace(/'/g, "''") + "'";
}

interface ColumnType {
  readonly sql: string;
  readonly indexable: boolean;
  value(g: Gen): string;
}

function columnTypes(version: number, udt: { enumType: string; labels: string[]; composite: string; domain: string }): ColumnType[] {
  const floats = ['NaN', 'Infinity', '-Infinity', '-0', '0', '1e-300', '1.7976931348623157e308', '0.1', '2.2250738585072014e-308'];
  const numerics = ['NaN', '0', '-0.000001', '123456789012345678901234567890.123456789', '1e-20', '-42'];
  if (version >= 140000) numerics.push('Infinity', '-Infinity');
  return [
    { sql: 'integer', indexable: true, value: (g) => g.pick(['-2147483648', '2147483647', '0', String(g.int(1e6) - 5e5)]) },
    { sql: 'bigint', indexable: true, value: (g) => g.pick(['-9223372036854775808', '9223372036854775807', String(g.int(1e9))]) },
    { sql: 'numeric', indexable: true, value: (g) => `${lit(g.pick(numerics))}::numeric` },
    { sql: 'double precision', indexable: true, value: (g) => `${lit(g.chance(0.5) ? g.pick(floats) : String((g.rnd() - 0.5) * 10 ** g.int(30)))}::float8` },
    { sql: 'real', indexable: true, value: (g) => `${lit(g.pick(['NaN', '-0', '3.4028235e38', '1e-45', '0.1']))}::real` },
    { sql: 'text', indexable: true, value: (g) => lit(g.text()) },
    { sql: 'character varying(200)', indexable: true, value: (g) => lit(g.text()) },
    { sql: '"char"', indexable: true, value: (g) => lit(g.pick(['a', 'Z', '"', '\\', ' '])) },
    { sql: 'bytea', indexable: true, value: (g) => `'\\x${Buffer.from(Array.from({ length: g.int(40) }, () => g.int(256))).toString('hex')}'::bytea` },
    { sql: 'boolean', indexable: true, value: (g) => g.pick(['true', 'false']) },
    { sql: 'date', indexable: true, value: (g) => `${lit(g.pick(['infinity', '-infinity', '2000-02-29', '4713-01-01 BC', '0001-01-01', '5874897-12-31']))}::date` },
    { sql: 'timestamp with time zone', indexable: true, value: (g) => `${lit(g.pick(['infinity', '-infinity', '2024-02-29 12:34:56.789123+05:30', '1999-12-31 23:59:59.999999+00', '0044-03-15 12:00:00+00 BC']))}::timestamptz` },
    { sql: 'timestamp without time zone', indexable: true, value: (g) => `${lit(g.pick(['2038-01-19 03:14:08', '1900-01-01 00:00:00.000001', 'infinity']))}::timestamp` },
    { sql: 'time with time zone', indexable: true, value: (g) => `${lit(g.pick(['00:00:00+15:59', '23:59:59.999999-15:59', '12:00+00']))}::timetz` },
    { sql: 'interval', indexable: true, value: (g) => `${lit(g.pick(['1 year 2 mons -3 days 04:05:06.789', '-178000000 years', '0', '1 day -00:00:00.000001']))}::interval` },
    { sql: 'jsonb', indexable: true, value: (g) => `${lit(JSON.stringify({ [g.text()]: g.text(), k: [1, null, true, 1.5e300, g.text()], u: '\u00e9\u2028\ud83d\ude00' }))}::jsonb` },
    { sql: 'json', indexable: false, value: (g) => `${lit(`{"a" : "\\u00e9\\n${g.pick(['x', '\\"', '\\\\'])}", "dup": 1, "dup": 2}`)}::json` },
    { sql: 'text[]', indexable: true, value: (g) => g.chance(0.2) ? `'{}'::text[]` : `ARRAY[${Array.from({ length: 1 + g.int(4) }, () => (g.chance(0.2) ? 'NULL' : lit(g.pick([g.text(), 'NULL', '{}', 'a,b', 'c"d', '\\', ' ']))))}]::text[]` },
    { sql: 'integer[]', indexable: true, value: (g) => `${lit(g.pick(['{{1,2},{3,4}}', '{NULL}', '[0:1]={7,8}', '{}']))}::int[]` },
    { sql: 'uuid', indexable: true, value: (g) => `'${Array.from({ length: 32 }, () => '0123456789abcdef'[g.int(16)]).join('').replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-')}'::uuid` },
    { sql: 'inet', indexable: true, value: (g) => `${lit(g.pick(['::1/128', '10.0.0.1/8', '192.168.0.0/24', 'fe80::1%eth0'.replace('%eth0', '')]))}::inet` },
    { sql: 'int4range', indexable: true, value: (g) => `${lit(g.pick(['[1,5)', 'empty', '(,)', '[-10,)']))}::int4range` },
    { sql: 'bit varying(16)', indexable: true, value: (g) => `B'${Array.from({ length: g.int(16) }, () => g.pick(['0', '1'])).join('')}'` },
    { sql: udt.enumType, indexable: true, value: (g) => `${lit(g.pick(udt.labels))}::${udt.enumType}` },
    { sql: udt.composite, indexable: false, value: (g) => `ROW(${g.int(100)}, ${lit(g.text())})::${udt.composite}` },
    { sql: udt.domain, indexable: true, value: (g) => `${1 + g.int(1000)}::${udt.domain}` },
  ];
}

/** The random database as SQL, and the qualified names of its tables. */
function hostileDatabase(seed: number, version: number): { sql: string; tables: string[]; objects: number } {
  const g = new Gen(prng(seed));
  const out: string[] = [];
  let objects = 0;
  const comment = (what: string) => {
    if (!g.chance(0.5)) return;
    out.push(`COMMENT ON ${what} IS ${lit(g.text() + '\n*/ -- ' + g.text())};`);
    objects++;
  };

  const schemas: string[] = [];
  const first = g.name('schema');
  schemas.push(first);
  // one schema differs from another only by case
  const variant = first.toUpperCase() !== first ? first.toUpperCase() : first.toLowerCase();
  if (variant !== first) schemas.push(g.name('schema', variant));
  while (schemas.length < 3) schemas.push(g.name('schema'));
  for (const s of schemas) {
    out.push(`CREATE SCHEMA ${ident(s)};`);
    objects++;
    comment(`SCHEMA ${ident(s)}`);
  }
  const q = (schema: string, name: string) => `${ident(schema)}.${ident(name)}`;
  const typeSchema = schemas[0]!;

  const labels = Array.from({ length: 2 + g.int(4) }, () => g.name('label'));
  const enumType = q(typeSchema, g.name(`rel:${typeSchema}`));
  out.push(`CREATE TYPE ${enumType} AS ENUM (${labels.map(lit).join(', ')});`);
  const composite = q(typeSchema, g.name(`rel:${typeSchema}`));
  out.push(`CREATE TYPE ${composite} AS (${ident(g.name('att'))} integer, ${ident(g.name('att'))} text);`);
  const domain = q(typeSchema, g.name(`rel:${typeSchema}`));
  out.push(`CREATE DOMAIN ${domain} AS integer CONSTRAINT ${ident(g.name('con'))} CHECK (VALUE > 0) DEFAULT 1;`);
  objects += 3;
  for (const t of [enumType, composite, domain]) comment(`TYPE ${t}`);
  const types = columnTypes(version, { enumType, labels, composite, domain });

  const tables: { schema: string; name: string; cols: { name: string; type: ColumnType }[] }[] = [];
  for (let i = 0; i < 14; i++) {
    const prev = tables[tables.length - 1];
    const flipped = prev && (prev.name.toLowerCase() !== prev.name ? prev.name.toLowerCase() : prev.name.toUpperCase());
    if (i % 4 === 3 && prev && flipped !== prev.name && Buffer.byteLength(flipped!) <= 63) {
      // the previous table's name in another case, in the same schema
      tables.push({ schema: prev.schema, name: g.name(`rel:${prev.schema}`, flipped), cols: [] });
    } else {
      const schema = g.pick(schemas);
      tables.push({ schema, name: g.name(`rel:${schema}`), cols: [] });
    }
    const t = tables[tables.length - 1]!;
    const table = q(t.schema, t.name);
    const ncols = 2 + g.int(4);
    const cols = new Set<string>();
    for (let c = 0; c < ncols; c++) {
      let col = g.name(`col:${table}`);
      if (c === 1 && g.chance(0.5)) {
        const flipped = t.cols[0]!.name.toUpperCase() === t.cols[0]!.name ? t.cols[0]!.name.toLowerCase() : t.cols[0]!.name.toUpperCase();
        if (!cols.has(flipped)) col = flipped;
      }
      cols.add(col);
      t.cols.push({ name: col, type: g.pick(types) });
    }
    const defs = t.cols.map((c, ci) => {
      let def = `${ident(c.name)} ${c.type.sql}`;
      if (ci === 0 && c.type.sql === 'text') def += ` DEFAULT ${lit(g.text())}`;
      return def;
    });
    if (g.chance(0.4)) {
      defs.push(`CONSTRAINT ${ident(g.name(`con:${table}`))} CHECK (${ident(t.cols[0]!.name)} IS NOT NULL OR true)`);
      objects++;
    }
    out.push(`CREATE TABLE ${table} (\n  ${defs.join(',\n  ')}\n);`);
    objects++;
    comment(`TABLE ${table}`);
    comment(`COLUMN ${table}.${ident(t.cols[t.cols.length - 1]!.name)}`);
    for (let r = g.int(8); r > 0; r--) {
      out.push(`INSERT INTO ${table} VALUES (${t.cols.map((c) => (g.chance(0.1) ? 'NULL' : c.type.value(g))).join(', ')});`);
    }
    if (g.chance(0.35)) {
      const col = t.cols.find((c) => c.type.indexable);
      if (col) {
        out.push(`CREATE INDEX ${ident(g.name(`rel:${t.schema}`))} ON ${table} (${ident(col.name)});`);
        objects++;
      }
    }
  }

  // Functions: hostile names and parameter names, bodies full of dollar signs and quotes, an overload.
  for (let i = 0; i < 5; i++) {
    const schema = g.pick(schemas);
    const name = g.name(`fn:${schema}`);
    const p1 = g.name(`param:${name}`);
    const p2 = g.name(`param:${name}`);
    const body = `SELECT ${lit(`it's $$ $fn$ $body$ $_$ \\ ${g.text()}`)} || $2 || $1::text`;
    out.push(`CREATE FUNCTION ${q(schema, name)}(${ident(p1)} integer, ${ident(p2)} text DEFAULT ${lit(g.text())}) RETURNS text LANGUAGE sql IMMUTABLE AS $q$${body}$q$;`);
    objects++;
    comment(`FUNCTION ${q(schema, name)}(integer, text)`);
    if (i === 0) {
      out.push(`CREATE FUNCTION ${q(schema, name)}(${ident(p1)} ${enumType}) RETURNS ${enumType} LANGUAGE plpgsql STABLE AS $q$
BEGIN
  -- ${g.text().replace(/[\r\n]/g, ' ')}
  RETURN ${ident(p1)};
END
$q$;`);
      objects++;
    }
  }

  // Views over hostile tables with hostile aliases; sequences.
  for (let i = 0; i < 3; i++) {
    const t = g.pick(tables);
    const schema = g.pick(schemas);
    const c = t.cols[0]!;
    out.push(`CREATE VIEW ${q(schema, g.name(`rel:${schema}`))} AS SELECT x.${ident(c.name)} AS ${ident(g.name('alias'))}, ${lit(g.text())}::text AS ${ident(g.name('alias'))} FROM ${q(t.schema, t.name)} x WHERE x.${ident(c.name)} IS NOT NULL;`);
    objects++;
  }
  for (let i = 0; i < 2; i++) {
    const schema = g.pick(schemas);
    const s = q(schema, g.name(`rel:${schema}`));
    out.push(`CREATE SEQUENCE ${s} START 5 INCREMENT 3; SELECT nextval(${lit(s)}), nextval(${lit(s)});`);
    objects++;
  }
  return { sql: out.join('\n'), tables: tables.map((t) => q(t.schema, t.name)), objects };
}

/** md5 of every table's rows, in a fixed order. */
async function dataDigest(url: string, tables: string[]): Promise<Record<string, string>> {
  const sql = tables.map((t, i) => `SELECT ${i} AS i, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text COLLATE "C"), '')) AS md5, count(*) AS n FROM ${t} x`).join(' UNION ALL ');
  const rows = await query<{ i: number; md5: string; n: string }>(url, sql);
  return Object.fromEntries(rows.map((r) => [tables[r.i]!, `${r.n}:${r.md5}`]));
}

async function pgDumpMajor(): Promise<number> {
  const { stdout } = await run('pg_dump', ['--version']);
  return Number(/(\d+)(?:\.\d+)?/.exec(stdout)![1]);
}

describe.each(servers.map((s) => [s.major, s] as const))('PostgreSQL %i', (major, server) => {
  const seed = BASE_SEED + major;
  it(`hostile names round-trip exactly (seed ${seed})`, async () => {
    const { sql, tables, objects } = hostileDatabase(seed, server.versionNum);
    expect(objects).toBeGreaterThanOrEqual(45);
    const src = await createDatabase(server.url, 'rel_hostile_src');
    await psqlString(src, sql).catch((e: Error) => {
      throw new Error(`seed ${seed}: the generated database does not load: ${e.message}`);
    });
    const file = path.join(work, `pg${major}-first.sql`);
    await dumpToFile({ dbname: src, file, restrictKey: 'hostile' });
    const dst = await createDatabase(server.url, 'rel_hostile_dst');
    await psqlFile(dst, file);

    expect(await dataDigest(dst, tables)).toEqual(await dataDigest(src, tables));
    const [before, after] = [await catalogSnapshot(src, server.versionNum), await catalogSnapshot(dst, server.versionNum)];
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(before));
    const second = path.join(work, `pg${major}-second.sql`);
    await dumpToFile({ dbname: dst, file: second, restrictKey: 'hostile' });
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(file, 'utf8'));
    if (major <= (await pgDumpMajor())) {
      const { stdout: help } = await run('pg_dump', ['--help']);
      const args = help.includes('--restrict-key') ? ['--restrict-key=hostile'] : [];
      expect(await pgDump(dst, args)).toBe(await pgDump(src, args));
    }
    console.log(`[hostile names pg${major}] seed ${seed}: ${objects} objects, ${tables.length} tables, ${sql.length} bytes of SQL round-tripped`);
  });
});
