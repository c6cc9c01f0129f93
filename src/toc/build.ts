import type { Plan } from '../graph/plan.js';
import type { Item } from '../graph/items.js';
import type { TableObject } from '../../catalog/tables.js';
import { emitObject, type EmitContext } from '../ddl/index.js';
import { emitSequenceSet } from '../ddl/sequence.js';
import { emitDomainLateChecks } from '../ddl/domain.js';
import { emitShellType } from '../ddl/base-type.js';
import { emitAttachPartition, emitRowSecurity } from '../ddl/table.js';
import { withStandardQuotedBody } from '../ddl/function-body.js';
import { emitMatviewRefresh, emitViewBody, emitViewStub } from '../ddl/view.js';
import { qualify, quoteIdent, quoteLiteral } from '../sql/quote.js';
import type { SecurityLabelMap } from '../../catalog/security-labels.js';
import type { DefnParts, TocEntry } from './toc.js';
import { linkDependencies } from './deps.js';
import { foreignTableDataEntry } from './foreign-data.js';
import type { ConstraintObject } from '../../catalog/constraints.js';

export interface TocOptions {
  readonly version: number;
  readonly noOwner: boolean;
  readonly noPrivileges: boolean;
  readonly noComments: boolean;
  /** --use-set-session-authorization: objects are created by their owner, so no ALTER ... OWNER TO */
  readonly useSetSessionAuthorization?: boolean;
  /** --disable-dollar-quoting: function bodies as standard string literals */
  readonly disableDollarQuoting?: boolean;
  /** SECURITY LABELs to dump (absent with --no-security-labels) */
  readonly securityLabels?: SecurityLabelMap;
}

/**
 * pg_dump names COMMENT, SECURITY LABEL and ACL entries with the object's unqualified name
 * (`TABLE t`, `COLUMN t.c`, `FUNCTION f(integer)`); the schema is the entry's namespace.
 */
export function unqualifiedTag(label: string, schema: string | null): string {
  if (schema === null) return label;
  const prefix = ` ${quoteIdent(schema)}.`;
  const at = label.indexOf(prefix);
  return at < 0 ? label : label.slice(0, at + 1) + label.slice(at + prefix.length);
}

/** Column list for COPY: generated columns are computed on restore, never copied. */
export function copyColumns(t: TableObject): string[] {
  return t.columns.filter((c) => !c.generated).map((c) => quoteIdent(c.name));
}

type EntryBase = Pick<TocEntry, 'namespace' | 'owner' | 'section' | 'deps' | 'objectId' | 'planKey'>;

/**
 * An entry without data, built field by field: one object shape for the tens of thousands of
 * entries of a big schema (spreading `base` into each made every entry a fresh dictionary).
 */
function entry(base: EntryBase, tag: string, desc: string, defn: string, dropStmt = '', defnParts?: DefnParts): Omit<TocEntry, 'dumpId'> {
  return {
    namespace: base.namespace,
    owner: base.owner,
    section: base.section,
    deps: base.deps,
    objectId: base.objectId,
    planKey: base.planKey,
    tag,
    desc,
    defn,
    dropStmt,
    copyStmt: null,
    data: null,
    ...(defnParts ? { defnParts } : {}),
  };
}

/**
 * Turns the sorted plan into archive entries. Like pg_dump, comments follow their object,
 * privileges come after every definition (so default privileges and grants see the final
 * objects), and materialized views are refreshed last, after the privileges they may need.
 */
