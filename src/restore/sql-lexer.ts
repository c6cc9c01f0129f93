// Statement boundary lexer for SQL scripts, modelled on psql's scanner: it only needs to know
// where a `;` ends a statement, so it tracks quoting, comments, parentheses and psql's
// BEGIN ... END heuristic for SQL-standard function bodies, and nothing else.

/** A complete (or, at end of input, unterminated) statement. */
export interface LexedStatement {
  readonly text: string;
  /** 1-based line of the statement's first kept character. */
  readonly line: number;
  /** `COPY ... FROM STDIN`: the script's next lines are its data. */
  readonly copyIn: boolean;
}

type LexState = 'normal' | 'quote' | 'equote' | 'dquote' | 'dollar' | 'comment';

const ROUTINE_WORDS = new Set(['create', 'or', 'replace', 'function', 'procedure']);

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

// psql's ident_start: letters, underscore and any non-ASCII character.
function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}

// Dollar-quote tags use ident_cont without `$`; identifiers may contain `$`.
function isTagCont(c: number): boolean {
  return isIdentStart(c) || (c >= 48 && c <= 57);
}

function isIdentCont(c: number): boolean {
  return isTagCont(c) || c === 36;
}

export class StatementLexer {
  private state: LexState = 'normal';
  private dollarTag = '';
  private commentDepth = 0;
  private parenDepth = 0;
  private beginDepth = 0;
  private identCount = 0;
  // First letters of leading CREATE / OR / REPLACE / FUNCTION / PROCEDURE words, as psql records them.
  private routineMarks: string[] = ['', '', '', ''];
  private firstToken = '';
  private prevWord = '';
  private copyIn = false;
  private parts: string[] = [];
  // psql drops whitespace and `--` comments until a statement has started.
  private started = false;
  // Anything but whitespace, comments and `;`: a statement worth sending.
  private hasTokens = false;
  private startLine = 0;

  /** Outside every quote and comment: where psql would take a backslash as a meta-command. */
  get inNormalState(): boolean {
    return this.state === 'normal';
  }

  /**
   * Scans `s` (one input line with its newline, from offset `from`), pushing completed statements to `out`.
   * Returns the offset just past the `;` of a `COPY ... FROM STDIN` when one ends here (scanning stops
   * there because the following lines are data), else -1.
   */
  scanLine(s: string, lineNo: number, from: number, out: LexedStatement[]): number {
    const n = s.length;
    let i = from;
    let seg = from; // start of text not yet added to the statement
    while (i < n) {
      switch (this.state) {
        case 'quote':
        case 'dquote': {
          const q = this.state === 'quote' ? "'" : '"';
          const k = s.indexOf(q, i);
          if (k < 0) { i = n; break; }
          if (s[k + 1] === q) { i = k + 2; break; } // doubled quote is an escaped quote
          this.state = 'normal';
          i = k + 1;
          break;
        }
        case 'equote':
          i = this.scanEscapeString(s, i);
          break;
        case 'dollar': {
          const k = s.indexOf(this.dollarTag, i);
          if (k < 0) { i = n; break; }
          this.state = 'normal';
          i = k + this.dollarTag.length;
          break;
        }
        case 'comment':
          i = this.scanBlockComment(s, i);
          break;
        case 'normal': {
          const c = s.charCodeAt(i);
          if (isSpace(c)) {
            i++;
            if (!this.started) seg = i;
            break;
          }
          if (c === 45 && s.charCodeAt(i + 1) === 45) { // -- comment up to the end of the line
            i = lineCommentEnd(s, i);
            if (!this.started) seg = i;
            break;
          }
          if (!this.started) {
            this.started = true;
            this.startLine = lineNo;
          }
          if (c === 59 /* ; */ && this.parenDepth === 0 && this.beginDepth === 0) {
            this.parts.push(s.slice(seg, i + 1));
            const st = this.takeStatement();
            i++;
            seg = i;
            if (st) {
              out.push(st);
              if (st.copyIn) return i;
            }
            break;
          }
          i = this.scanToken(s, i, c);
          break;
        }
      }
    }
    if (seg < n) this.parts.push(s.slice(seg, n));
    return -1;
  }

  /** At end of input: whatever statement is left unterminated (psql sends it too), or null. */
  finish(): LexedStatement | null {
    const st = this.takeStatement();
    this.state = 'normal';
    this.commentDepth = 0;
    return st;
  }

