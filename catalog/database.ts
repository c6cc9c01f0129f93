import type { CatalogContext } from './client.js';

/**
 * The dumped database itself, for --create. Not a DumpObject: it is not sorted with the
 * rest, it brackets the whole script (CREATE DATABASE, \connect, then everything else).
 */
export interface DatabaseInfo {
  readonly oid: number;
  readonly name: string;
  readonly owner: string;
  readonly encoding: string;
  /** 'c' libc, 'i' icu, 'b' builtin (17+); 'c' before 15, which had no provider choice */
  readonly localeProvider: 'c' | 'i' | 'b';
  readonly collate: string;
  readonly ctype: string;
  /** ICU locale (15, 16) or the provider's locale (17+: datlocale) */
  readonly locale: string | null;
  /** 16+ */
  readonly icuRules: string | null;
  readonly isTemplate: boolean;
  readonly connectionLimit: number;
  /** null for pg_default */
  readonly tablespace: string | null;
  readonly acl: string | null;
  readonly baseAcl: string;
  readonly comment: string | null;
  readonly securityLabels: readonly { readonly provider: string; readonly label: string }[];
  /** pg_db_role_setting rows for the database alone, `name=value` in array order */
  readonly settings: readonly string[];
  /** pg_db_role_setting rows for one role in this database */
  readonly roleSettings: readonly { readonly role: string; readonly setting: string }[];
}

interface DatabaseRow {
  oid: string;
  datname: string;
  owner: string;
  encoding: string;
  datlocprovider: string;
  datcollate: string;
  datctype: string;
  datlocale: string | null;
  daticurules: string | null;
  datistemplate: boolean;
  datconnlimit: number;
  tablespace: string | null;
  acl: string | null;
  baseacl: string;
  description: string | null;
}

/** The current database's definition, its settings and labels, in three queries. */
export async function readDatabase(ctx: CatalogContext): Promise<DatabaseInfo> {
  const v = ctx.version;
  const locale =
    v >= 170000
      ? 'd.datlocprovider, d.datlocale'
      : v >= 150000
        ? 'd.datlocprovider, d.daticulocale AS datlocale'
        : `'c'::"char" AS datlocprovider, NULL::text AS datlocale`;
  const rules = v >= 160000 ? 'd.daticurules' : 'NULL::text AS daticurules';
  const [row] = await ctx.client.query<DatabaseRow>(
    `SELECT d.oid::int8 AS oid, d.datname, pg_catalog.pg_get_userbyid(d.datdba) AS owner,
            pg_catalog.pg_encoding_to_char(d.encoding) AS encoding, d.datcollate, d.datctype,
            ${locale}, ${rules}, d.datistemplate, d.datconnlimit,
            (SELECT t.spcname FROM pg_catalog.pg_tablespace t
              WHERE t.oid = d.dattablespace AND t.spcname <> 'pg_default') AS tablespace,
            d.datacl::text AS acl, pg_catalog.acldefault('d', d.datdba)::text AS baseacl,
            pg_catalog.shobj_description(d.oid, 'pg_database') AS description
       FROM pg_catalog.pg_database d
      WHERE d.datname = pg_catalog.current_database()`,
  );
  const oid = Number(row!.oid);
  const settings = await ctx.client.query<{ role: string | null; setting: string }>(
    `SELECT r.rolname AS role, c.setting
       FROM pg_catalog.pg_db_role_setting s
       LEFT JOIN pg_catalog.pg_roles r ON r.oid = s.setrole
       CROSS JOIN LATERAL pg_catalog.unnest(s.setconfig) WITH ORDINALITY AS c(setting, n)
      WHERE s.setdatabase = $1 AND (s.setrole = 0 OR r.oid IS NOT NULL)
      ORDER BY s.setrole <> 0, r.rolname, c.n`,
    [oid],
  );
  const labels = await ctx.client.query<{ provider: string; label: string }>(
    `SELECT provider, label FROM pg_catalog.pg_shseclabel
      WHERE classoid = 'pg_catalog.pg_database'::pg_catalog.regclass AND objoid = $1
      ORDER BY provider`,
    [oid],
  );
  const r = row!;
  const provider = r.datlocprovider === 'i' || r.datlocprovider === 'b' ? r.datlocprovider : 'c';
  return {
    oid,
    name: r.datname,
    owner: r.owner,
    encoding: r.encoding,
    localeProvider: provider,
    collate: r.datcollate ?? '',
    ctype: r.datctype ?? '',
    locale: r.datlocale,
    icuRules: r.daticurules,
    isTemplate: r.datistemplate,
    connectionLimit: r.datconnlimit,
    tablespace: r.tablespace,
    acl: r.acl,
    baseAcl: r.baseacl,
    comment: r.description,
    securityLabels: labels,
    settings: settings.filter((s) => s.role === null).map((s) => s.setting),
    roleSettings: settings.filter((s) => s.role !== null).map((s) => ({ role: s.role!, setting: s.setting })),
  };
}