export function buildToc(plan: Plan, opts: TocOptions): TocEntry[] {
  const relationNames = new Map<string, string>();
  for (const item of plan.items) {
    if (item.object.kind === 'table' || item.object.kind === 'view' || item.object.kind === 'foreign-table') {
      relationNames.set(item.object.id, qualify(item.object.schema, item.object.name));
    }
  }
  const ctx: EmitContext = {
    version: opts.version,
    inlineDefaults: plan.inlineDefaults,
    inlineChecks: plan.inlineChecks as ReadonlyMap<string, readonly ConstraintObject[]>,
    relationNames,
  };
  const main: Omit<TocEntry, 'dumpId'>[] = [];
  const acls: Omit<TocEntry, 'dumpId'>[] = [];
  const refreshes: Omit<TocEntry, 'dumpId'>[] = [];
  for (const item of plan.items) {
    const o = item.object;
    const base: EntryBase = { namespace: o.kind === 'extension' ? null : o.schema, owner: o.owner, section: item.section, deps: [] as number[], objectId: o.id, planKey: item.key };
    switch (item.part) {
      case 'definition': {
        let ddl = emitObject(o, ctx);
        const ownerStmt = ddl.owner;
        if (item.stubbed && o.kind === 'view') ddl = { ...ddl, create: emitViewStub(o) };
        // An object that is not created here (the public schema) still needs its owner set.
        if (opts.useSetSessionAuthorization && ddl.create) ddl = { ...ddl, owner: '' };
        if (opts.disableDollarQuoting && o.kind === 'function') ddl = { ...ddl, create: withStandardQuotedBody(ddl.create) };
        const defn = [ddl.create, opts.noOwner ? '' : ddl.owner, ddl.afterOwner ?? ''].filter((s) => s).join('\n');
        const defnParts = { create: ddl.create, owner: ownerStmt, afterOwner: ddl.afterOwner ?? '' };
        if (defn) main.push(entry(base, ddl.tag, ddl.desc, defn, ddl.drop, defnParts));
        if (!opts.noComments) {
          for (const c of ddl.comments) {
            main.push(entry(base, unqualifiedTag(c.label, o.schema), 'COMMENT', c.sql));
          }
        }
        const labels = opts.securityLabels?.get(o.id);
        if (labels && ddl.labelTarget) {
          for (const l of labels) {
            const relation = relationNames.get(o.id);
            if (l.column !== null && !relation) continue;
            const target = l.column === null ? ddl.labelTarget : `COLUMN ${relation}.${quoteIdent(l.column)}`;
            const sql = `SECURITY LABEL FOR ${quoteIdent(l.provider)} ON ${target} IS ${quoteLiteral(l.label)};`;
            main.push(entry(base, unqualifiedTag(target, o.schema), 'SECURITY LABEL', sql));
          }
        }
        if (!opts.noPrivileges && ddl.acl && ddl.aclLabel) {
          acls.push({
            ...base,
            section: o.kind === 'default-acl' ? 'post-data' : base.section,
            tag: unqualifiedTag(ddl.aclLabel, o.schema),
            desc: o.kind === 'default-acl' ? 'DEFAULT ACL' : 'ACL',
            defn: ddl.acl,
            dropStmt: '',
            copyStmt: null,
            data: null,
          });
        }
        if (!opts.noPrivileges) {
          for (const c of ddl.columnAcls ?? []) {
            acls.push(entry(base, unqualifiedTag(c.label, o.schema), 'ACL', c.sql));
          }
        }
        break;
      }
      case 'data':
        if (o.kind === 'table') main.push(dataEntry(item, base));
        if (o.kind === 'foreign-table') main.push(foreignTableDataEntry(item, base));
        break;
      case 'sequence-set': {
        const seq = item.sequence ?? (o.kind === 'sequence' ? o : null);
        const sql = seq ? emitSequenceSet(seq) : null;
        if (seq && sql) {
          main.push(entry({ ...base, namespace: seq.schema }, seq.name, 'SEQUENCE SET', sql));
        }
        break;
      }
      case 'view-body':
        if (o.kind === 'view') {
          main.push(entry(base, o.name, 'VIEW', emitViewBody(o)));
        }
        break;
      case 'attach':
        if (o.kind === 'table') {
          main.push(entry(base, o.name, 'TABLE ATTACH', emitAttachPartition(o)));
        }
        break;
      case 'row-security':
        if (o.kind === 'table') {
          main.push(entry(base, o.name, 'ROW SECURITY', emitRowSecurity(o)));
        }
        break;
      case 'shell-type':
        main.push(entry(base, o.name, 'SHELL TYPE', emitShellType(o)));
        break;
      case 'domain-checks':
        if (o.kind === 'domain') {
          for (const check of emitDomainLateChecks(o)) {
            main.push(entry(base, check.tag, 'CHECK CONSTRAINT', check.sql));
            if (opts.noComments) continue;
            for (const c of check.comments) main.push(entry(base, unqualifiedTag(c.label, o.schema), 'COMMENT', c.sql));
          }
        }
        break;
      case 'refresh':
        if (o.kind === 'view') {
          refreshes.push(entry(base, o.name, 'MATERIALIZED VIEW DATA', emitMatviewRefresh(o)));
        }
        break;
    }
  }
  const blobs = plan.items.filter((i) => i.part === 'data' && i.object.kind === 'large-object').map((i) => i.object.oid);
  if (blobs.length) {
    // All large objects' contents go in one BLOBS entry, after the table data, as pg_dump does.
    const at = main.findIndex((e) => e.section === 'post-data');
    const entry = {
      namespace: null, owner: null, section: 'data' as const, deps: [], tag: 'BLOBS', desc: 'BLOBS',
      defn: '', dropStmt: '', copyStmt: null, data: { kind: 'large-objects' as const, oids: blobs },
    };
    main.splice(at < 0 ? main.length : at, 0, entry);
  }
  const schemaIds = new Map(plan.items.flatMap((i) => (i.object.kind === 'schema' ? [[i.object.name, i.object.id] as const] : [])));
  return orderPrivileges(linkDependencies([...main, ...acls, ...refreshes], plan), schemaIds);
}

