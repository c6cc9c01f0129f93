// No catalog query may splice a name (or any text from the server or the user) into SQL: names
// go as query parameters or through src/sql/quote.ts. This test parses the query sources and
// checks every `${...}` inside a template literal that reads as SQL. What may appear there:
//   - a module constant (UPPER_CASE), a string or number literal;
//   - a version gate `cond ? A : B` whose branches are themselves allowed;
//   - the quoting functions (quoteIdent, quoteLiteral, qualify, dollarQuote) and Number(...);
//   - a call whose arguments are all literals (a fragment builder fed constants);
//   - a local const or a parameter whose every assignment/call site in the file is allowed
//     (followed by name within the file, so a fragment built from constants passes);
//   - .join() of an array whose elements are allowed, .map() through an allowed function.
// Anything else is reported with file and line. The second test proves the rule catches the
// kind of code it exists for.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SQL_SHAPE = /\bSELECT\b[\s\S]*\bFROM\b|\bWHERE\b|\bJOIN\b|\bLOCK TABLE\b|\bUNION ALL\b/;
const QUOTERS = new Set(['quoteIdent', 'quoteLiteral', 'qualify', 'dollarQuote', 'Number']);

function isLiteral(e: ts.Expression): boolean {
  return ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || ts.isNumericLiteral(e)
    || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword || e.kind === ts.SyntaxKind.NullKeyword;
}

/** A value of this type cannot carry a name: numbers, booleans, string literal unions. */
function harmlessType(t: ts.Type): boolean {
  if (t.isUnion()) return t.types.every(harmlessType);
  const f = t.flags;
  return (f & (ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.StringLiteral
    | ts.TypeFlags.Null | ts.TypeFlags.Undefined)) !== 0;
}

class Scanner {
  private readonly checker: ts.TypeChecker;
  constructor(private readonly program: ts.Program, private readonly files: readonly ts.SourceFile[]) {
    this.checker = program.getTypeChecker();
  }

  /** Initialisers of a const, or the arguments every call in the scanned files passes for a parameter. */
  private sources(id: ts.Identifier): ts.Expression[] | null {
    const sym = this.checker.getSymbolAtLocation(id);
    const decl = sym?.valueDeclaration ?? sym?.declarations?.[0];
    if (!decl) return null;
    if (ts.isVariableDeclaration(decl)) {
      const list = decl.parent;
      if (!ts.isVariableDeclarationList(list) || !(list.flags & ts.NodeFlags.Const) || !decl.initializer) return null;
      return [decl.initializer];
    }
    if (ts.isParameter(decl)) {
      const fn = decl.parent;
      const index = fn.parameters.indexOf(decl);
      const fnSym = ts.isFunctionDeclaration(fn) && fn.name ? this.checker.getSymbolAtLocation(fn.name)
        : ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? this.checker.getSymbolAtLocation(fn.parent.name) : undefined;
      if (!fnSym) return null;
      const args: ts.Expression[] = [];
      let unknownCaller = false;
      const visit = (n: ts.Node): void => {
        if (ts.isCallExpression(n)) {
          let target = this.checker.getSymbolAtLocation(n.expression);
          if (target && target.flags & ts.SymbolFlags.Alias) target = this.checker.getAliasedSymbol(target);
          if (target === fnSym) {
            const a = n.arguments[index];
            if (a) args.push(a);
            else if (!decl.initializer) unknownCaller = true;
          }
        }
        ts.forEachChild(n, visit);
      };
      for (const f of this.files) visit(f);
      if (decl.initializer) args.push(decl.initializer);
      return unknownCaller || args.length === 0 ? null : args;
    }
    return null;
  }

  allowed(e: ts.Expression, seen: Set<ts.Node> = new Set()): boolean {
    if (harmlessType(this.checker.getTypeAtLocation(e))) return true;
    if (ts.isParenthesizedExpression(e)) return this.allowed(e.expression, seen);
    if (isLiteral(e)) return true;
    if (ts.isTemplateExpression(e)) return e.templateSpans.every((s) => this.allowed(s.expression, seen));
    if (ts.isConditionalExpression(e)) return this.allowed(e.whenTrue, seen) && this.allowed(e.whenFalse, seen);
    if (ts.isBinaryExpression(e)) {
      const op = e.operatorToken.kind;
      if (op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.QuestionQuestionToken || op === ts.SyntaxKind.BarBarToken) {
        return this.allowed(e.left, seen) && this.allowed(e.right, seen);
      }
      return false;
    }
    if (ts.isIdentifier(e)) {
      if (/^[A-Z][A-Z0-9_]*$/.test(e.text)) return true; // a module constant
      if (seen.has(e)) return true;
      seen.add(e);
      const src = this.sources(e);
      return src !== null && src.every((x) => this.allowed(x, seen));
    }
    if (ts.isPropertyAccessExpression(e) || ts.isElementAccessExpression(e)) {
      const root = e.expression;
      return ts.isIdentifier(root) && /^[A-Z][A-Z0-9_]*$/.test(root.text); // CONSTANT.x, CONSTANT[k]
    }
    if (ts.isCallExpression(e)) {
      const callee = e.expression;
      if (ts.isIdentifier(callee) && QUOTERS.has(callee.text)) return true;
      if (ts.isPropertyAccessExpression(callee)) {
        if (callee.name.text === 'join') return this.allowed(callee.expression, seen);
        if (callee.name.text === 'map') {
          const fn = e.arguments[0];
          return fn !== undefined && ts.isArrowFunction(fn) && ts.isExpression(fn.body) && this.allowed(fn.body, seen);
        }
      }
      // a fragment builder fed only constants
      return e.arguments.length > 0 && e.arguments.every((a) => this.allowed(a, seen));
    }
    if (ts.isArrayLiteralExpression(e)) return e.elements.every((x) => ts.isExpression(x) && this.allowed(x, seen));
    return false;
  }

