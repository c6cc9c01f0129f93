import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';

export interface CollationObject extends ObjectBase {
  readonly kind: 'collation';
  /** c libc, i icu, b builtin (17+), d default (only pg_catalog's own, never dumped) */
  readonly provider: 'c' | 'i' | 'b' | 'd';
  readonly deterministic: boolean;
  /** libc only; null when unset */
  readonly collate: string | null;
  readonly ctype: string | null;
  /** ICU (and builtin) locale; before 15, ICU collations kept it in collcollate */
  readonly locale: string | null;
  /** ICU tailoring rules (16+) */
  readonly icuRules: string | null;
}

interface CollationRow {
  oid: string;
  schema: string;
  name: string;
  owner: string;
  nspoid: string;
  provider: CollationObject['provider'];
  deterministic: boolean;
  collate: string | null;
  ctype: string | null;
  locale: string | null;
  rules: string | null;
}

/**
 * User collations. The ones initdb imports live in pg_catalog and are never dumped; the
 * collation version is left out on purpose so the restoring server records its own.
 */
export async function readCollations(ctx: CatalogContext, comments: CommentMap): Promise<CollationObject[]> {
  const v = ctx.version;
  const locale = v >= 170000 ? 'c.colllocale' : v >= 150000 ? 'c.colliculocale' : 'NULL::text';
  const rules = v >= 160000 ? 'c.collicurules' : 'NULL::text';
  const rows = await ctx.client.query<CollationRow>(
    `SELECT c.oid::int8 AS oid, n.nspname AS schema, c.collname AS name, n.oid::int8 AS nspoid,
            pg_catalog.pg_get_userbyid(c.collowner) AS owner, c.collprovider AS provider,
            c.collisdeterministic AS deterministic,
            NULLIF(c.collcollate::text, '') AS collate, NULLIF(c.collctype::text, '') AS ctype,
            ${locale} AS locale, ${rules} AS rules
       FROM pg_catalog.pg_collation c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace
      WHERE ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    // Before 15 an ICU collation's locale sat in collcollate (and collctype), with no locale column.
    const icuInCollate = r.provider === 'i' && r.locale === null;
    return {
      kind: 'collation',
      ...baseFields('pg_collation', oid, r, comments.get(commentKey('pg_collation', oid)) ?? null),
      aliases: [],
      implicitDeps: [objectId('pg_namespace', r.nspoid)],
      provider: r.provider,
      deterministic: r.deterministic,
      collate: icuInCollate ? null : r.collate,
      ctype: icuInCollate ? null : r.ctype,
      locale: icuInCollate ? r.collate : r.locale,
      icuRules: r.rules,
    };
  });
}
