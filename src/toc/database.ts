import type { DatabaseInfo } from '../../catalog/database.js';
import {
  emitCreateDatabase,
  emitDatabaseAcl,
  emitDatabaseComment,
  emitDatabaseOwner,
  emitDatabaseProperties,
  emitDatabaseSecurityLabels,
  emitDropDatabase,
} from '../ddl/database.js';
import { quoteIdent } from '../sql/quote.js';
import type { TocEntry } from './toc.js';

export interface DatabaseEntryOptions {
  readonly version: number;
  readonly noOwner: boolean;
  readonly noPrivileges: boolean;
  readonly noComments: boolean;
  readonly noSecurityLabels?: boolean;
  /** --no-tablespaces: CREATE DATABASE without its TABLESPACE */
  readonly noTablespaces?: boolean;
}

type Entry = Omit<TocEntry, 'dumpId'>;

/**
 * The --create entries, as pg_dump lays them out: DATABASE (the writer reconnects after it),
 * its comment and security labels, DATABASE PROPERTIES (reconnect again so the settings take
 * effect), and the database's privileges, which go with the other ACLs.
 */
export function databaseEntries(db: DatabaseInfo, opts: DatabaseEntryOptions): { head: Entry[]; acl: Entry | null } {
  if (opts.noTablespaces) db = { ...db, tablespace: null };
  const base = { namespace: null, owner: db.owner, section: 'pre-data' as const, deps: [], copyStmt: null, data: null };
  const label = `DATABASE ${quoteIdent(db.name)}`;
  const head: Entry[] = [];
  const create = [emitCreateDatabase(db, opts.version), opts.noOwner ? '' : emitDatabaseOwner(db)].filter((s) => s).join('\n');
  head.push({ ...base, tag: db.name, desc: 'DATABASE', defn: create, dropStmt: emitDropDatabase(db) });
  const comment = opts.noComments ? null : emitDatabaseComment(db);
  if (comment) head.push({ ...base, tag: label, desc: 'COMMENT', defn: comment, dropStmt: '' });
  const labels = opts.noSecurityLabels ? null : emitDatabaseSecurityLabels(db);
  if (labels) head.push({ ...base, tag: label, desc: 'SECURITY LABEL', defn: labels, dropStmt: '' });
  const props = emitDatabaseProperties(db);
  if (props.create) head.push({ ...base, tag: db.name, desc: 'DATABASE PROPERTIES', defn: props.create, dropStmt: props.drop });
  const aclSql = opts.noPrivileges ? '' : emitDatabaseAcl(db);
  const acl = aclSql ? { ...base, tag: label, desc: 'ACL', defn: aclSql, dropStmt: '' } : null;
  return { head, acl };
}
