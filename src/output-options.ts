import { randomInt } from 'node:crypto';
import { DumpError } from './errors.js';
import type { DumpOptions } from './options.js';

const RESTRICT_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh \restrict key: 63 random alphanumerics, as pg_dump makes them. */
export function generateRestrictKey(): string {
  let key = '';
  for (let i = 0; i < 63; i++) key += RESTRICT_CHARS[randomInt(RESTRICT_CHARS.length)];
  return key;
}

/** What the output-shaping options come to once checked and defaulted. */
export interface OutputSettings {
  readonly restrictKey: string;
  readonly clean: boolean;
  readonly ifExists: boolean;
  /** -C, and the dump has definitions (a data-only dump never creates the database) */
  readonly createDatabase: boolean;
  /** rows per INSERT, or 0 for COPY */
  readonly rowsPerInsert: number;
  readonly columnInserts: boolean;
  readonly onConflictDoNothing: boolean;
  readonly disableTriggers: boolean;
  readonly superuser: string | null;
  readonly setSessionAuthorization: boolean;
  readonly loadViaPartitionRoot: boolean;
  readonly disableDollarQuoting: boolean;
  readonly quoteAllIdentifiers: boolean;
  /** -E as given; resolved to the server's name once connected */
  readonly encoding: string | null;
}

/** pg_dump's checks on these options, with its messages; then the defaults it applies. */
export function resolveOutputOptions(o: DumpOptions): OutputSettings {
  if (o.dataOnly && o.clean) throw new DumpError('usage', 'options -c/--clean and -a/--data-only cannot be used together');
  if (o.ifExists && !o.clean) throw new DumpError('usage', 'option --if-exists requires option -c/--clean');
  const rows = o.rowsPerInsert;
  if (rows !== undefined && (!Number.isInteger(rows) || rows < 1 || rows > 2147483647)) {
    throw new DumpError('usage', `--rows-per-insert must be in range 1..2147483647`);
  }
  const rowsPerInsert = rows ?? (o.inserts || o.columnInserts ? 1 : 0);
  if (o.onConflictDoNothing && rowsPerInsert === 0) {
    throw new DumpError('usage', 'option --on-conflict-do-nothing requires option --inserts, --rows-per-insert, or --column-inserts');
  }
  const restrictKey = o.restrictKey ?? generateRestrictKey();
  if (!/^[A-Za-z0-9]+$/.test(restrictKey)) {
    throw new DumpError('usage', 'invalid restrict key: use letters and digits only');
  }
  if (o.syncMethod !== undefined && o.syncMethod !== 'fsync' && o.syncMethod !== 'syncfs') {
    throw new DumpError('usage', `unrecognized sync method: ${String(o.syncMethod)}`);
  }
  if (o.encoding !== undefined && !o.encoding.trim()) throw new DumpError('usage', 'invalid client encoding "" specified');
  return {
    restrictKey,
    clean: !!o.clean,
    ifExists: !!o.ifExists,
    // Archives always carry the database's own entries, for pg_restore --create.
    createDatabase: (!!o.create || (o.format !== undefined && o.format !== 'plain')) && !o.dataOnly,
    rowsPerInsert,
    columnInserts: !!o.columnInserts,
    onConflictDoNothing: !!o.onConflictDoNothing,
    disableTriggers: !!o.disableTriggers,
    superuser: o.superuser ?? null,
    setSessionAuthorization: !!o.useSetSessionAuthorization && !o.noOwner,
    loadViaPartitionRoot: !!o.loadViaPartitionRoot,
    disableDollarQuoting: !!o.disableDollarQuoting,
    quoteAllIdentifiers: !!o.quoteAllIdentifiers,
    encoding: o.encoding ?? null,
  };
}
