import type pg from 'pg';
import QueryStream from 'pg-query-stream';
import type { TableObject } from '../../catalog/tables.js';
import { qualify, quoteIdent, quoteLiteral } from '../sql/quote.js';

export interface InsertOptions {
  /** qualified name the rows go into: the table, or its partition root with --load-via-partition-root */
  readonly target: string;
  /** --column-inserts: name the columns */
  readonly columnInserts: boolean;
  /** rows per INSERT statement (1 unless --rows-per-insert) */
  readonly rowsPerInsert: number;
  readonly onConflictDoNothing: boolean;
  /** OVERRIDING SYSTEM VALUE: the target has GENERATED ALWAYS identity columns */
  readonly overridingSystemValue: boolean;
  /**
   * A non-UTF8 output encoding: quoted values are converted by the server (convert_to) and
   * spliced in as bytes, and the statement text is encoded with `encode`.
   */
  readonly encoding: { readonly name: string; readonly encode: (s: string) => Buffer } | null;
}

// Types whose text form pg_dump writes unquoted when it is a plain number (int2/4/8, oid, float4/8, numeric).
const NUMBER_TYPES = new Set([20, 21, 23, 26, 700, 701, 1700]);
const BIT_TYPES = new Set([1560, 1562]);
const BOOL_TYPE = 16;
const PLAIN_NUMBER = /^[0-9 +\-eE.]*$/;

/** Rows fetched per round trip; each batch is turned into text and written before the next. */
const BATCH = 1000;
/** Output is handed on in chunks of about this size, so memory stays bounded. */
const CHUNK = 64 * 1024;

const rawText = { getTypeParser: () => (v: string) => v };

type Renderer = (v: string | null) => string | Buffer;

function renderer(typeId: number, generated: boolean, converted: boolean): Renderer {
  if (generated) return () => 'DEFAULT';
  // Unlike pg_dump, a negative zero float is quoted: unquoted, `-0` is minus applied to 0, which loses the sign.
  if (NUMBER_TYPES.has(typeId)) return (v) => (v === null ? 'NULL' : PLAIN_NUMBER.test(v) && v !== '-0' ? v : `'${v}'`);
  if (BIT_TYPES.has(typeId)) return (v) => (v === null ? 'NULL' : `B'${v}'`);
  if (typeId === BOOL_TYPE) return (v) => (v === null ? 'NULL' : v === 't' ? 'true' : 'false');
  if (!converted) return (v) => (v === null ? 'NULL' : quoteLiteral(v));
  // bytea in hex from convert_to: the value's bytes in the output encoding. A quote byte never
  // occurs inside a multibyte character of a client encoding, so doubling 0x27 is safe.
  return (v) => {
    if (v === null) return 'NULL';
    const bytes = Buffer.from(v.slice(2), 'hex');
    const out: number[] = [0x27];
    for (const b of bytes) {
      out.push(b);
      if (b === 0x27) out.push(0x27);
    }
    out.push(0x27);
    return Buffer.from(out);
  };
}

/**
 * Table data as INSERT statements, as pg_dump's --inserts / --column-inserts / --rows-per-insert
 * write them: numbers unquoted unless NaN or infinite, booleans and bit strings as literals,
 * everything else a quoted literal of the type's text output; generated columns left out (with
 * column names) or written as DEFAULT. Rows are read through a cursor in the dump's snapshot,
 * one batch at a time.
 */
export async function* insertStatements(client: pg.Client, table: TableObject, opts: InsertOptions): AsyncGenerator<string | Buffer, number> {
  const columns = table.columns.filter((c) => !(c.generated && opts.columnInserts));
  const source = qualify(table.schema, table.name);
  const plain = columns.map((c) => (c.generated ? 'NULL' : quoteIdent(c.name)));
  const described = await client.query({
    text: `SELECT ${plain.length ? plain.join(', ') : 'NULL'} FROM ONLY ${source} LIMIT 0`,
    rowMode: 'array',
    types: rawText,
  });
  const types = described.fields.map((f) => f.dataTypeID);
  const enc = opts.encoding;
  const convert = (i: number) =>
    enc !== null && !columns[i]!.generated && !NUMBER_TYPES.has(types[i]!) && !BIT_TYPES.has(types[i]!) && types[i] !== BOOL_TYPE;
  const selected = columns.map((c, i) =>
    convert(i) ? `pg_catalog.convert_to(${quoteIdent(c.name)}::pg_catalog.text, ${quoteLiteral(enc!.name)})` : plain[i]!,
  );
  const render = columns.map((c, i) => renderer(types[i]!, c.generated !== null, convert(i)));

  let head = `INSERT INTO ${opts.target} `;
  if (columns.length === 0) head += 'DEFAULT VALUES;\n';
  else {
    if (opts.columnInserts) head += `(${columns.map((c) => quoteIdent(c.name)).join(', ')}) `;
    if (opts.overridingSystemValue) head += 'OVERRIDING SYSTEM VALUE ';
    head += 'VALUES';
  }
  const end = opts.onConflictDoNothing ? ' ON CONFLICT DO NOTHING;\n' : ';\n';
  const perStatement = Math.max(1, opts.rowsPerInsert);

  // Pieces are strings, except converted values; with an output encoding everything becomes bytes.
  let parts: (string | Buffer)[] = [];
  let size = 0;
  const put = (p: string | Buffer) => {
    parts.push(p);
    size += p.length;
  };
  const take = (): string | Buffer => {
    const out = enc === null ? (parts as string[]).join('') : Buffer.concat(parts.map((p) => (typeof p === 'string' ? enc.encode(p) : p)));
    parts = [];
    size = 0;
    return out;
  };

  const stream = new QueryStream(`SELECT ${selected.length ? selected.join(', ') : 'NULL'} FROM ONLY ${source}`, [], {
    batchSize: BATCH,
    rowMode: 'array',
    types: rawText,
  });
  client.query(stream);
  let inStatement = 0;
  let rows = 0;
  try {
    for await (const row of stream as AsyncIterable<(string | null)[]>) {
      rows++;
      if (inStatement === 0) put(head);
      if (columns.length === 0) {
        if (size >= CHUNK) yield take();
        continue;
      }
      put(perStatement === 1 ? ' (' : inStatement > 0 ? ',\n\t(' : '\n\t(');
      for (let i = 0; i < columns.length; i++) {
        if (i > 0) put(', ');
        put(render[i]!(row[i] ?? null));
      }
      put(')');
      if (++inStatement >= perStatement) {
        put(end);
        inStatement = 0;
      }
      if (size >= CHUNK) yield take();
    }
  } finally {
    // An early exit (failed write, abort) must still close the cursor before the next query.
    if (!stream.destroyed) stream.destroy();
  }
  if (inStatement > 0) put(end);
  put('\n');
  yield take();
  // the row count, for progress reports (the statements do not say it)
  return rows;
}
