import type { ForeignTableObject } from '../../catalog/foreign-tables.js';
import type { Column } from '../../catalog/tables.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, ownerStatement, type EmitContext, type ObjectDdl } from './common.js';
import { fdwOptionsClause } from './fdw-options.js';
import { sequenceOptionLines } from './sequence.js';

/** NOT NULL, named only when 18+ gave it a name other than the one it would get again. */
function notNull(table: string, c: Column): string {
  const nn = c.notNullConstraint;
  if (!nn) return c.notNull ? ' NOT NULL' : '';
  // NOT VALID ones are added after the data by the constraint reader's items.
  if (!nn.validated) return '';
  const named = nn.name !== `${table}_${c.name}_not_null` ? ` CONSTRAINT ${quoteIdent(nn.name)}` : '';
  return `${named} NOT NULL${nn.noInherit ? ' NO INHERIT' : ''}`;
}

function columnLine(t: ForeignTableObject, c: Column, defaultExpr: string | undefined): string {
  let line = `    ${quoteIdent(c.name)} ${c.type}`;
  if (c.compression) line += ` COMPRESSION ${c.compression === 'p' ? 'pglz' : 'lz4'}`;
  if (c.collation) line += ` COLLATE ${c.collation}`;
  if (c.generated) line += ` GENERATED ALWAYS AS (${c.generated.expr})${c.generated.kind === 's' ? ' STORED' : ''}`;
  if (defaultExpr !== undefined) line += ` DEFAULT ${defaultExpr}`;
  return line + notNull(t.name, c);
}

/** Column settings CREATE FOREIGN TABLE has no room for. */
function columnAlters(name: string, t: ForeignTableObject): string[] {
  const out: string[] = [];
  for (const c of t.columns) {
    const col = quoteIdent(c.name);
    if (c.identity) {
      const seq = t.identitySequences.get(c.name);
      const how = c.identity === 'a' ? 'ALWAYS' : 'BY DEFAULT';
      const opts = seq
        ? ` (\n${[`SEQUENCE NAME ${qualify(seq.schema, seq.name)}`, ...sequenceOptionLines(seq, seq.dataType !== c.type)]
            .map((o) => `    ${o}`)
            .join('\n')}\n)`
        : '';
      out.push(`ALTER FOREIGN TABLE ${name} ALTER COLUMN ${col} ADD GENERATED ${how} AS IDENTITY${opts};`);
    }
    if (c.statisticsTarget !== null && c.statisticsTarget >= 0) {
      out.push(`ALTER FOREIGN TABLE ONLY ${name} ALTER COLUMN ${col} SET STATISTICS ${c.statisticsTarget};`);
    }
    if (c.storage) {
      const storage = { p: 'PLAIN', e: 'EXTERNAL', m: 'MAIN', x: 'EXTENDED' }[c.storage] ?? 'EXTENDED';
      out.push(`ALTER FOREIGN TABLE ONLY ${name} ALTER COLUMN ${col} SET STORAGE ${storage};`);
    }
    if (c.options.length) out.push(`ALTER FOREIGN TABLE ONLY ${name} ALTER COLUMN ${col} SET (${c.options.join(', ')});`);
    const fdwOptions = fdwOptionsClause(t.columnOptions.get(c.name) ?? null, ' ');
    if (fdwOptions) out.push(`ALTER FOREIGN TABLE ${name} ALTER COLUMN ${col}${fdwOptions};`);
  }
  return out;
}

export function emitForeignTable(t: ForeignTableObject, ctx: EmitContext): ObjectDdl {
  const name = qualify(t.schema, t.name);
  const defaults = ctx.inlineDefaults.get(t.id);
  // A partition is created standalone with every column, then attached (as pg_dump does);
  // an inheritance child lists only its own columns.
  const partition = t.partitionBound !== null;
  const inherits = !partition && t.parents.length > 0;
  const checks = ctx.inlineChecks.get(t.id) ?? [];
  const printed = (c: Column) => !inherits || c.isLocal;
  const lines = t.columns.filter(printed).map((c) => columnLine(t, c, defaults?.get(c.name)));
  for (const check of checks) lines.push(`    CONSTRAINT ${quoteIdent(check.name)} ${check.definition}`);
  let create = `CREATE FOREIGN TABLE ${name} (\n${lines.join(',\n')}${lines.length ? '\n' : ''})`;
  if (inherits) create += `\nINHERITS (${t.parents.map((p) => qualify(p.schema, p.name)).join(', ')})`;
  create += `\nSERVER ${quoteIdent(t.server)}${fdwOptionsClause(t.options, '\n')};`;
  const alters = columnAlters(name, t);
  for (const c of t.columns.filter((c) => !printed(c))) {
    // What the child declares itself on a column it gets from its parent.
    const col = quoteIdent(c.name);
    const dflt = defaults?.get(c.name);
    if (dflt !== undefined) alters.push(`ALTER FOREIGN TABLE ONLY ${name} ALTER COLUMN ${col} SET DEFAULT ${dflt};`);
    // Before 18 (no constraint row) a NOT NULL that some parent has is taken as inherited, as pg_dump does.
    const local = c.notNullConstraint
      ? c.notNullConstraint.isLocal && c.notNullConstraint.validated
      : c.notNull && !c.parentNotNull;
    if (local) alters.push(`ALTER FOREIGN TABLE ONLY ${name} ALTER COLUMN ${col} SET NOT NULL;`);
  }
  if (partition && t.parents[0]) {
    alters.push(`ALTER TABLE ONLY ${qualify(t.parents[0].schema, t.parents[0].name)} ATTACH PARTITION ${name} ${t.partitionBound};`);
  }
  if (alters.length) create += '\n' + alters.join('\n');
  // Privileges on a foreign table are granted ON TABLE, like any relation's.
  const aclTarget = `TABLE ${name}`;
  const serverHasMaintain = ctx.version >= 170000;
  const columnAcls = t.columns
    .map((c) => ({
      label: `COLUMN ${name}.${quoteIdent(c.name)}`,
      sql: emitAcl({ target: aclTarget, cls: 'table', owner: t.owner, column: c.name, serverHasMaintain }, c.acl, '{}'),
    }))
    .filter((a) => a.sql);
  const tableAcl = emitAcl({ target: aclTarget, cls: 'table', owner: t.owner, serverHasMaintain }, t.acl, t.baseAcl);
  const label = `FOREIGN TABLE ${name}`;
  return {
    desc: 'FOREIGN TABLE',
    tag: t.name,
    create,
    drop: `DROP FOREIGN TABLE ${name};`,
    owner: ownerStatement(label, t.owner),
    labelTarget: label,
    comments: [
      ...commentOn(label, t.comment),
      ...t.columns.flatMap((c) => commentOn(`COLUMN ${name}.${quoteIdent(c.name)}`, c.comment)),
      ...[...t.identitySequences.values()].flatMap((s) => commentOn(`SEQUENCE ${qualify(s.schema, s.name)}`, s.comment)),
      ...checks.flatMap((c) => commentOn(`CONSTRAINT ${quoteIdent(c.name)} ON ${name}`, c.comment)),
    ],
    aclLabel: aclTarget,
    acl: tableAcl,
    columnAcls,
  };
}
