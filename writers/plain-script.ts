import { entriesToDrop, withIfExists } from '../src/toc/clean.js';
import type { TocEntry } from '../src/toc/toc.js';
import { quoteIdent, quoteLiteral } from '../src/sql/quote.js';
import { DumpError } from '../src/errors.js';

/** How the script around the entries is shaped: pg_dump's restore-time options, applied at dump time. */
export interface ScriptOptions {
  /** key for psql's \restrict / \unrestrict */
  readonly restrictKey: string;
  /** the script's client_encoding, repeated after each \connect */
  readonly encoding: string;
  /** -c: drop statements before the creates */
  readonly clean: boolean;
  readonly ifExists: boolean;
  /** -C: the entries include the database, and the script reconnects into it */
  readonly createDatabase: boolean;
  /** --use-set-session-authorization (and not --no-owner) */
  readonly setSessionAuthorization: boolean;
  /** --disable-triggers in a data-only dump */
  readonly disableTriggers: boolean;
  /** -S: who disables the triggers; the session's own user when null */
  readonly superuser: string | null;
}

/** The settings a script makes right at the start, and again after each \connect. */
export function fixedOutputState(encoding: string): string {
  return `SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = ${quoteLiteral(encoding)};
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

`;
}

/** A libpq connection-string value, quoted unless it is plain ASCII letters, digits, `_` and `.`. */
function connStrValue(s: string): string {
  return /^[A-Za-z0-9_.]+$/.test(s) ? s : `'${s.replace(/['\\]/g, '\\$&')}'`;
}

/**
 * psql's \connect to `dbname`, written so that psql cannot read anything else into it: a plain
 * name as an identifier; anything else as a quoted `dbname=...` connection string, after
 * switching psql to SQL_ASCII so any byte sequence in the name parses.
 */
export function psqlConnect(dbname: string): string {
  if (/[\r\n]/.test(dbname)) {
    throw new DumpError('unsupported', `database name "${dbname.replace(/[\r\n]/g, ' ')}" contains a newline or carriage return: psql's \\connect cannot name it`);
  }
  if (/^[A-Za-z0-9_.]+$/.test(dbname)) return `\\connect ${quoteIdent(dbname)}\n`;
  return `\\encoding SQL_ASCII\n\\connect -reuse-previous=on ${quoteIdent(`dbname=${connStrValue(dbname)}`)}\n`;
}

/**
 * The statements the plain writer adds around the entries, tracking what the script's session
 * is, the way pg_dump's archiver does: who the session user is (SET SESSION AUTHORIZATION only
 * when it changes), where \connect happens, and the \restrict bracket.
 */
export class PlainScript {
  /** the script session's user as far as we know; null when unknown */
  private currentUser: string | null = null;

  constructor(private readonly opts: ScriptOptions) {}

  /** After the header: the drop statements of --clean, last created first. */
  preamble(entries: readonly TocEntry[]): string {
    if (!this.opts.clean) return '';
    let out = '';
    for (const e of entriesToDrop(entries, this.opts.createDatabase)) {
      out += this.becomeOwner(e);
      out += `${this.opts.ifExists ? withIfExists(e) : e.dropStmt}\n`;
    }
    return out;
  }

  /** Before an entry's header comment. */
  beforeEntry(e: TocEntry): string {
    return this.becomeOwner(e);
  }

  /** After a data entry's header comment, before its rows. */
  dataPrologue(e: TocEntry): string {
    let out = e.defn ? `${e.defn}\n\n` : '';
    if (this.opts.disableTriggers && e.data?.kind === 'copy') {
      out += this.becomeUser(this.opts.superuser ?? '');
      out += `ALTER TABLE ${e.data.table} DISABLE TRIGGER ALL;\n\n`;
      out += this.becomeOwner(e);
    }
    return out;
  }

  /** After a data entry's rows. */
  dataEpilogue(e: TocEntry): string {
    if (!this.opts.disableTriggers || e.data?.kind !== 'copy') return '';
    return `${this.becomeUser(this.opts.superuser ?? '')}ALTER TABLE ${e.data.table} ENABLE TRIGGER ALL;\n\n`;
  }

  /** After an entry: reconnect into the new database; forget the session user after grants. */
  afterEntry(e: TocEntry): string {
    // Privilege entries may switch the session user themselves (grants replayed as their grantor).
    if (e.desc === 'ACL' || e.desc === 'DEFAULT ACL') this.currentUser = null;
    if (this.opts.createDatabase && (e.desc === 'DATABASE' || e.desc === 'DATABASE PROPERTIES')) {
      this.currentUser = null;
      const key = this.opts.restrictKey;
      // \connect is a meta-command: leave restricted mode just for it.
      return `\\unrestrict ${key}\n${psqlConnect(e.tag)}\\restrict ${key}\n\n${fixedOutputState(this.opts.encoding)}`;
    }
    return '';
  }

  /** After the completion marker. */
  trailer(): string {
    return `\\unrestrict ${this.opts.restrictKey}\n\n`;
  }

  private becomeOwner(e: TocEntry): string {
    return this.opts.setSessionAuthorization ? this.becomeUser(e.owner ?? '') : '';
  }

  private becomeUser(user: string): string {
    if (this.currentUser === user) return '';
    this.currentUser = user;
    return `SET SESSION AUTHORIZATION ${user ? quoteLiteral(user) : 'DEFAULT'};\n\n`;
  }
}
