import type { LanguageFunction, LanguageObject } from '../../catalog/languages.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import { emitAcl } from './acl.js';
import { commentOn, ownerStatement, type ObjectDdl } from './common.js';

const fn = (f: LanguageFunction) => qualify(f.schema, f.name);

/**
 * Always the full form with its support functions: pg_dump falls back to a bare CREATE
 * LANGUAGE when the handler lives in pg_catalog, which servers 13+ read as CREATE EXTENSION
 * and which fails for a language that is no extension.
 */
export function emitLanguage(l: LanguageObject): ObjectDdl {
  const name = quoteIdent(l.name);
  let create = `CREATE ${l.trusted ? 'TRUSTED ' : ''}PROCEDURAL LANGUAGE ${name} HANDLER ${fn(l.handler)}`;
  if (l.inline) create += ` INLINE ${fn(l.inline)}`;
  if (l.validator) create += ` VALIDATOR ${fn(l.validator)}`;
  return {
    desc: 'PROCEDURAL LANGUAGE',
    tag: l.name,
    create: `${create};`,
    drop: `DROP PROCEDURAL LANGUAGE ${name};`,
    owner: ownerStatement(`PROCEDURAL LANGUAGE ${name}`, l.owner),
    labelTarget: `LANGUAGE ${name}`,
    comments: commentOn(`LANGUAGE ${name}`, l.comment),
    aclLabel: `LANGUAGE ${name}`,
    // USAGE can only ever be granted on a trusted language.
    acl: l.trusted
      ? emitAcl({ target: `LANGUAGE ${name}`, cls: 'language', owner: l.owner, serverHasMaintain: false }, l.acl, l.baseAcl)
      : '',
  };
}
