// A nightly backup with rotation: dumps the database to `<dir>/<name>-<timestamp>.sql.gz`
// (written under a temporary name and renamed when complete, so a failed night never leaves a
// file that looks like a backup), then keeps only the newest `keep` backups.
//
//   node dist/examples/nightly-backup.js postgres://localhost/app /var/backups/app 7
//
// Run it from cron or a systemd timer; it exits non-zero (with one line on stderr) on failure.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { dumpToFile, EXIT_CODES, isDumpError, type DumpResult } from 'pgdump-ts';

export interface NightlyOptions {
  /** the database (URI, conninfo or name) */
  readonly dbname: string;
  /** where backups live */
  readonly dir: string;
  /** how many backups to keep, newest first (default 7) */
  readonly keep?: number;
  /** file name prefix (default: the database name) */
  readonly name?: string;
  /** the clock, for tests */
  readonly now?: Date;
}

export interface NightlyResult {
  readonly file: string;
  readonly summary: DumpResult;
  /** backups removed by the rotation */
  readonly removed: readonly string[];
}

/** `2026-11-25T02-00-00Z`: sorts by time as text, and is a valid file name everywhere. */
function stamp(d: Date): string {
  return d.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

export async function nightlyBackup(o: NightlyOptions): Promise<NightlyResult> {
  const name = o.name ?? (/^[a-z]+:\/\//.test(o.dbname) ? new URL(o.dbname).pathname.slice(1) : o.dbname);
  const file = path.join(o.dir, `${name}-${stamp(o.now ?? new Date())}.sql.gz`);
  const summary = await dumpToFile(file, { dbname: o.dbname, compress: 6 });
  // Rotation only after a good backup: a failing night never eats into the old ones.
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{4}-\\d\\d-\\d\\dT\\d\\d-\\d\\d-\\d\\dZ\\.sql\\.gz$`);
  const backups = (await readdir(o.dir)).filter((f) => pattern.test(f)).sort().reverse();
  const removed = backups.slice(o.keep ?? 7);
  for (const f of removed) await rm(path.join(o.dir, f));
  return { file, summary, removed };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dbname, dir, keep] = process.argv.slice(2);
  if (!dbname || !dir) {
    console.error('usage: nightly-backup.js DBNAME DIR [KEEP]');
    process.exit(2);
  }
  try {
    const r = await nightlyBackup({ dbname, dir, keep: keep ? Number(keep) : undefined });
    console.log(`${r.file}: ${r.summary.tables} tables, ${r.summary.rows} rows in ${r.summary.durationMs} ms; removed ${r.removed.length} old backups`);
  } catch (e) {
    console.error(`nightly-backup: ${(e as Error).message}`);
    process.exit(isDumpError(e) ? EXIT_CODES[e.code] : 1);
  }
}
