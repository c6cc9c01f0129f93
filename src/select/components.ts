import type { DumpObject } from '../../catalog/objects.js';
import type { SequenceObject } from '../../catalog/sequences.js';
import type { Selection } from './resolve.js';

/** The parts of a planned dump item this stage decides on (structurally the graph's Item). */
export interface PlannedPart {
  readonly object: DumpObject;
  readonly part: string;
  readonly section: string;
  readonly sequence?: SequenceObject;
}

/**
 * Whether one planned item is dumped, by pg_dump's component rules: definitions are schema;
 * table rows, sequence values and large objects (their lo_create too, with its comment and
 * privileges) are data; a materialized view's refresh is data that pg_dump files as schema,
 * so it needs both. --sequence-data keeps sequence values in a dump without data;
 * --exclude-table-data and --no-unlogged-table-data drop rows, values and refreshes of the
 * relations they name; --section keeps only the named sections.
 */
export function keepsPart(item: PlannedPart, sel: Selection): boolean {
  if (!(sel.sections as ReadonlySet<string>).has(item.section)) return false;
  const o = item.object;
  switch (item.part) {
    case 'data':
      if (o.kind === 'large-object') return sel.dumpData;
      if (o.kind === 'table') return sel.dumpData && !sel.excludedData.hasOid(o.oid) && !(o.unlogged && sel.noUnloggedTableData);
      if (o.kind === 'foreign-table') return sel.dumpData && !sel.excludedData.hasOid(o.oid);
      return sel.dumpData;
    case 'sequence-set': {
      const seq = item.sequence ?? (o.kind === 'sequence' ? o : null);
      if (!(sel.dumpData || sel.sequenceData)) return false;
      return seq === null || (!sel.excludedData.hasOid(seq.oid) && !(seq.unlogged && sel.noUnloggedTableData));
    }
    case 'refresh':
      return sel.dumpData && sel.dumpSchema && !sel.excludedData.hasOid(o.oid);
    case 'definition':
      return o.kind === 'large-object' ? sel.dumpData : sel.dumpSchema;
    default:
      return sel.dumpSchema;
  }
}
