import { printsColumn, type Column, type TableObject } from '../../catalog/tables.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, formatOptions, ownerStatement, type EmitContext, type ObjectDdl } from './common.js';
import { sequenceOptionLines } from './sequence.js';

/** NOT NULL, named when 18+ gave it a name other than the default one it would get again. */
function notNullClause(table: string, c: Column): string {
  const nn = c.notNullConstraint;
  if (!nn) return c.notNull ? ' NOT NULL' : '';
  // NOT VALID ones are added after the data (see the constraints reader).
  if (!nn.validated) return '';
  const named = nn.name !== `${table}_${c.name}_not_null` ? ` CONSTRAINT ${quoteIdent(nn.name)}` : '';
  return `${named} NOT NULL${nn.noInherit ? ' NO INHERIT' : ''}`;
}

function columnLine(c: Column, defaultExpr: string | undefined, table: string, inheritsGeneration: boolean): string {
  let line = `    ${quoteIdent(c.name)} ${c.type}`;
  if (c.compression) line += ` COMPRESSION ${c.compression === 'p' ? 'pglz' : 'lz4'}`;
  if (c.collation) line += ` COLLATE ${c.collation}`;
  if (c.generated && !inheritsGeneration) line += ` GENERATED ALWAYS AS (${c.generated.expr})${c.generated.kind === 's' ? ' STORED' : ''}`;
  if (defaultExpr !== undefined) line += ` DEFAULT ${defaultExpr}`;
  line += notNullClause(table, c);
  return line;
}

/** Per-column settings that CREATE TABLE cannot carry. */
function columnAlters(table: string, t: TableObject, version: number): string[] {
  const out: string[] = [];
  for (const c of t.columns) {
    const col = quoteIdent(c.name);
    if (c.identity) {
      const seq = t.identitySequences.get(c.name);
      const how = c.identity === 'a' ? 'ALWAYS' : 'BY DEFAULT';
      if (seq) {
        const opts = [`SEQUENCE NAME ${qualify(seq.schema, seq.name)}`];
        // 15+ lets an identity sequence's persistence differ from its table's.
        if (version >= 150000 && seq.unlogged !== t.unlogged) opts.push(seq.unlogged ? 'UNLOGGED' : 'LOGGED');
        opts.push(...sequenceOptionLines(seq, seq.dataType !== c.type));
        out.push(
          `ALTER TABLE ${table} ALTER COLUMN ${col} ADD GENERATED ${how} AS IDENTITY (\n${opts.map((o) => `    ${o}`).join('\n')}\n);`,
        );
      } else {
        out.push(`ALTER TABLE ${table} ALTER COLUMN ${col} ADD GENERATED ${how} AS IDENTITY;`);
      }
    }
    if (c.statisticsTarget !== null && c.statisticsTarget >= 0) {
      out.push(`ALTER TABLE ONLY ${table} ALTER COLUMN ${col} SET STATISTICS ${c.statisticsTarget};`);
    }
    if (c.storage) {
      const name = { p: 'PLAIN', e: 'EXTERNAL', m: 'MAIN', x: 'EXTENDED' }[c.storage] ?? 'EXTENDED';
      out.push(`ALTER TABLE ONLY ${table} ALTER COLUMN ${col} SET STORAGE ${name};`);
    }
    if (c.options.length) {
      out.push(`ALTER TABLE ONLY ${table} ALTER COLUMN ${col} SET (${c.options.join(', ')});`);
    }
  }
  return out;
}

/** ALTER TABLE ... ATTACH PARTITION, run once both tables exist. */
export function emitAttachPartition(t: TableObject): string {
  const parent = t.parents[0]!;
  return `ALTER TABLE ONLY ${qualify(parent.schema, parent.name)} ATTACH PARTITION ${qualify(t.schema, t.name)} ${t.partitionBound};`;
}

/**
 * An inheritance child's generated column takes its expression from the parent; before 16
 * the server refuses to see it spelled out again on the child.
 */
function inheritsGeneration(t: TableObject, c: Column, version: number): boolean {
  return version < 160000 && c.generated !== null && !!c.parentGenerated && t.parents.length > 0 && !t.isPartition;
}

/**
 * CREATE TABLE ... OF type: the columns come from the type; only what a column adds
 * (a default, NOT NULL) is spelled, as WITH OPTIONS.
 */
function typedTableHead(t: TableObject, name: string, defaults: ReadonlyMap<string, string> | undefined): string {
  const lines = t.columns
    .filter((c) => c.notNull || defaults?.has(c.name))
    .map((c) => {
      let line = `    ${quoteIdent(c.name)} WITH OPTIONS`;
      if (defaults?.has(c.name)) line += ` DEFAULT ${defaults.get(c.name)}`;
      if (c.notNull) line += ' NOT NULL';
      return line;
    });
  const head = `CREATE ${t.unlogged ? 'UNLOGGED ' : ''}TABLE ${name} OF ${t.ofType}`;
  return lines.length ? `${head} (\n${lines.join(',\n')}\n)` : head;
}

