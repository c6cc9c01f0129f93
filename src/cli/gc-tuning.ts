import v8 from 'node:v8';

/**
 * Garbage-collector settings for the command-line tools' own process (never the library's:
 * an application's heap is its own business).
 *
 * A dump streams gigabytes through short-lived buffers while its old generation stays small
 * (tens of MB). With incremental marking, V8 keeps starting full mark-compact cycles against
 * that small old generation's allocation limit, about ten a second for the length of a large
 * COPY; measured on a 10M-row table (bench `wide`), this was 1.3-1.5 s of the dump's 4 s of
 * client CPU. Without it, full collections happen only when the old generation has actually
 * grown, as atomic pauses, which a batch process does not mind. Schema-heavy dumps (bench
 * `many`) are unchanged.
 */
export function tuneGarbageCollector(): void {
  if (process.env.PGDUMP_TS_KEEP_GC_FLAGS === '1') return;
  v8.setFlagsFromString('--no-incremental-marking');
}
