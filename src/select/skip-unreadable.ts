import type { CatalogClient } from '../../catalog/client.js';
import { qualify } from '../sql/quote.js';
import type { TocEntry } from '../toc/toc.js';
import type { SelectionRequest } from './request.js';
import { resolveSelection, type Selection } from './resolve.js';
import { findUnreadable, unreadableError, unreadableLines, withoutUnreadable } from './unreadable.js';

export interface Skipped {
  readonly selection: Selection;
  /** qualified names of the tables and sequences whose contents are left out (not locked either) */
  readonly relations: ReadonlySet<string>;
  /** a leading script entry listing what was left out, as comments */
  readonly note: Omit<TocEntry, 'dumpId'> | null;
}

/**
 * Checks what the selection would dump against the role's privileges. Without `skip`, the
 * first schema or table it cannot read fails the dump with a message naming it and the flags
 * that get past it. With `skip` (--skip-unreadable), schemas without USAGE are left out as -N
 * would, tables and sequences without SELECT keep their definitions but lose their rows or
 * value, as --exclude-table-data would; each is reported through `warn` and in the script.
 */
export async function skipUnreadable(
  client: CatalogClient,
  request: SelectionRequest,
  selection: Selection,
  database: string,
  skip: boolean,
  warn: (message: string) => void,
): Promise<Skipped> {
  const unreadable = await findUnreadable(client, selection);
  if (unreadable.schemas.length === 0 && unreadable.relations.length === 0) return { selection, relations: new Set(), note: null };
  const [row] = await client.query<{ role: string }>('SELECT current_user AS role');
  const role = row?.role ?? '';
  if (!skip) throw unreadableError(unreadable, role);
  const lines = unreadableLines(unreadable);
  for (const line of lines) warn(`--skip-unreadable: ${line}`);
  const defn = [`-- --skip-unreadable: role "${role.replace(/[\r\n]/g, ' ')}" could not read these, so this dump lacks them:`,
    ...lines.map((l) => `--   ${l.replace(/[\r\n]/g, ' ')}`)].join('\n') + '\n';
  return {
    selection: await resolveSelection(client, withoutUnreadable(request, unreadable), database),
    relations: new Set(unreadable.relations.map((r) => qualify(r.schema, r.name))),
    note: { tag: 'skipped by --skip-unreadable', desc: 'COMMENT', namespace: null, owner: null, section: 'pre-data', defn, dropStmt: '', copyStmt: null, data: null, deps: [] },
  };
}
