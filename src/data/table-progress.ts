import type { ProgressEvent, TableProgressEvent } from '../options.js';
import type { CopySource } from '../toc/toc.js';

/** Rows in a piece of COPY text output: one line each (newlines inside values are escaped as \n). */
function countLines(chunk: Buffer): number {
  let n = 0;
  for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) n++;
  return n;
}

/**
 * Passes a table's data through unchanged, announcing it with table-start, table-progress
 * (after each piece, with running totals) and table-done. Rows are counted from COPY text
 * lines; a source that yields statements (INSERTs) reports its row count as its return value.
 */
export async function* trackTableData(
  src: CopySource,
  data: AsyncIterable<Buffer | string>,
  emit: (e: ProgressEvent) => void,
): AsyncGenerator<Buffer | string, void, undefined> {
  const event = (type: TableProgressEvent['type']): TableProgressEvent => ({ type, schema: src.object.schema ?? '', table: src.object.name, rows, bytes });
  let rows = 0;
  let bytes = 0;
  emit(event('table-start'));
  const it = data[Symbol.asyncIterator]();
  let finished = false;
  try {
    for (;;) {
      const next = await it.next();
      if (next.done) {
        finished = true;
        if (typeof next.value === 'number') rows = next.value;
        break;
      }
      const chunk = next.value;
      if (typeof chunk === 'string') bytes += Buffer.byteLength(chunk);
      else {
        bytes += chunk.length;
        rows += countLines(chunk);
      }
      emit(event('table-progress'));
      yield chunk;
    }
  } finally {
    // Stopped early (failed write, abort): let the source close its query.
    if (!finished) await it.return?.();
  }
  emit(event('table-done'));
}
