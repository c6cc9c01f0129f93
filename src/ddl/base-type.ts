import type { BaseTypeDefinition, BaseTypeObject, TypeFunction } from '../../catalog/base-types.js';
import { qualify, quoteLiteral } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';

const ALIGNMENT: Record<BaseTypeDefinition['alignment'], string> = { c: 'char', s: 'int2', i: 'int4', d: 'double' };
const STORAGE: Record<BaseTypeDefinition['storage'], string> = { p: 'plain', e: 'external', m: 'main', x: 'extended' };

const fn = (f: TypeFunction) => qualify(f.schema, f.name);

/**
 * The placeholder that lets a type's I/O functions be created before the type itself (and a
 * range's canonical function before the range). It takes no owner: the type is not usable
 * until filled in, and the real definition that fills it carries the owner.
 */
export function emitShellType(t: { readonly schema: string | null; readonly name: string }): string {
  return `CREATE TYPE ${qualify(t.schema, t.name)};`;
}

/** The attribute list of CREATE TYPE, in the order pg_dump prints it. */
export function baseTypeAttributes(d: BaseTypeDefinition): string[] {
  const a = [`INTERNALLENGTH = ${d.internalLength === -1 ? 'variable' : String(d.internalLength)}`];
  a.push(`INPUT = ${fn(d.input)}`, `OUTPUT = ${fn(d.output)}`);
  if (d.receive) a.push(`RECEIVE = ${fn(d.receive)}`);
  if (d.send) a.push(`SEND = ${fn(d.send)}`);
  if (d.typmodIn) a.push(`TYPMOD_IN = ${fn(d.typmodIn)}`);
  if (d.typmodOut) a.push(`TYPMOD_OUT = ${fn(d.typmodOut)}`);
  if (d.analyze) a.push(`ANALYZE = ${fn(d.analyze)}`);
  if (d.collatable) a.push('COLLATABLE = true');
  if (d.defaultValue) {
    a.push(`DEFAULT = ${'literal' in d.defaultValue ? quoteLiteral(d.defaultValue.literal) : d.defaultValue.expression}`);
  }
  if (d.subscript) a.push(`SUBSCRIPT = ${fn(d.subscript)}`);
  if (d.element) a.push(`ELEMENT = ${d.element}`);
  if (d.category !== 'U') a.push(`CATEGORY = ${quoteLiteral(d.category)}`);
  if (d.preferred) a.push('PREFERRED = true');
  if (d.delimiter !== ',') a.push(`DELIMITER = ${quoteLiteral(d.delimiter)}`);
  a.push(`ALIGNMENT = ${ALIGNMENT[d.alignment]}`, `STORAGE = ${STORAGE[d.storage]}`);
  if (d.byValue) a.push('PASSEDBYVALUE');
  return a;
}

export function emitBaseType(t: BaseTypeObject): ObjectDdl {
  const name = qualify(t.schema, t.name);
  const label = `TYPE ${name}`;
  const create = t.definition
    ? `CREATE TYPE ${name} (\n${baseTypeAttributes(t.definition).map((a) => `    ${a}`).join(',\n')}\n);`
    : emitShellType(t);
  return {
    desc: 'TYPE',
    tag: t.name,
    create,
    // The type and its I/O functions depend on each other: only CASCADE can drop them.
    drop: t.definition ? `DROP TYPE ${name} CASCADE;` : `DROP TYPE ${name};`,
    owner: ownerStatement(label, t.owner),
    labelTarget: label,
    comments: commentOn(label, t.comment),
    aclLabel: label,
    acl: emitAcl({ target: label, cls: 'type', owner: t.owner, serverHasMaintain: false }, t.acl, t.baseAcl),
  };
}
