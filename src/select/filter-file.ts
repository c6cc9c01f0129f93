import { readFile } from 'node:fs/promises';
import { DumpError } from '../errors.js';

/**
 * pg_dump 17's `--filter` file: one `include|exclude OBJECT_TYPE PATTERN` per line, `#` starts
 * a comment, blank lines are skipped. A pattern may be double-quoted, and a quoted pattern may
 * span lines (`\n` and `\\` are escapes inside it); unquoted whitespace between words collapses
 * to one space and disappears around `.`, `(`, `)` and `,`.
 */
export type FilterObjectType =
  | 'table'
  | 'table_and_children'
  | 'table_data'
  | 'table_data_and_children'
  | 'schema'
  | 'foreign_data'
  | 'extension';

export interface FilterItem {
  readonly command: 'include' | 'exclude';
  readonly objectType: FilterObjectType;
  readonly pattern: string;
  readonly line: number;
}

/** Object types the format knows but pg_dump itself does not filter on. */
const RESTORE_ONLY_TYPES = ['database', 'function', 'index', 'trigger'] as const;
const DUMP_TYPES: readonly FilterObjectType[] = [
  'table', 'table_and_children', 'table_data', 'table_data_and_children', 'schema', 'foreign_data', 'extension',
];
const TYPE_NAMES: Record<string, string> = {
  table: 'table',
  table_and_children: 'table and children',
  table_data: 'table data',
  table_data_and_children: 'table data and children',
  schema: 'schema',
  foreign_data: 'foreign data',
  extension: 'extension',
  database: 'database',
  function: 'function',
  index: 'index',
  trigger: 'trigger',
};
/** What pg_dump refuses: including data only, or excluding foreign data. */
const NOT_ALLOWED: Record<'include' | 'exclude', readonly string[]> = {
  include: ['table_data', 'table_data_and_children'],
  exclude: ['foreign_data'],
};

const isSpace = (c: string | undefined) => c !== undefined && /^[ \t\n\v\f\r]$/.test(c);

/**
 * Parses a filter file's text; `source` names it in errors ("-" for standard input). With
 * `dumpall`, the file is read as pg_dumpall reads it: only `exclude database` lines, whose
 * patterns go to `dumpall.databases`.
 */
export function parseFilterFile(text: string, source: string, dumpall?: { databases: string[] }): FilterItem[] {
  const lines = text.split('\n');
  const items: FilterItem[] = [];
  let lineNo = 0;
  const fail: (msg: string) => never = (msg) => {
    const where = source === '-' ? 'read from standard input' : `read from file "${source}"`;
    throw new DumpError('usage', `invalid format in filter ${where} on line ${lineNo}: ${msg}`);
  };
  while (lineNo < lines.length) {
    const raw = lines[lineNo]!;
    lineNo++;
    if (lineNo === lines.length && raw === '') break; // text ended with a newline
    let pos = 0;
    let line = raw;
    while (isSpace(line[pos])) pos++;
    if (pos >= line.length || line[pos] === '#') continue;

    const keyword = (): string | null => {
      while (isSpace(line[pos])) pos++;
      const start = pos;
      while (pos < line.length && !isSpace(line[pos])) pos++;
      return pos > start ? line.slice(start, pos) : null;
    };
    const command = keyword();
    if (command === null) fail('no filter command found (expected "include" or "exclude")');
    const cmd = command.toLowerCase();
    if (cmd !== 'include' && cmd !== 'exclude') fail('invalid filter command (expected "include" or "exclude")');
    const typeWord = keyword();
    if (typeWord === null) fail('missing filter object type');
    const type = typeWord.toLowerCase();
    if (!Object.prototype.hasOwnProperty.call(TYPE_NAMES, type)) fail(`unsupported filter object type: "${typeWord}"`);
    const itemLine = lineNo;

    // The pattern: words, quoted strings and punctuation, up to a comment or the end of line.
    while (isSpace(line[pos])) pos++;
    if (pos >= line.length) fail('missing object name pattern');
    let pattern = '';
    let skipSpace = true;
    let foundSpace = false;
    while (pos < line.length && line[pos] !== '#') {
      while (pos < line.length && !isSpace(line[pos]) && !'#,.()"'.includes(line[pos]!)) {
        if (!skipSpace && foundSpace) {
          pattern += ' ';
          skipSpace = true;
        }
        pattern += line[pos++];
      }
      skipSpace = false;
      const c = line[pos];
      if (c === '"') {
        if (foundSpace) pattern += ' ';
        // A quoted string, possibly continuing on the following lines.
        pattern += '"';
        pos++;
        for (;;) {
          if (pos >= line.length) {
            if (lineNo >= lines.length || (lineNo === lines.length - 1 && lines[lineNo] === '')) fail('unexpected end of file');
            line = lines[lineNo]!;
            lineNo++;
            pos = 0;
            pattern += '\n';
            continue;
          }
          const q = line[pos]!;
          if (q === '\r') {
            pos++;
          } else if (q === '"') {
            pattern += '"';
            pos++;
            if (line[pos] === '"') {
              pattern += '"';
              pos++;
            } else break;
          } else if (q === '\\') {
            const next = line[pos + 1];
            if (next === 'n') pattern += '\n';
            else if (next === '\\') pattern += '\\';
            pos += 2;
          } else {
            pattern += q;
            pos++;
          }
        }
      } else if (c === ',') {
        pattern += ', ';
        skipSpace = true;
        pos++;
      } else if (c !== undefined && '.()'.includes(c)) {
        pattern += c;
        skipSpace = true;
        pos++;
      }
      foundSpace = false;
      while (isSpace(line[pos])) {
        foundSpace = true;
        pos++;
      }
    }

    if (dumpall) {
      if (cmd === 'include') fail(`include filter for "${TYPE_NAMES[type]}" is not allowed`);
      if (type !== 'database') fail('unsupported filter object');
      dumpall.databases.push(pattern);
      continue;
    }
    if ((RESTORE_ONLY_TYPES as readonly string[]).includes(type) || NOT_ALLOWED[cmd].includes(type)) {
      fail(`${cmd} filter for "${TYPE_NAMES[type]}" is not allowed`);
    }
    if (!(DUMP_TYPES as readonly string[]).includes(type)) fail(`unsupported filter object type: "${typeWord}"`);
    items.push({ command: cmd, objectType: type as FilterObjectType, pattern, line: itemLine });
  }
  return items;
}

/** Reads and parses a filter file; "-" reads standard input, as pg_dump does. */
export async function readFilterFile(file: string): Promise<FilterItem[]> {
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (e) {
    throw new DumpError('usage', `could not open filter file "${file}": ${(e as Error).message}`, { cause: e });
  }
  return parseFilterFile(text, file);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
