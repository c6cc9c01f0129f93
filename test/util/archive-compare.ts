// Comparing our plain script with what the real pg_restore prints from our archives.

export interface ScriptBlock {
  /** `Name: ...; Type: ...; Schema: ...; Owner: ...` without a `Data for ` prefix */
  header: string;
  type: string;
  tag: string;
  lines: string[];
}

const HEADER = /^-- (?:Data for )?(Name: (.*); Type: (.*); Schema: (.*); Owner: (.*))$/;

/** `ALTER SEQUENCE/VIEW/... x OWNER TO` as pg_restore writes it: relations through ALTER TABLE. */
function ownerAsRestore(line: string): string {
  return line.replace(/^ALTER (?:SEQUENCE|VIEW|MATERIALIZED VIEW) (.* OWNER TO .*;)$/, 'ALTER TABLE $1');
}

/** Consecutive lowrite() calls as one: pg_restore writes large objects in smaller pieces. */
function mergeLowrites(lines: string[]): string[] {
  const out: string[] = [];
  const lowrite = /^SELECT pg_catalog\.lowrite\(0, '\\x([0-9a-f]*)'\);$/;
  for (const l of lines) {
    const m = lowrite.exec(l);
    const prev = out.length ? lowrite.exec(out[out.length - 1]!) : null;
    if (m && prev) out[out.length - 1] = `SELECT pg_catalog.lowrite(0, '\\x${prev[1]}${m[1]}');`;
    else out.push(l);
  }
  return out;
}

/**
 * A script cut into its entries' blocks, each without blank lines, comments, the \restrict
 * bracket and the session defaults pg_restore sets where our header sets them.
 */
export function scriptBlocks(script: string): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  let current: ScriptBlock | null = null;
  for (const line of script.split('\n')) {
    const h = HEADER.exec(line);
    if (h) {
      current = { header: h[1]!, tag: h[2]!, type: h[3]!, lines: [] };
      blocks.push(current);
      continue;
    }
    if (!current || !line.trim() || line.startsWith('--') || /^\\(un)?restrict /.test(line)) continue;
    if (line === "SET default_tablespace = '';" || line === 'SET default_table_access_method = heap;') continue;
    current.lines.push(ownerAsRestore(line));
  }
  for (const b of blocks) b.lines = mergeLowrites(b.lines);
  return blocks;
}

/** pg_restore's passes: privileges after everything else, then event triggers and matview refreshes. */
export function restorePass(b: ScriptBlock): number {
  if (b.type === 'ACL' || b.type === 'DEFAULT ACL') return 1;
  if (b.type === 'EVENT TRIGGER' || b.type === 'MATERIALIZED VIEW DATA') return 2;
  if (b.type === 'COMMENT' && b.tag.startsWith('EVENT TRIGGER ')) return 2;
  return 0;
}

/** Our plain script's blocks in the order pg_restore restores them. */
export function inRestoreOrder(blocks: ScriptBlock[]): ScriptBlock[] {
  return [0, 1, 2].flatMap((pass) => blocks.filter((b) => restorePass(b) === pass));
}

/**
 * pg_restore's blocks as our script has them: each SEQUENCE OWNED BY folded into its sequence,
 * and a view's `_RETURN` rule (how archives carry a view's query given after a placeholder)
 * under the view's name.
 */
export function foldOwnedBy(blocks: ScriptBlock[]): ScriptBlock[] {
  const out: ScriptBlock[] = [];
  for (const original of blocks) {
    let b = original;
    if (b.type === 'RULE' && b.tag.endsWith(' _RETURN')) {
      const tag = b.tag.slice(0, -' _RETURN'.length);
      b = { ...b, tag, type: 'VIEW', header: b.header.replace(/^Name: .*?; Type: RULE;/, () => `Name: ${tag}; Type: VIEW;`) };
    }
    const prev = out[out.length - 1];
    if (b.type === 'SEQUENCE OWNED BY' && prev && prev.type === 'SEQUENCE' && prev.tag === b.tag) prev.lines.push(...b.lines);
    else out.push({ ...b, lines: [...b.lines] });
  }
  return out;
}

/**
 * pg_dump orders an operator family's members by strategy number only, so equal strategies
 * (hash families) come out in whatever order the server returns them: sort them.
 */
export function stableOracle(script: string): string {
  return script.replace(/(ALTER OPERATOR FAMILY [^\n]* ADD\n)((?: {4}[^\n]*\n)+)/g, (_m, head: string, body: string) => {
    const members = body.split('\n').filter(Boolean).map((l) => l.replace(/ ?[,;]$/, '')).sort();
    return head + members.join('\n') + '\n';
  });
}
