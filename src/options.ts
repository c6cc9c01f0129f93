import type { ConnectionOptions } from './connection/index.js';

/** Every dump option; the CLI maps pg_dump's flags onto these fields one to one. */
export interface DumpOptions extends ConnectionOptions {
  /** output format; only 'plain' so far */
  format?: 'plain';
  /** -s: definitions only */
  schemaOnly?: boolean;
  /** -a: data only */
  dataOnly?: boolean;
  /** -O */
  noOwner?: boolean;
  /** -x */
  noPrivileges?: boolean;
  noComments?: boolean;
  serializableDeferrable?: boolean;
  snapshot?: string;
  /** e.g. '10s' or milliseconds as a string */
  lockWaitTimeout?: string;
  enableRowSecurity?: boolean;
  extraFloatDigits?: number;
  /** give up ACCESS SHARE locks (protection against concurrent DDL) */
  noTableLocks?: boolean;
  /** progress and warnings */
  onWarning?: (message: string) => void;
  onProgress?: (event: ProgressEvent) => void;
  signal?: AbortSignal;
}

export type ProgressEvent =
  | { type: 'catalog'; objects: number }
  | { type: 'entry'; desc: string; tag: string; namespace: string | null }
  | { type: 'data'; table: string; bytes: number };

export interface DumpResult {
  readonly entries: number;
  readonly tables: number;
  readonly dataBytes: number;
  readonly serverVersion: string;
  readonly queries: number;
  readonly warnings: readonly string[];
}
