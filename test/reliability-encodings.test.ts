// Databases in LATIN1 and SQL_ASCII with every non-NUL byte in their data and non-ASCII
// identifiers round-trip exactly (md5 of the bytes on both sides), with the default script
// encoding and with --encoding.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDatabase, dropDatabase, psqlFile, query, urlWithDatabase } from './util/pg.js';
import { cli, END_MARK, expectOneLineError } from './util/reliability.js';

const servers = inject('servers');
const work = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-encodings-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function createEncodedDatabase(serverUrl: string, name: string, encoding: string): Promise<string> {
  await dropDatabase(serverUrl, name);
  await query(serverUrl, `CREATE DATABASE ${name} ENCODING '${encoding}' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
  return urlWithDatabase(serverUrl, name);
}

/**
 * `text` as a server-side expression of chr() calls: in LATIN1 each character is one byte; a
 * SQL_ASCII database stores names as the bytes the client sent, UTF8 here (see below).
 */
function spelled(text: string, encoding: string): string {
  const bytes = encoding === 'LATIN1' ? [...text].map((c) => c.codePointAt(0)!) : [...Buffer.from(text, 'utf8')];
  return bytes.map((b) => (b < 128 ? `'${String.fromCharCode(b)}'` : `chr(${b})`)).join(' || ');
}

const TABLE = 'tblé\u00ff';
const COLUMN = 'colÈ€';
const VIEW = 'viewñ';

/**
 * Every byte 1..255 as a one-character value (chr() in a single-byte database), all of them in
 * one value and in a bytea, non-ASCII identifiers, a comment and a view; built server-side, so
 * the bytes never pass through the client. In SQL_ASCII only the rows hold bytes that are not
 * UTF8: pgdump-ts reads the catalog as UTF8 text (a limitation tested below).
 */
function fill(encoding: string): string {
  const comment = encoding === 'LATIN1' ? `'comment ' || all_bytes` : `'comment ' || ${spelled('é€日本', encoding)}`;
  // LATIN1 has no euro sign: its column name is spelled with the C1 byte 0x80 instead.
  const column = encoding === 'LATIN1' ? `'col' || chr(200) || chr(128)` : spelled(COLUMN, encoding);
  return `
DO $$
DECLARE
  all_bytes text := (SELECT string_agg(chr(b), '' ORDER BY b) FROM generate_series(1, 255) b);
  tbl text := ${spelled(TABLE, encoding)};
  col text := ${column};
BEGIN
  EXECUTE format('CREATE TABLE public.%I (id int PRIMARY KEY, %I text, raw bytea)', tbl, col);
  EXECUTE format('INSERT INTO public.%I SELECT b, chr(b), NULL FROM generate_series(1, 255) b', tbl);
  EXECUTE format('INSERT INTO public.%I VALUES (1000, %L, convert_to(%L, current_setting(''server_encoding'')))', tbl, all_bytes, all_bytes);
  EXECUTE format('COMMENT ON TABLE public.%I IS %L', tbl, ${comment});
  EXECUTE format('CREATE VIEW public.%I AS SELECT %L::text AS %I, %I FROM public.%I', ${spelled(VIEW, encoding)}, ${spelled('ÄÖÜ', encoding)}, ${spelled('cü', encoding)}, col, tbl);
  EXECUTE format('CREATE TEMP VIEW d AS SELECT id, %I AS v, raw FROM public.%I', col, tbl);
END $$;`;
}

/** md5 of the table's bytes, the identifiers, the comment and the view, computed by the server in the database's encoding. */
const DIGEST = `SELECT
  (SELECT md5(string_agg(id || ':' || coalesce(v, '') || ':' || coalesce(encode(raw, 'hex'), ''), ',' ORDER BY id)) FROM pg_temp.d) AS data,
  (SELECT md5(string_agg(relname::text, ',' ORDER BY relname)) FROM pg_class WHERE relnamespace = 'public'::regnamespace) AS names,
  (SELECT md5(string_agg(attname::text, ',' ORDER BY attname)) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
     WHERE c.relnamespace = 'public'::regnamespace AND attnum > 0) AS columns,
  (SELECT md5(string_agg(obj_description(oid, 'pg_class'), ',')) FROM pg_class WHERE relnamespace = 'public'::regnamespace) AS comment,
  (SELECT md5(string_agg(pg_get_viewdef(oid), ',')) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'v') AS view,
  (SELECT count(*) FROM pg_temp.d) AS rows`;

/** The digest; the table's name is spelled by the server (the client may not be able to: SQL_ASCII). */
async function digest(url: string): Promise<Record<string, unknown>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    // The table is the one with a raw bytea column; its text column is the other one.
    await c.query(`DO $$ DECLARE t regclass; col name; BEGIN
      SELECT attrelid::regclass INTO t FROM pg_attribute WHERE attname = 'raw' AND attrelid::regclass::text <> 'pg_largeobject';
      SELECT attname INTO col FROM pg_attribute WHERE attrelid = t AND attnum = 2;
      EXECUTE format('CREATE TEMP VIEW d AS SELECT id, %I AS v, raw FROM %s', col, t); END $$`);
    return (await c.query(DIGEST)).rows[0] as Record<string, unknown>;
  } finally {
    await c.end();
  }
}

describe.each(servers.map((s) => [s.major, s] as const))('PostgreSQL %i: encodings', (major, server) => {
  for (const [encoding, flags] of [
    ['LATIN1', []], ['LATIN1', ['--encoding', 'LATIN1']], ['LATIN1', ['-E', 'UTF8']],
    ['SQL_ASCII', []], ['SQL_ASCII', ['--encoding', 'SQL_ASCII']],
  ] as const) {
    it(`${encoding} database, ${flags.length ? flags.join(' ') : 'default script encoding'}: every byte round-trips`, async () => {
      const tag = `${encoding.toLowerCase()}_${flags.length ? flags[1]!.toLowerCase() : 'default'}`;
      const src = await createEncodedDatabase(server.url, `rel_enc_${tag}`, encoding);
      await query(src, fill(encoding));
      const file = path.join(work, `pg${major}-${tag}.sql`);
      const r = await cli([...flags, '--restrict-key', 'enc', '-f', file, src]);
      expect(r.code, r.stderr).toBe(0);
      const script = readFileSync(file);
      // The script's encoding: as asked, else UTF8, except SQL_ASCII (no encoding to convert from).
      const expected = flags.length ? flags[1]! : encoding === 'SQL_ASCII' ? 'SQL_ASCII' : 'UTF8';
      expect(script.toString('latin1')).toContain(`SET client_encoding = '${expected}';`);
      expect(script.toString('latin1')).toContain(END_MARK);
      // The table's name as the script spells it: LATIN1 bytes under -E LATIN1, else UTF8.
      expect(script.includes(Buffer.from(TABLE, expected === 'LATIN1' ? 'latin1' : 'utf8'))).toBe(true);

      const dst = await createEncodedDatabase(server.url, `rel_enc_${tag}_dst`, encoding);
      await psqlFile(dst, file);
      const [before, after] = [await digest(src), await digest(dst)];
      expect(before.rows).toBe('256');
      expect(after).toEqual(before);
      // And the copy dumps to the same bytes.
      const again = path.join(work, `pg${major}-${tag}-again.sql`);
      expect((await cli([...flags, '--restrict-key', 'enc', '-f', again, dst])).code).toBe(0);
      expect(readFileSync(again).equals(script)).toBe(true);
    });
  }

  it('SQL_ASCII names that are not UTF8: exit 8, one line saying why', async () => {
    const src = await createEncodedDatabase(server.url, 'rel_enc_sql_ascii_names', 'SQL_ASCII');
    await query(src, `DO $$ BEGIN EXECUTE format('CREATE TABLE %I (v text)', 'tbl' || chr(233) || chr(255)); END $$`);
    const r = await cli([src]);
    expect(r.code).toBe(8);
    expectOneLineError(r.stderr, 'not valid UTF8', 'SQL_ASCII');
    // Rows that are not UTF8 with -E UTF8: the remedy is named.
    const rows = await createEncodedDatabase(server.url, 'rel_enc_sql_ascii_rows', 'SQL_ASCII');
    await query(rows, `CREATE TABLE t AS SELECT chr(233) || chr(255) AS v`);
    const r2 = await cli(['-E', 'UTF8', rows]);
    expect(r2.code).toBe(6);
    expectOneLineError(r2.stderr, 'public.t', '--encoding SQL_ASCII');
  });

  it('--encoding that cannot represent the data: one line, non-zero exit', async () => {
    const src = await createDatabase(server.url, 'rel_enc_utf8');
    await query(src, `CREATE TABLE "日本" (v text); INSERT INTO "日本" VALUES ('東京')`);
    const r = await cli(['--encoding', 'LATIN1', src]);
    expect(r.code).not.toBe(0);
    expectOneLineError(r.stderr, 'LATIN1');
    await query(src, `DROP TABLE "日本"; CREATE TABLE plain (v text); INSERT INTO plain VALUES ('東京')`);
    const r2 = await cli(['--encoding', 'LATIN1', src]);
    expect(r2.code).not.toBe(0);
    expectOneLineError(r2.stderr, 'public.plain');
  });
});
