import type { ProgressEvent } from '../options.js';

/** Least time between two redraws of the progress line. */
const REDRAW_MS = 250;

interface Table {
  readonly name: string;
  readonly estimatedBytes: number;
  readonly estimatedRows: number | null;
  rows: number;
  bytes: number;
}

export interface ProgressOutput {
  write(s: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

export interface ProgressDisplay {
  readonly onEvent: (e: ProgressEvent) => void;
  /** clears the progress line (before the process prints anything else or exits) */
  stop(): void;
}

function size(b: number): string {
  if (b < 1024) return `${b} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = b / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : v.toFixed(0)} ${units[i]}`;
}

function count(n: number): string {
  if (n < 10_000) return String(n);
  if (n < 10_000_000) return `${(n / 1000).toFixed(0)}k`;
  return `${(n / 1e6).toFixed(1)}M`;
}

function duration(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '--:--';
  const t = Math.round(s);
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const sec = String(t % 60).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** How far through its data a table is, 0..1: by rows when the catalog estimates them, else by bytes. */
function fraction(t: Table): number {
  if (t.estimatedRows !== null && t.estimatedRows > 0) return Math.min(1, t.rows / t.estimatedRows);
  if (t.estimatedBytes > 0) return Math.min(1, t.bytes / t.estimatedBytes);
  return 0;
}

/**
 * The state behind the progress line: current tables, rows and bytes read, overall percentage
 * by estimated size, throughput and ETA. Separate from drawing so it can be tested.
 */
export class ProgressState {
  private readonly active = new Map<string, Table>();
  private totalEstimated = 0;
  private doneEstimated = 0;
  private doneBytes = 0;
  private doneRows = 0;
  private tablesDone = 0;
  private tables = 0;
  private dataStarted = 0;

  update(e: ProgressEvent, now = Date.now()): void {
    switch (e.type) {
      case 'data-plan':
        this.totalEstimated = e.estimatedBytes;
        this.tables = e.tables;
        break;
      case 'table-start':
        if (!this.dataStarted) this.dataStarted = now;
        this.active.set(`${e.schema}.${e.table}`, { name: `${e.schema}.${e.table}`, estimatedBytes: e.estimatedBytes, estimatedRows: e.estimatedRows, rows: 0, bytes: 0 });
        break;
      case 'table-progress': {
        const t = this.active.get(`${e.schema}.${e.table}`);
        if (t) {
          t.rows = e.rows;
          t.bytes = e.bytes;
        }
        break;
      }
      case 'table-done': {
        const key = `${e.schema}.${e.table}`;
        const t = this.active.get(key);
        this.active.delete(key);
        this.doneEstimated += t?.estimatedBytes ?? 0;
        this.doneBytes += e.bytes;
        this.doneRows += e.rows;
        this.tablesDone++;
        break;
      }
      default:
        break;
    }
  }

  get started(): boolean {
    return this.dataStarted > 0;
  }

  line(now = Date.now()): string {
    let bytes = this.doneBytes;
    let rows = this.doneRows;
    let estimatedDone = this.doneEstimated;
    for (const t of this.active.values()) {
      bytes += t.bytes;
      rows += t.rows;
      estimatedDone += t.estimatedBytes * fraction(t);
    }
    const p = this.totalEstimated > 0 ? Math.min(1, estimatedDone / this.totalEstimated) : this.tables ? this.tablesDone / this.tables : 0;
    const elapsed = (now - this.dataStarted) / 1000;
    const rate = elapsed > 0 ? bytes / elapsed : 0;
    const eta = p > 0 && p < 1 ? (elapsed * (1 - p)) / p : p >= 1 ? 0 : NaN;
    const current = [...this.active.keys()].join(', ');
    return `${(p * 100).toFixed(0).padStart(3)}% ${this.tablesDone}/${this.tables} tables ${count(rows)} rows ${size(bytes)} ${size(rate)}/s ETA ${duration(eta)}${current ? `  ${current}` : ''}`;
  }
}

/**
 * What --progress, --no-progress and --json-progress ask for: one updating line on a terminal,
 * JSON lines for machines, or nothing (the default when stderr is not a terminal).
 */
export function progressDisplay(flags: { progress?: boolean; jsonProgress?: boolean }, out: ProgressOutput): ProgressDisplay | null {
  if (flags.jsonProgress) {
    const start = Date.now();
    return {
      onEvent: (e) => {
        if (e.type === 'entry' || e.type === 'data') return;
        out.write(`${JSON.stringify({ ...e, elapsedMs: Date.now() - start })}\n`);
      },
      stop: () => undefined,
    };
  }
  if (!(flags.progress ?? !!out.isTTY)) return null;
  const state = new ProgressState();
  let last = 0;
  let drawn = false;
  const tty = !!out.isTTY;
  const draw = () => {
    const width = Math.max(20, (out.columns ?? 100) - 1);
    const text = `pgdump-ts: ${state.line()}`;
    // Not a terminal (--progress into a file or pipe): one line per redraw instead of rewriting one.
    out.write(tty ? `\r${text.slice(0, width)}\x1b[K` : `${text}\n`);
    drawn = true;
  };
  return {
    onEvent: (e) => {
      state.update(e);
      if (!state.started) return;
      const now = Date.now();
      // A terminal line is rewritten 4 times a second; anything else gets a line a second.
      if (now - last >= (tty ? REDRAW_MS : 1000)) {
        last = now;
        draw();
      }
    },
    stop: () => {
      if (drawn && tty) out.write('\r\x1b[K');
      drawn = false;
    },
  };
}
