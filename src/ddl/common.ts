import type { ConstraintObject } from '../../catalog/constraints.js';
import { quoteIdent, quoteLiteral } from '../sql/quote.js';
import type { AclClass } from './acl.js';

/** What an emitter needs beyond the object: decisions the graph made and server facts. */
export interface EmitContext {
  readonly version: number;
  /** column defaults that stay inside CREATE TABLE, by table id then column */
  readonly inlineDefaults: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** CHECK constraints that stay inside CREATE TABLE, by table id */
  readonly inlineChecks: ReadonlyMap<string, readonly ConstraintObject[]>;
  /** qualified names of relations by object id, for references such as OWNED BY */
  readonly relationNames: ReadonlyMap<string, string>;
}

export interface CommentDdl {
  /** `TABLE s.t`, `COLUMN s.t.c`: what COMMENT ON names */
  readonly label: string;
  readonly sql: string;
}

/** Everything a TOC entry needs for one object, as SQL text. */
export interface ObjectDdl {
  /** pg_dump's entry type: TABLE, VIEW, FUNCTION, ... */
  readonly desc: string;
  /** pg_dump's tag: the name as shown in `-- Name:` headers */
  readonly tag: string;
  readonly create: string;
  readonly drop: string;
  /** ALTER ... OWNER TO, kept apart so --no-owner can drop it */
  readonly owner: string;
  /** statements that need the final owner in place (a sequence's OWNED BY needs the table's owner) */
  readonly afterOwner?: string;
  readonly comments: readonly CommentDdl[];
  /** column privileges, one ACL entry per column as pg_dump has them (`COLUMN s.t.c`) */
  readonly columnAcls?: readonly CommentDdl[];
  /** what SECURITY LABEL names (`TABLE s.t`), for the kinds that can carry labels */
  readonly labelTarget?: string;
  /** `TABLE s.t`-style label for ACL headers; null when the object has no privileges */
  readonly aclLabel: string | null;
  readonly acl: string;
}

export function ownerStatement(alterWhat: string, owner: string | null): string {
  return owner ? `ALTER ${alterWhat} OWNER TO ${quoteIdent(owner)};` : '';
}

export function commentOn(label: string, text: string | null): CommentDdl[] {
  return text === null ? [] : [{ label, sql: `COMMENT ON ${label} IS ${quoteLiteral(text)};` }];
}

/** `WITH (a='1', b='x')` from reloptions as the server stores them (`a=1`). */
export function formatOptions(options: readonly string[], prefix = ''): string[] {
  return options.map((o) => {
    const eq = o.indexOf('=');
    const key = eq < 0 ? o : o.slice(0, eq);
    const value = eq < 0 ? '' : o.slice(eq + 1);
    return `${prefix}${key}=${quoteLiteral(value)}`;
  });
}

export type { AclClass };
