import type { DumpOptions } from '../options.js';

/** What the shared flags set. */
export type ScriptOptions = Pick<
  DumpOptions,
  | 'lockWaitTimeout' | 'extraFloatDigits' | 'encoding' | 'inserts' | 'columnInserts' | 'rowsPerInsert'
  | 'onConflictDoNothing' | 'disableTriggers' | 'superuser' | 'disableDollarQuoting' | 'quoteAllIdentifiers'
  | 'useSetSessionAuthorization' | 'loadViaPartitionRoot' | 'restrictKey' | 'noSync' | 'skipUnreadable'
>;

/**
 * The flags pg_dump and pg_dumpall share that shape the script itself, as commander parses
 * them: the options they set, spelled as flags (--attribute-inserts, --no-sync).
 */
export interface ScriptFlags extends Omit<ScriptOptions, 'noSync'> {
  attributeInserts?: boolean;
  /** false with --no-sync */
  sync: boolean;
}

/** The options those shared flags map to, the same for pgdump-ts and pgdumpall-ts. */
export function scriptOptions(f: ScriptFlags): ScriptOptions {
  return {
    lockWaitTimeout: f.lockWaitTimeout,
    extraFloatDigits: f.extraFloatDigits,
    encoding: f.encoding,
    inserts: f.inserts,
    columnInserts: f.columnInserts || f.attributeInserts,
    rowsPerInsert: f.rowsPerInsert,
    onConflictDoNothing: f.onConflictDoNothing,
    disableTriggers: f.disableTriggers,
    superuser: f.superuser,
    disableDollarQuoting: f.disableDollarQuoting,
    quoteAllIdentifiers: f.quoteAllIdentifiers,
    useSetSessionAuthorization: f.useSetSessionAuthorization,
    loadViaPartitionRoot: f.loadViaPartitionRoot,
    restrictKey: f.restrictKey,
    noSync: !f.sync,
    skipUnreadable: f.skipUnreadable,
  };
}