/**
 * Row security is enabled after the data, with the policies (pg_dump's ROW SECURITY entry): a
 * non-superuser owner restoring a FORCE ROW LEVEL SECURITY table could not COPY into it otherwise.
 */
export function emitRowSecurity(t: TableObject): string {
  return `ALTER TABLE ${qualify(t.schema, t.name)} ENABLE ROW LEVEL SECURITY;`;
}

export function emitTable(t: TableObject, ctx: EmitContext): ObjectDdl {
  const name = qualify(t.schema, t.name);
  const label = `TABLE ${name}`;
  const defaults = ctx.inlineDefaults.get(t.id);
  // A partition is created standalone and attached later, so it spells out every column;
  // an inheritance child spells out only its own and gets the rest from INHERITS.
  const inherited = t.parents.length > 0 && !t.isPartition;
  const lines = t.columns
    .filter((c) => printsColumn(t, c))
    .map((c) => columnLine(c, defaults?.get(c.name), t.name, inheritsGeneration(t, c, ctx.version)));
  for (const check of ctx.inlineChecks.get(t.id) ?? []) {
    lines.push(`    CONSTRAINT ${quoteIdent(check.name)} ${check.definition}`);
  }
  let create = t.ofType
    ? typedTableHead(t, name, defaults)
    : `CREATE ${t.unlogged ? 'UNLOGGED ' : ''}TABLE ${name} (\n${lines.join(',\n')}${lines.length ? '\n' : ''})`;
  if (inherited) create += `\nINHERITS (${t.parents.map((p) => qualify(p.schema, p.name)).join(', ')})`;
  if (t.partitionKey) create += `\nPARTITION BY ${t.partitionKey}`;
  if (t.accessMethod && t.accessMethod !== 'heap') create += `\nUSING ${quoteIdent(t.accessMethod)}`;
  const opts = [...formatOptions(t.reloptions), ...formatOptions(t.toastOptions, 'toast.')];
  if (opts.length) create += `\nWITH (${opts.join(', ')})`;
  if (t.tablespace) create += `\nTABLESPACE ${quoteIdent(t.tablespace)}`;
  create += ';';
  const alters = columnAlters(name, t, ctx.version);
  for (const c of t.columns.filter((c) => !printsColumn(t, c))) {
    // NOT NULL declared on the child itself, on a column it inherits. Before 18 there is no
    // constraint row to tell: like pg_dump, take it as the child's own only when no parent has it.
    const local = c.notNullConstraint
      ? c.notNullConstraint.isLocal && c.notNullConstraint.validated
      : c.notNull && !c.parentNotNull;
    if (local) alters.push(`ALTER TABLE ONLY ${name} ALTER COLUMN ${quoteIdent(c.name)} SET NOT NULL;`);
  }
  if (t.forceRowSecurity) alters.push(`ALTER TABLE ${name} FORCE ROW LEVEL SECURITY;`);
  if (t.replicaIdentity === 'f') alters.push(`ALTER TABLE ONLY ${name} REPLICA IDENTITY FULL;`);
  if (t.replicaIdentity === 'n') alters.push(`ALTER TABLE ONLY ${name} REPLICA IDENTITY NOTHING;`);
  if (alters.length) create += '\n' + alters.join('\n');
  const columnAcls = t.columns
    .map((c) => ({
      label: `COLUMN ${name}.${quoteIdent(c.name)}`,
      sql: emitAcl({ target: label, cls: 'table', owner: t.owner, column: c.name, serverHasMaintain: ctx.version >= 170000 }, c.acl, '{}'),
    }))
    .filter((a) => a.sql);
  const tableAcl = emitAcl(
    { target: label, cls: 'table', owner: t.owner, serverHasMaintain: ctx.version >= 170000 },
    t.acl,
    t.baseAcl,
  );
  return {
    desc: 'TABLE',
    tag: t.name,
    create,
    drop: `DROP TABLE ${name};`,
    owner: ownerStatement(label, t.owner),
    labelTarget: label,
    comments: [
      ...commentOn(label, t.comment),
      ...t.columns.flatMap((c) => commentOn(`COLUMN ${name}.${quoteIdent(c.name)}`, c.comment)),
      ...t.columns.flatMap((c) =>
        c.notNullConstraint?.validated ? commentOn(`CONSTRAINT ${quoteIdent(c.notNullConstraint.name)} ON ${name}`, c.notNullConstraint.comment ?? null) : [],
      ),
      ...[...t.identitySequences.values()].flatMap((s) => commentOn(`SEQUENCE ${qualify(s.schema, s.name)}`, s.comment)),
      ...(ctx.inlineChecks.get(t.id) ?? []).flatMap((c) => commentOn(`CONSTRAINT ${quoteIdent(c.name)} ON ${name}`, c.comment)),
    ],
    aclLabel: label,
    acl: tableAcl,
    columnAcls,
  };
}
