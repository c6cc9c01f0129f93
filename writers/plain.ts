import type { TocEntry, DataSource } from '../src/toc/toc.js';
import { Sink } from './sink.js';
import type { PlainScript } from './plain-script.js';

export interface PlainHeader {
  readonly serverVersion: string;
  readonly toolVersion: string;
  readonly encoding: string;
  /** psql \restrict key: the script runs restricted to SQL and \unrestrict at its end */
  readonly restrictKey?: string;
}

export interface PlainWriterOptions {
  readonly header: PlainHeader;
  /** opens a data entry's contents (COPY rows, large object writes) when the writer reaches it */
  readonly openData: (source: DataSource) => AsyncIterable<Buffer | string>;
  readonly onEntry?: (entry: TocEntry) => void;
  readonly onDataChunk?: (entry: TocEntry, bytes: number) => void;
  /** what the output options add around the entries: drops, \connect, session users, triggers */
  readonly script?: PlainScript;
}

/** The trailer a complete script ends with; a truncated script lacks it. */
export const COMPLETE_MARKER = '--\n-- PostgreSQL database dump complete\n--\n';

function headerText(h: PlainHeader): string {
  return `--
-- PostgreSQL database dump
--
${h.restrictKey === undefined ? '' : `\n\\restrict ${h.restrictKey}\n`}
-- Dumped from database version ${h.serverVersion}
-- Dumped by pgdump-ts ${h.toolVersion}

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = '${h.encoding}';
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

/** Names may hold newlines; inside a `--` comment they would end it and leak SQL. */
function sanitize(s: string | null): string {
  return s === null ? '-' : s.replace(/[\r\n]/g, ' ');
}

function entryComment(e: TocEntry, prefix = ''): string {
  return `--\n-- ${prefix}Name: ${sanitize(e.tag)}; Type: ${e.desc}; Schema: ${sanitize(e.namespace)}; Owner: ${sanitize(e.owner)}\n--\n\n`;
}

/**
 * Writes the TOC as a psql script, streaming each table's COPY data straight from the
 * server into the output with backpressure, so memory does not grow with table size.
 */
export class PlainWriter {
  constructor(private readonly sink: Sink, private readonly opts: PlainWriterOptions) {}

  async write(entries: readonly TocEntry[]): Promise<void> {
    const sink = this.sink;
    await sink.write(headerText(this.opts.header));
    const script = this.opts.script;
    if (script) await sink.write(script.preamble(entries));
    for (const e of entries) {
      this.opts.onEntry?.(e);
      if (script) await sink.write(script.beforeEntry(e));
      if (e.data) {
        await sink.write(entryComment(e, 'Data for '));
        if (script) await sink.write(script.dataPrologue(e));
        if (e.copyStmt) await sink.write(`${e.copyStmt}\n`);
        for await (const chunk of this.opts.openData(e.data)) {
          await sink.write(chunk);
          this.opts.onDataChunk?.(e, chunk.length);
        }
        await sink.write(e.copyStmt ? '\\.\n\n\n' : '\n');
        if (script) await sink.write(script.dataEpilogue(e));
      } else if (e.defn) {
        await sink.write(entryComment(e));
        await sink.write(`${e.defn}\n\n\n`);
      }
      if (script) await sink.write(script.afterEntry(e));
    }
    await sink.write(COMPLETE_MARKER + '\n');
    if (script) await sink.write(script.trailer());
    await sink.flush();
  }
}
