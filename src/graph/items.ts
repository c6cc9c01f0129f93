import type { DumpObject } from '../../catalog/objects.js';
import type { SequenceObject } from '../../catalog/sequences.js';

export type Section = 'pre-data' | 'data' | 'post-data';

/** What part of an object an item prints. */
export type ItemPart = 'definition' | 'data' | 'sequence-set' | 'refresh' | 'view-body' | 'domain-checks' | 'attach' | 'shell-type' | 'row-security';

export interface Item {
  readonly key: string;
  readonly object: DumpObject;
  readonly part: ItemPart;
  /** for sequence-set items of identity sequences, the sequence (the object is its table) */
  readonly sequence?: SequenceObject;
  /** data of an extension's configuration table: the rows matching this WHERE clause ('' = all) */
  readonly configCondition?: string;
  section: Section;
  priority: number;
  /** a default or check printed inside its table's CREATE; it has no output of its own */
  absorbed: boolean;
  /** a view whose real query comes later (view-body item): the definition is a placeholder */
  stubbed?: boolean;
  readonly deps: Set<string>;
  /** tie-break name: schema, then the name pg_dump would sort by */
  readonly sortName: string;
}

/** Dump order by kind, after dependencies; modelled on pg_dump's priorities. */
export function definitionPriority(o: DumpObject): number {
  switch (o.kind) {
    case 'schema':
      return 1;
    case 'extension':
      return 2;
    case 'enum':
    case 'composite':
    case 'domain':
    case 'range':
      return 4;
    case 'function':
      return 6;
    case 'sequence':
    case 'table':
    case 'view':
      return 10;
    case 'column-default':
      return 11;
    case 'constraint':
      return o.contype === 'f' ? 35 : o.contype === 'c' || o.contype === 'n' ? 31 : 30;
    case 'index':
      return 32;
    case 'trigger':
      return 34;
    case 'default-acl':
    case 'extension-acl':
      return 40;
    case 'index-attach':
      return 32.5;
    case 'rule':
      return 33.5;
    case 'policy':
      return 36;
    case 'ts-parser':
      return 8.6;
    case 'ts-template':
      return 8.7;
    case 'ts-dict':
      return 8.8;
    case 'ts-config':
      return 8.9;
    case 'statistics':
      return 33;
    case 'event-trigger':
      return 45;
    case 'large-object':
      return 12;
    case 'language':
      return 1.5;
    case 'collation':
      return 1.6;
    case 'transform':
      return 1.7;
    case 'base-type':
      return 4;
    case 'cast':
      return 5;
    case 'conversion':
      return 8.5;
    case 'foreign-data-wrapper':
      return 9;
    case 'foreign-server':
      return 9.2;
    case 'user-mapping':
      return 9.3;
    case 'foreign-table':
      return 10;
    case 'publication':
      return 37;
    case 'publication-table':
    case 'publication-schema':
      return 37.5;
    case 'subscription':
      return 38;
    case 'aggregate':
      return 6.5;
    case 'access-method':
      return 7;
    case 'operator':
      return 7.5;
    case 'opfamily':
      return 8;
    case 'opclass':
      return 8.2;
    // (new kinds: add `case 'x': return N;` above this line)
  }
}

export const PART_PRIORITY: Record<Exclude<ItemPart, 'definition'>, number> = {
  // just before functions: only a type's own I/O functions need its shell
  'shell-type': 5.9,
  attach: 10.2,
  'view-body': 10.5,
  'domain-checks': 31,
  // ENABLE ROW LEVEL SECURITY goes with the policies, after the data (pg_dump's ROW SECURITY entry)
  'row-security': 36,
  data: 20,
  'sequence-set': 21,
  refresh: 50,
};

export function sectionOf(priority: number): Section {
  if (priority < 20) return 'pre-data';
  if (priority < 30) return 'data';
  return 'post-data';
}

export function sortNameOf(o: DumpObject): string {
  const schema = o.schema ?? '';
  switch (o.kind) {
    case 'function':
    case 'aggregate':
      return `${schema}\u0000${o.name}(${o.identityArgs})`;
    case 'operator':
      return `${schema}\u0000${o.name}\u0000${o.leftType ?? ''}\u0000${o.rightType ?? ''}`;
    case 'opfamily':
    case 'opclass':
      return `${schema}\u0000${o.name}\u0000${o.accessMethod}`;
    case 'constraint':
    case 'index':
    case 'trigger':
    case 'rule':
    case 'policy':
      return `${schema}\u0000${o.tableName}\u0000${o.name}`;
    case 'publication-table':
      return `${schema}\u0000${o.tableName}\u0000${o.publication}`;
    case 'extension-acl':
      return `${schema}\u0000${o.label}\u0000${o.column ?? ''}`;
    default:
      return `${schema}\u0000${o.name}`;
  }
}