/**
 * Privileges can rest on other privileges: a grant made by a role other than the owner needs
 * that role's USAGE on the schema and its grant option on the table. pg_restore -j runs ACL
 * entries side by side, so each depends on its schema's ACL entry and on the first ACL entry of
 * its own object (a column's grants after the table's).
 */
function orderPrivileges(entries: TocEntry[], schemaIds: ReadonlyMap<string, string>): TocEntry[] {
  const schemaAcl = new Map<string, number>();
  const firstAcl = new Map<string, number>();
  for (const e of entries) {
    if (e.desc !== 'ACL') continue;
    if (e.objectId?.startsWith('pg_namespace:')) schemaAcl.set(e.objectId, e.dumpId);
    const extra: number[] = [];
    const schemaId = e.namespace === null ? undefined : schemaIds.get(e.namespace);
    const schemaEntry = schemaId === undefined ? undefined : schemaAcl.get(schemaId);
    if (schemaEntry !== undefined && schemaEntry < e.dumpId) extra.push(schemaEntry);
    const first = e.objectId === undefined ? undefined : firstAcl.get(e.objectId);
    if (first !== undefined && first < e.dumpId) extra.push(first);
    else if (e.objectId !== undefined && first === undefined) firstAcl.set(e.objectId, e.dumpId);
    if (extra.length) (e as { deps: readonly number[] }).deps = [...new Set([...e.deps, ...extra])].sort((a, b) => a - b);
  }
  return entries;
}

function dataEntry(item: Item, base: Pick<TocEntry, 'namespace' | 'owner' | 'section' | 'deps'>): Omit<TocEntry, 'dumpId'> {
  const t = item.object as TableObject;
  const name = qualify(t.schema, t.name);
  const cols = copyColumns(t);
  const list = cols.length ? ` (${cols.join(', ')})` : '';
  return {
    ...base,
    tag: t.name,
    desc: 'TABLE DATA',
    defn: '',
    dropStmt: '',
    copyStmt: `COPY ${name}${list} FROM stdin;`,
    data: {
      kind: 'copy',
      copyOut: copyOutSql(name, cols, list, item.configCondition),
      table: name,
      object: t,
      ...(item.configCondition ? {} : { relation: { name, columns: cols } }),
    },
  };
}

/** An extension configuration table's condition selects the rows the user added. */
function copyOutSql(name: string, cols: readonly string[], list: string, condition: string | undefined): string {
  if (!condition) return `COPY ${name}${list} TO STDOUT`;
  return `COPY (SELECT ${cols.length ? cols.join(', ') : '*'} FROM ${name} ${condition}) TO STDOUT`;
}
