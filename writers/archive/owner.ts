import { quoteIdent } from '../../src/sql/quote.js';

/** Entry types whose owner pg_restore sets with `ALTER <object> OWNER TO`, from the entry's fields. */
const OWNED_TYPES = new Set([
  'AGGREGATE', 'BLOB', 'COLLATION', 'CONVERSION', 'DATABASE', 'DOMAIN', 'FUNCTION', 'OPERATOR',
  'OPERATOR CLASS', 'OPERATOR FAMILY', 'PROCEDURE', 'PROCEDURAL LANGUAGE', 'SCHEMA', 'EVENT TRIGGER',
  'TABLE', 'TYPE', 'VIEW', 'MATERIALIZED VIEW', 'SEQUENCE', 'FOREIGN TABLE', 'TEXT SEARCH DICTIONARY',
  'TEXT SEARCH CONFIGURATION', 'FOREIGN DATA WRAPPER', 'SERVER', 'STATISTICS', 'PUBLICATION', 'SUBSCRIPTION',
]);

/** Types named as `<TYPE> [schema.]name`; relations go through ALTER TABLE. */
const PLAIN_NAMED = new Set([
  'COLLATION', 'CONVERSION', 'DOMAIN', 'TABLE', 'TYPE', 'FOREIGN TABLE', 'TEXT SEARCH DICTIONARY',
  'TEXT SEARCH CONFIGURATION', 'STATISTICS', 'DATABASE', 'PROCEDURAL LANGUAGE', 'SCHEMA', 'EVENT TRIGGER',
  'FOREIGN DATA WRAPPER', 'SERVER', 'PUBLICATION', 'SUBSCRIPTION',
]);

/** Types whose name needs their signature, which pg_restore takes from the DROP statement. */
const NAMED_BY_DROP = new Set(['AGGREGATE', 'FUNCTION', 'OPERATOR', 'OPERATOR CLASS', 'OPERATOR FAMILY', 'PROCEDURE']);

/** Entry types pg_restore knows to have no owner of their own: it sets none, and says nothing. */
const UNOWNED_TYPES = new Set([
  'CAST', 'CHECK CONSTRAINT', 'CONSTRAINT', 'DATABASE PROPERTIES', 'DEFAULT', 'FK CONSTRAINT', 'INDEX', 'RULE',
  'TRIGGER', 'ROW SECURITY', 'POLICY', 'USER MAPPING',
]);

/**
 * Would pg_restore warn that it does not know how to set this entry's owner? It does for an
 * entry with an owner and a drop statement of a type on neither of its lists; pg_dump gives
 * such entries (a publication's tables) no drop statement.
 */
export function ownerUnknownToRestore(desc: string, owner: string | null, dropStmt: string): boolean {
  return !!owner && !!dropStmt && !OWNED_TYPES.has(desc) && !UNOWNED_TYPES.has(desc);
}

export interface OwnedEntryFields {
  readonly desc: string;
  readonly tag: string;
  readonly namespace: string | null;
  readonly owner: string | null;
  /** as the archive stores it */
  readonly dropStmt: string;
}

/**
 * The owner statement pg_restore writes after an entry's definition (unless --no-owner), or ''
 * when it writes none: only for the types above, and only for entries that have an owner and a
 * drop statement. Archives therefore carry definitions without their owner statement.
 */
export function restoreOwnerStatement(e: OwnedEntryFields): string {
  if (!e.owner || !e.dropStmt || !OWNED_TYPES.has(e.desc)) return '';
  const type = e.desc === 'VIEW' || e.desc === 'SEQUENCE' || e.desc === 'MATERIALIZED VIEW' ? 'TABLE' : e.desc;
  let object: string;
  if (PLAIN_NAMED.has(type)) {
    object = `${type} ${e.namespace ? `${quoteIdent(e.namespace)}.` : ''}${quoteIdent(e.tag)}`;
  } else if (type === 'BLOB') {
    object = `LARGE OBJECT ${e.tag}`;
  } else if (NAMED_BY_DROP.has(type)) {
    object = e.dropStmt.slice(5).replace(/[;\n]+$/, '');
  } else {
    return '';
  }
  return `ALTER ${object} OWNER TO ${quoteIdent(e.owner)};`;
}