  private scanToken(s: string, i: number, c: number): number {
    if (c === 47 /* / */ && s.charCodeAt(i + 1) === 42 /* * */) {
      this.state = 'comment';
      this.commentDepth = 1;
      return i + 2;
    }
    this.hasTokens = true;
    if (c === 39 /* ' */) return this.openString('quote', i + 1);
    if (c === 34 /* " */) return this.openString('dquote', i + 1);
    if (c === 36 /* $ */) return this.scanDollar(s, i);
    if (isIdentStart(c)) return this.scanWord(s, i);
    this.noteToken('#');
    if (c >= 48 && c <= 57) { // number: swallow trailing letters so `1e5` or `0x1F` is not read as a word
      let j = i + 1;
      while (j < s.length && isTagCont(s.charCodeAt(j))) j++;
      return j;
    }
    if (c === 40) this.parenDepth++;
    else if (c === 41 && this.parenDepth > 0) this.parenDepth--;
    return i + 1;
  }

  private openString(state: LexState, next: number): number {
    this.noteToken('#');
    this.state = state;
    return next;
  }

  private scanWord(s: string, i: number): number {
    let j = i + 1;
    while (j < s.length && isIdentCont(s.charCodeAt(j))) j++;
    const next = s.charCodeAt(j);
    if (j === i + 1 && next === 39) {
      // E'..' has backslash escapes; B'', X'', N'' are ordinary quoted strings. None is a word to psql.
      const p = s[i]!.toLowerCase();
      if (p === 'e') return this.openString('equote', j + 1);
      if (p === 'b' || p === 'x' || p === 'n') return this.openString('quote', j + 1);
    }
    if (j === i + 1 && next === 38 /* & */ && (s[i] === 'u' || s[i] === 'U')) {
      const q = s.charCodeAt(j + 1);
      if (q === 39) return this.openString('quote', j + 2); // U&'..'
      if (q === 34) return this.openString('dquote', j + 2); // U&".."
    }
    this.noteWord(s.slice(i, j).toLowerCase());
    return j;
  }

  // psql's heuristic: in CREATE [OR REPLACE] FUNCTION|PROCEDURE, BEGIN (and CASE inside it) open a
  // block closed by END, and a `;` inside such a block does not end the statement.
  private noteWord(w: string): void {
    if (this.identCount < 4 && ROUTINE_WORDS.has(w)) this.routineMarks[this.identCount] = w[0]!;
    this.identCount++;
    if (this.parenDepth === 0 && this.isRoutine()) {
      if (w === 'begin') this.beginDepth++;
      else if (w === 'case') { if (this.beginDepth >= 1) this.beginDepth++; }
      else if (w === 'end' && this.beginDepth > 0) this.beginDepth--;
    }
    if (this.parenDepth === 0 && w === 'stdin' && this.prevWord === 'from' && this.firstToken === 'copy') {
      this.copyIn = true;
    }
    this.noteToken(w);
  }

  private isRoutine(): boolean {
    const m = this.routineMarks;
    return m[0] === 'c' && (m[1] === 'f' || m[1] === 'p' ||
      (m[1] === 'o' && m[2] === 'r' && (m[3] === 'f' || m[3] === 'p')));
  }

  private noteToken(t: string): void {
    if (this.firstToken === '') this.firstToken = t;
    this.prevWord = t;
  }

  private scanDollar(s: string, i: number): number {
    let j = i + 1;
    if (j < s.length && isIdentStart(s.charCodeAt(j))) {
      j++;
      while (j < s.length && isTagCont(s.charCodeAt(j))) j++;
    }
    if (s.charCodeAt(j) === 36) {
      this.dollarTag = s.slice(i, j + 1);
      return this.openString('dollar', j + 1);
    }
    this.noteToken('#'); // a parameter like $1, or a stray `$`
    return i + 1;
  }

  private scanEscapeString(s: string, i: number): number {
    const n = s.length;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 92 /* \ */) { i += 2; continue; }
      if (c === 39) {
        if (s.charCodeAt(i + 1) === 39) { i += 2; continue; }
        this.state = 'normal';
        return i + 1;
      }
      i++;
    }
    return n;
  }

  // Block comments nest, unlike in the SQL standard.
  private scanBlockComment(s: string, i: number): number {
    const n = s.length;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c === 47 && s.charCodeAt(i + 1) === 42) { this.commentDepth++; i += 2; continue; }
      if (c === 42 && s.charCodeAt(i + 1) === 47) {
        i += 2;
        if (--this.commentDepth === 0) { this.state = 'normal'; return i; }
        continue;
      }
      i++;
    }
    return n;
  }

  private takeStatement(): LexedStatement | null {
    const st = this.hasTokens
      ? { text: this.parts.join(''), line: this.startLine, copyIn: this.copyIn }
      : null;
    this.parts = [];
    this.started = false;
    this.hasTokens = false;
    this.parenDepth = 0;
    this.beginDepth = 0;
    this.identCount = 0;
    this.routineMarks = ['', '', '', ''];
    this.firstToken = '';
    this.prevWord = '';
    this.copyIn = false;
    return st;
  }
}

// psql ends a `--` comment at either newline character.
function lineCommentEnd(s: string, i: number): number {
  for (let j = i + 2; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c === 10 || c === 13) return j;
  }
  return s.length;
}
