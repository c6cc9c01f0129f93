import type { DataSource, TocEntry } from '../../src/toc/toc.js';
import { isDecoration } from '../../src/toc/deps.js';
import { catalogIdOf } from './catalog-ids.js';
import { SECTION_CODE, type ArchiveTocEntry } from './format.js';
import { ownerUnknownToRestore, restoreOwnerStatement } from './owner.js';

/** An archive entry with where its data comes from. */
export interface ArchiveEntry extends ArchiveTocEntry {
  readonly data: DataSource | null;
  /** the entry it was made from, for progress reports */
  readonly source: TocEntry | null;
}

export interface ArchiveEntryOptions {
  /** the client encoding of the archive's text and data */
  readonly encoding: string;
}

/** Relations pg_dump records a tablespace for ('' = the database's default). */
const HAS_TABLESPACE = new Set(['TABLE', 'MATERIALIZED VIEW', 'INDEX', 'CONSTRAINT']);
const HAS_TABLE_AM = new Set(['TABLE', 'MATERIALIZED VIEW']);

function withNewline(s: string): string {
  return s && !s.endsWith('\n') ? `${s}\n` : s;
}

/** Removes the statement pg_restore will add itself from a definition that carries it. */
function withoutOwner(defn: string, ownerStmt: string): string {
  if (!ownerStmt) return defn;
  const lines = defn.split('\n');
  const at = lines.lastIndexOf(ownerStmt);
  if (at < 0) return defn;
  lines.splice(at, 1);
  return lines.join('\n').replace(/\n+$/, '');
}

/**
 * pg_dump's archive entries for our TOC: the session settings pg_restore reads first (ENCODING,
 * STDSTRINGS, SEARCHPATH), then each entry with its definition as pg_dump stores it (statements
 * ending in a newline, no owner statement where pg_restore writes one, a sequence's OWNED BY as
 * its own SEQUENCE OWNED BY entry, since it needs the owner set first).
 */
export function archiveEntries(entries: readonly TocEntry[], opts: ArchiveEntryOptions): ArchiveEntry[] {
  let nextId = entries.reduce((m, e) => Math.max(m, e.dumpId), 0) + 1;
  const special = (tag: string, defn: string): ArchiveEntry => ({
    dumpId: nextId++,
    hadDumper: false,
    tableoid: 0,
    oid: 0,
    tag,
    desc: tag,
    section: SECTION_CODE['pre-data'],
    defn,
    dropStmt: '',
    copyStmt: null,
    namespace: null,
    tablespace: null,
    tableam: null,
    owner: null,
    deps: [],
    data: null,
    source: null,
  });
  const out: ArchiveEntry[] = [
    special('ENCODING', `SET client_encoding = '${opts.encoding.replace(/'/g, "''")}';\n`),
    special('STDSTRINGS', "SET standard_conforming_strings = 'on';\n"),
    special('SEARCHPATH', "SELECT pg_catalog.set_config('search_path', '', false);\n"),
  ];
  for (const e of entries) {
    const dropStmt = ownerUnknownToRestore(e.desc, e.owner, e.dropStmt) ? '' : withNewline(e.dropStmt);
    const owned = restoreOwnerStatement({ desc: e.desc, tag: e.tag, namespace: e.namespace, owner: e.owner, dropStmt });
    let defn: string;
    let afterOwner = '';
    if (e.data) defn = e.defn;
    else if (e.defnParts) {
      const p = e.defnParts;
      defn = withNewline([p.create, owned ? '' : p.owner].filter((s) => s).join('\n'));
      afterOwner = p.afterOwner;
      // pg_restore writes the owner after the definition: what needs the owner goes after that.
      if (afterOwner && !owned) {
        defn = withNewline([defn.replace(/\n$/, ''), afterOwner].join('\n'));
        afterOwner = '';
      }
    } else defn = withNewline(withoutOwner(e.defn, owned));
    const isDefinition = e.planKey !== undefined && e.planKey === e.objectId && !isDecoration(e.desc);
    const { tableoid, oid } = isDefinition ? catalogIdOf(e.objectId) : { tableoid: 0, oid: 0 };
    let { desc, tag } = e;
    // A view's real query, given after a placeholder: pg_restore would set the view's owner a
    // second time after it; pg_dump records it as the view's _RETURN rule, which it does not.
    if (owned && !e.defnParts && desc === 'VIEW') {
      desc = 'RULE';
      tag = `${e.tag} _RETURN`;
    }
    out.push({
      dumpId: e.dumpId,
      hadDumper: e.data !== null,
      tableoid,
      oid,
      tag,
      desc,
      section: SECTION_CODE[e.section],
      defn,
      dropStmt,
      copyStmt: e.copyStmt === null ? null : withNewline(e.copyStmt),
      namespace: e.namespace,
      tablespace: HAS_TABLESPACE.has(e.desc) ? '' : null,
      tableam: HAS_TABLE_AM.has(e.desc) ? 'heap' : null,
      owner: e.owner,
      deps: e.deps,
      data: e.data,
      source: e,
    });
    if (afterOwner) {
      out.push({
        ...special('SEQUENCE OWNED BY', withNewline(afterOwner)),
        tag: e.tag,
        namespace: e.namespace,
        owner: e.owner,
        section: SECTION_CODE[e.section],
        deps: [e.dumpId],
      });
    }
  }
  return out;
}