  findings(): Finding[] {
    const out: Finding[] = [];
    for (const sf of this.files) {
      const visit = (n: ts.Node): void => {
        if (ts.isTemplateExpression(n)) {
          const staticText = n.head.text + n.templateSpans.map((s) => s.literal.text).join(' ');
          if (SQL_SHAPE.test(staticText)) {
            for (const span of n.templateSpans) {
              if (!this.allowed(span.expression)) {
                const { line } = sf.getLineAndCharacterOfPosition(span.expression.getStart());
                out.push({ file: path.relative(process.cwd(), sf.fileName), line: line + 1, text: span.expression.getText() });
              }
            }
          }
        }
        ts.forEachChild(n, visit);
      };
      visit(sf);
    }
    return out;
  }
}

export interface Finding { file: string; line: number; text: string }

/** Every `${...}` in an SQL-looking template literal of `files` that the rule does not allow. */
export function scan(files: readonly string[], types: string[] = ['node']): Finding[] {
  const program = ts.createProgram(files.map((f) => path.resolve(f)), {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true, noEmit: true, skipLibCheck: true, types,
  });
  const wanted = new Set(files.map((f) => path.resolve(f)));
  return new Scanner(program, program.getSourceFiles().filter((sf) => wanted.has(path.resolve(sf.fileName)))).findings();
}

const DIRS = ['catalog', 'src/select'];

describe('catalog query sources', () => {
  it('splice no names into SQL text', () => {
    const files = DIRS.flatMap((dir) => readdirSync(dir).filter((x) => x.endsWith('.ts')).map((f) => path.join(dir, f)));
    expect(files.length).toBeGreaterThan(50);
    expect(scan(files).map((x) => `${x.file}:${x.line}: \${${x.text}}`)).toEqual([]);
  });

  it('catches the violations it exists for, and passes version-gated fragments and quoted names', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pgdump-ts-scan-'));
    try {
      const bad = path.join(dir, 'bad.ts');
      writeFileSync(bad, `
        interface C { query(sql: string, p?: unknown[]): Promise<unknown> }
        declare function userInput(): string;
        export async function tablesIn(client: C, schema: string) {
          return client.query(\`SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '\${schema}'\`);
        }
        export async function lock(client: C, rows: { name: string }[]) {
          await client.query(\`LOCK TABLE \${rows.map((r) => r.name).join(', ')} IN ACCESS SHARE MODE\`);
        }
        const t = userInput();
        export const q = (v: number) => \`SELECT * FROM pg_class WHERE \${v > 1 ? t : 'true'}\`;
      `);
      const good = path.join(dir, 'good.ts');
      writeFileSync(good, `
        interface C { query(sql: string, p?: unknown[]): Promise<unknown> }
        declare function qualify(s: string, n: string): string;
        const FILTER = "n.nspname <> 'pg_catalog'";
        function cols(column: string): string { return \`(SELECT x FROM y WHERE z = \${column})\`; }
        export async function ok(client: C, v: number, rows: { schema: string; name: string }[], kind: 'a' | 'b') {
          const c = v >= 170000 ? 'a.x' : 'NULL';
          await client.query(\`SELECT \${c}, \${v >= 180000 ? 'b' : 'NULL'}, \${cols('t.col')}, \${v} FROM pg_class WHERE \${FILTER} AND \${kind} = ANY($1)\`, [[1]]);
          await client.query(\`LOCK TABLE \${rows.map((r) => qualify(r.schema, r.name)).join(', ')} IN ACCESS SHARE MODE\`);
        }
      `);
      expect(scan([bad], []).map((f) => f.text)).toEqual(['schema', "rows.map((r) => r.name).join(', ')", "v > 1 ? t : 'true'"]);
      expect(scan([good], [])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
