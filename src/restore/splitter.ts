// Incremental splitter for plain SQL scripts as pg_dump writes them: fed text in chunks of any
// size, it yields statements, psql meta-commands and COPY data. Memory is bounded by the longest
// statement (which the server needs whole anyway); COPY data streams through in pieces.
import { DumpError } from '../errors.js';
import { parseMetaArgs } from './meta.js';
import { StatementLexer, type LexedStatement } from './sql-lexer.js';

export type ScriptItem =
  | { readonly kind: 'sql'; readonly text: string; readonly line: number }
  /** A psql backslash command at the start of a line; `args` are dequoted as psql does. */
  | { readonly kind: 'meta'; readonly command: string; readonly args: string[]; readonly line: number }
  /** A `COPY ... FROM STDIN` statement; its data follows as `copy-data` items, then one `copy-end`. */
  | { readonly kind: 'copy'; readonly text: string; readonly line: number }
  /** Raw data text, not aligned to rows; the terminating `\.` line is not included. */
  | { readonly kind: 'copy-data'; readonly chunk: string }
  | { readonly kind: 'copy-end' };

/** Meta-commands the replayer understands; every other one is skipped with a warning. */
export const SUPPORTED_META = new Set(['connect', 'c', 'restrict', 'unrestrict', 'set', 'encoding']);

const META_LINE = /^[ \t]*\\([^\s\\]*)/;

export class ScriptSplitter {
  private readonly lexer = new StatementLexer();
  private line = 1; // number of the next line to read
  private mode: 'sql' | 'copy' = 'sql';
  private partial: string[] = []; // an incomplete SQL line, kept as pieces to avoid re-copying
  private held = ''; // copy mode: start of a line that may yet turn out to be `\.`
  private atLineStart = true; // copy mode
  // The rest of a line after a COPY's `;`: psql scans it once the data is read.
  private deferred: { text: string; line: number; from: number } | null = null;
  private out: ScriptItem[] = [];
  private ended = false;

  /** Feeds the next piece of the script; returns the items it completed. */
  feed(chunk: string): ScriptItem[] {
    if (this.ended) throw new DumpError('internal', 'ScriptSplitter: feed() after end()');
    this.consume(chunk, false);
    return this.take();
  }

  /** Signals end of input; returns the remaining items (an unterminated last statement included). */
  end(): ScriptItem[] {
    if (!this.ended) {
      this.ended = true;
      this.consume('', true);
      const last = this.lexer.finish();
      if (last) this.pushStatement(last);
    }
    return this.take();
  }

  private take(): ScriptItem[] {
    const items = this.out;
    this.out = [];
    return items;
  }

  private consume(input: string, eof: boolean): void {
    let chunk = input;
    if (this.held !== '') {
      chunk = this.held + chunk;
      this.held = '';
    }
    let pos = 0;
    for (;;) {
      if (this.mode === 'copy') {
        pos = this.copyData(chunk, pos, eof);
        if (this.mode === 'copy') return;
        const d = this.deferred;
        this.deferred = null;
        if (d) this.sqlLine(d.text, d.line, d.from);
        continue;
      }
      const nl = pos < chunk.length ? chunk.indexOf('\n', pos) : -1;
      if (nl < 0) {
        if (pos < chunk.length) this.partial.push(chunk.slice(pos));
        pos = chunk.length;
        if (!eof || this.partial.length === 0) return;
        const last = this.partial.join('');
        this.partial = [];
        this.sqlLine(last, this.line, 0); // no newline: the line count stays
        continue; // a COPY on the very last line still needs its (empty) data closed
      }
      let text = chunk.slice(pos, nl + 1);
      if (this.partial.length > 0) {
        this.partial.push(text);
        text = this.partial.join('');
        this.partial = [];
      }
      pos = nl + 1;
      this.sqlLine(text, this.line++, 0);
    }
  }

  private sqlLine(text: string, lineNo: number, from: number): void {
    if (from === 0 && this.lexer.inNormalState) {
      const m = META_LINE.exec(text);
      if (m) {
        // psql consumes the whole line as the command's arguments.
        const args = parseMetaArgs(text.slice(m[0].length).replace(/[\r\n]+$/, ''));
        this.out.push({ kind: 'meta', command: m[1]!, args, line: lineNo });
        return;
      }
    }
    const done: LexedStatement[] = [];
    const stop = this.lexer.scanLine(text, lineNo, from, done);
    for (const st of done) this.pushStatement(st);
    if (stop >= 0) {
      this.mode = 'copy';
      this.atLineStart = true;
      if (stop < text.length) this.deferred = { text, line: lineNo, from: stop };
    }
  }

  private pushStatement(st: LexedStatement): void {
    this.out.push({ kind: st.copyIn ? 'copy' : 'sql', text: st.text, line: st.line });
  }

  /** Streams COPY data from `chunk` at `pos`; returns where SQL resumes (or chunk.length). */
  private copyData(chunk: string, pos: number, eof: boolean): number {
    const n = chunk.length;
    const start = pos;
    let i = pos;
    for (;;) {
      if (this.atLineStart) {
        const t = terminatorAt(chunk, i, eof);
        if (t < 0) { // cannot tell yet whether this line is `\.`
          this.emitData(chunk, start, i);
          this.held = chunk.slice(i);
          return n;
        }
        if (t > 0) {
          this.emitData(chunk, start, i);
          this.out.push({ kind: 'copy-end' });
          this.mode = 'sql';
          if (chunk[i + t - 1] === '\n') this.line++;
          return i + t;
        }
        this.atLineStart = false;
      }
      const nl = chunk.indexOf('\n', i);
      if (nl < 0) {
        this.emitData(chunk, start, n);
        if (eof) { // psql ends the data at end of input too
          this.out.push({ kind: 'copy-end' });
          this.mode = 'sql';
        }
        return n;
      }
      this.line++;
      i = nl + 1;
      this.atLineStart = true;
    }
  }

  private emitData(chunk: string, from: number, to: number): void {
    if (to > from) this.out.push({ kind: 'copy-data', chunk: chunk.slice(from, to) });
  }
}

/**
 * Whether the line starting at `i` is psql's end-of-data marker (`\.` alone, LF or CRLF ended, or
 * unterminated at end of input): its length, 0 if not, -1 if more input is needed to tell.
 */
function terminatorAt(s: string, i: number, eof: boolean): number {
  const more = eof ? 0 : -1;
  if (i >= s.length) return more;
  if (s.charCodeAt(i) !== 92) return 0;
  if (i + 1 >= s.length) return more;
  if (s.charCodeAt(i + 1) !== 46) return 0;
  if (i + 2 >= s.length) return eof ? 2 : -1;
  const c = s.charCodeAt(i + 2);
  if (c === 10) return 3;
  if (c !== 13) return 0;
  if (i + 3 >= s.length) return eof ? 3 : -1;
  return s.charCodeAt(i + 3) === 10 ? 4 : 0;
}

/** Splits a whole script held in memory (tests, small scripts). Data chunks are not merged. */
export function splitScript(text: string): ScriptItem[] {
  const s = new ScriptSplitter();
  return [...s.feed(text), ...s.end()];
}
