import type { ViewObject } from '../../catalog/views.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, formatOptions, ownerStatement, type EmitContext, type ObjectDdl } from './common.js';

/** A placeholder with the view's columns, for a view that is part of a dependency loop. */
export function emitViewStub(v: ViewObject): string {
  const cols = v.columns
    .map((c) => `NULL::${c.type}${c.collation ? ` COLLATE ${c.collation}` : ''} AS ${quoteIdent(c.name)}`)
    .join(',\n    ');
  return `CREATE VIEW ${qualify(v.schema, v.name)} AS\n SELECT ${cols};`;
}

/** The real definition of a stubbed view. */
export function emitViewBody(v: ViewObject): string {
  let sql = `CREATE OR REPLACE VIEW ${qualify(v.schema, v.name)}`;
  if (v.options.length) sql += ` WITH (${formatOptions(v.options).join(', ')})`;
  sql += ` AS\n${v.query}`;
  if (v.checkOption) sql += `\n  WITH ${v.checkOption.toUpperCase()} CHECK OPTION`;
  return sql + ';';
}

export function emitView(v: ViewObject, ctx: EmitContext): ObjectDdl {
  const name = qualify(v.schema, v.name);
  const matview = v.relkind === 'm';
  const what = matview ? 'MATERIALIZED VIEW' : 'VIEW';
  const label = `${what} ${name}`;
  let create = `CREATE ${what} ${name}`;
  if (matview && v.accessMethod && v.accessMethod !== 'heap') create += ` USING ${quoteIdent(v.accessMethod)}`;
  if (v.options.length) create += ` WITH (${formatOptions(v.options).join(', ')})`;
  if (matview && v.tablespace) create += ` TABLESPACE ${quoteIdent(v.tablespace)}`;
  create += ` AS\n${v.query}`;
  if (v.checkOption) create += `\n  WITH ${v.checkOption.toUpperCase()} CHECK OPTION`;
  // Data comes later (REFRESH after all tables are loaded), so the definition never populates it.
  if (matview) create += '\n  WITH NO DATA';
  create += ';';
  return {
    desc: what,
    tag: v.name,
    create,
    drop: `DROP ${label};`,
    owner: ownerStatement(matview ? label : `TABLE ${name}`, v.owner),
    labelTarget: label,
    comments: [
      ...commentOn(label, v.comment),
      ...v.columns.flatMap((c) => commentOn(`COLUMN ${name}.${quoteIdent(c.name)}`, c.comment)),
    ],
    aclLabel: `TABLE ${name}`,
    acl: emitAcl({ target: `TABLE ${name}`, cls: 'table', owner: v.owner, serverHasMaintain: ctx.version >= 170000 }, v.acl, v.baseAcl),
    columnAcls: v.columns
      .map((c) => ({
        label: `COLUMN ${name}.${quoteIdent(c.name)}`,
        sql: emitAcl(
          { target: `TABLE ${name}`, cls: 'table', owner: v.owner, column: c.name, serverHasMaintain: ctx.version >= 170000 },
          c.acl,
          '{}',
        ),
      }))
      .filter((a) => a.sql),
  };
}

export function emitMatviewRefresh(v: ViewObject): string {
  return `REFRESH MATERIALIZED VIEW ${qualify(v.schema, v.name)};`;
}
