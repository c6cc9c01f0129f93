import type { ColumnDefaultObject } from '../../catalog/column-defaults.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { type ObjectDdl } from './common.js';

/** A default printed apart from its table (loop breaking, or a view column). */
export function emitColumnDefault(d: ColumnDefaultObject): ObjectDdl {
  const table = qualify(d.schema, d.tableName);
  const col = quoteIdent(d.column);
  const alter = d.tableOnView ? 'ALTER VIEW' : 'ALTER TABLE ONLY';
  return {
    desc: 'DEFAULT',
    tag: `${d.tableName} ${d.column}`,
    create: `${alter} ${table} ALTER COLUMN ${col} SET DEFAULT ${d.expression};`,
    // As pg_dump: ALTER TABLE (views accept it too) without ONLY, so --if-exists can make it conditional.
    drop: `ALTER TABLE ${table} ALTER COLUMN ${col} DROP DEFAULT;`,
    owner: '',
    comments: [],
    aclLabel: null,
    acl: '',
  };
}
