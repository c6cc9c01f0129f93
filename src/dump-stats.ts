import type { DumpOptions, DumpResult, ProgressEvent } from './options.js';

/** What the dump itself knows at the end; the rest of the result is counted from its events. */
export interface DumpTotals {
  readonly entries: number;
  readonly lockedTables: number;
  readonly dataBytes: number;
  readonly serverVersion: string;
  readonly queries: number;
  readonly warnings: readonly string[];
}

/**
 * Counts what a dump writes, from the progress events it emits anyway: objects by kind, tables
 * whose rows were written, rows. Wraps the caller's onProgress (the caller still gets every event).
 */
export class DumpStats {
  private readonly started = performance.now();
  private readonly objects: Record<string, number> = {};
  private tables = 0;
  private rows = 0;
  readonly onProgress: (e: ProgressEvent) => void;

  constructor(forward?: (e: ProgressEvent) => void) {
    this.onProgress = (e) => {
      if (e.type === 'entry') this.objects[e.desc] = (this.objects[e.desc] ?? 0) + 1;
      else if (e.type === 'table-done') {
        this.tables++;
        this.rows += e.rows;
      }
      forward?.(e);
    };
  }

  /** `options` with the counting onProgress in place of the caller's (which it forwards to). */
  wrap<T extends Pick<DumpOptions, 'onProgress'>>(options: T): T {
    return { ...options, onProgress: this.onProgress };
  }

  result(t: DumpTotals): DumpResult {
    return {
      entries: t.entries,
      objects: { ...this.objects },
      tables: this.tables,
      rows: this.rows,
      dataBytes: t.dataBytes,
      lockedTables: t.lockedTables,
      serverVersion: t.serverVersion,
      queries: t.queries,
      warnings: t.warnings,
      durationMs: Math.round(performance.now() - this.started),
    };
  }
}
