import type { CatalogContext } from './client.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';

/**
 * Privileges changed on an object that belongs to an extension. CREATE EXTENSION recreates
 * the object with its original privileges (recorded in pg_init_privs); only the difference
 * is dumped, as GRANT/REVOKE.
 */
export interface ExtensionAclObject extends ObjectBase {
  readonly kind: 'extension-acl';
  /** `FUNCTION s.f(integer)`, `TABLE s.t`, `SEQUENCE s.q`, `TYPE s.t` */
  readonly label: string;
  readonly aclClass: 'function' | 'table' | 'sequence' | 'type' | 'language';
  /** null for initdb's own objects in pg_catalog */
  readonly extensionId: string | null;
  /** for column privileges */
  readonly column: string | null;
}

interface ExtensionAclRow {
  catalog: string;
  objid: string;
  schema: string;
  name: string;
  label: string;
  aclclass: ExtensionAclObject['aclClass'];
  owner: string;
  acl: string;
  baseacl: string;
  extoid: string | null;
  attname: string | null;
}

/**
 * initdb's own tables, columns and functions whose privileges were changed since (GRANT
 * SELECT (rolname) ON pg_authid ...): dumped, like extension members, as the difference
 * from pg_init_privs.
 */
const SYSTEM_OBJECT_ACLS = `
     SELECT 'pg_class', c.oid::int8, n.nspname, c.relname::text,
            'TABLE ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname), 'table',
            pg_catalog.pg_get_userbyid(c.relowner), c.relacl::text,
            COALESCE(ip.initprivs, pg_catalog.acldefault('r', c.relowner))::text, NULL::int8, NULL::text
       FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_init_privs ip
         ON ip.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ip.objoid = c.oid AND ip.objsubid = 0
      WHERE n.nspname = 'pg_catalog' AND c.relkind IN ('r', 'v', 'm', 'S')
        AND c.relacl IS NOT NULL
        AND c.relacl::text IS DISTINCT FROM COALESCE(ip.initprivs, pg_catalog.acldefault('r', c.relowner))::text
     UNION ALL
     SELECT 'pg_class', c.oid::int8, n.nspname, c.relname::text,
            'TABLE ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname), 'table',
            pg_catalog.pg_get_userbyid(c.relowner), a.attacl::text, COALESCE(ip.initprivs, '{}')::text,
            NULL::int8, a.attname::text
       FROM pg_catalog.pg_attribute a
       JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
       JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_catalog.pg_init_privs ip
         ON ip.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND ip.objoid = c.oid AND ip.objsubid = a.attnum
      WHERE n.nspname = 'pg_catalog' AND a.attnum > 0 AND a.attacl IS NOT NULL
        AND a.attacl::text IS DISTINCT FROM COALESCE(ip.initprivs, '{}')::text
     UNION ALL
     SELECT 'pg_proc', p.oid::int8, n.nspname, p.proname::text,
            'FUNCTION ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname)
              || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')', 'function',
            pg_catalog.pg_get_userbyid(p.proowner), p.proacl::text,
            COALESCE(ip.initprivs, pg_catalog.acldefault('f', p.proowner))::text, NULL::int8, NULL::text
       FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
       LEFT JOIN pg_catalog.pg_init_privs ip
         ON ip.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND ip.objoid = p.oid AND ip.objsubid = 0
      WHERE n.nspname = 'pg_catalog' AND p.proacl IS NOT NULL
        AND p.proacl::text IS DISTINCT FROM COALESCE(ip.initprivs, pg_catalog.acldefault('f', p.proowner))::text`;

export async function readExtensionAcls(ctx: CatalogContext): Promise<ExtensionAclObject[]> {
  const rows = await ctx.client.query<ExtensionAclRow>(
    `WITH members AS (
       SELECT d.classid, d.objid, d.refobjid AS extoid FROM pg_catalog.pg_depend d
        WHERE d.deptype = 'e' AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass),
     objs AS (
       SELECT m.classid, m.objid, m.extoid, n.nspname AS schema, p.proname::text AS name,
              'FUNCTION ' || pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(p.proname) || '('
                || pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.format_type(a.t, NULL)
                                                      FROM pg_catalog.unnest(p.proargtypes) WITH ORDINALITY AS a(t, k)
                                                     ORDER BY a.k), ', ') || ')' AS label, 'function' AS aclclass,
              p.proowner AS ownerid, p.proacl AS acl, pg_catalog.acldefault('f', p.proowner) AS dflt
         FROM members m JOIN pg_catalog.pg_proc p ON m.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = m.objid
         JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
       UNION ALL
       SELECT m.classid, m.objid, m.extoid, n.nspname, c.relname::text,
              CASE WHEN c.relkind = 'S' THEN 'SEQUENCE ' ELSE 'TABLE ' END || c.oid::pg_catalog.regclass::text,
              CASE WHEN c.relkind = 'S' THEN 'sequence' ELSE 'table' END,
              c.relowner, c.relacl, pg_catalog.acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner)
         FROM members m JOIN pg_catalog.pg_class c ON m.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.oid = m.objid
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
       UNION ALL
       SELECT m.classid, m.objid, m.extoid, n.nspname, t.typname::text,
              'TYPE ' || pg_catalog.format_type(t.oid, NULL), 'type',
              t.typowner, t.typacl, pg_catalog.acldefault('T', t.typowner)
         FROM members m JOIN pg_catalog.pg_type t ON m.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = m.objid
         JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
       UNION ALL
       SELECT m.classid, m.objid, m.extoid, NULL, l.lanname::text,
              'LANGUAGE ' || pg_catalog.quote_ident(l.lanname), 'language',
              l.lanowner, l.lanacl, pg_catalog.acldefault('l', l.lanowner)
         FROM members m JOIN pg_catalog.pg_language l ON m.classid = 'pg_catalog.pg_language'::pg_catalog.regclass AND l.oid = m.objid)
     SELECT (SELECT k.relname FROM pg_catalog.pg_class k WHERE k.oid = o.classid)::text AS catalog, o.objid::int8 AS objid, o.schema, o.name, o.label,
            o.aclclass, pg_catalog.pg_get_userbyid(o.ownerid) AS owner, o.acl::text AS acl,
            COALESCE(ip.initprivs, o.dflt)::text AS baseacl, o.extoid::int8 AS extoid, NULL::text AS attname
       FROM objs o
       LEFT JOIN pg_catalog.pg_init_privs ip ON ip.classoid = o.classid AND ip.objoid = o.objid AND ip.objsubid = 0
      WHERE o.acl IS NOT NULL AND o.acl::text IS DISTINCT FROM COALESCE(ip.initprivs, o.dflt)::text
     UNION ALL
     ${SYSTEM_OBJECT_ACLS}`,
  );
  return rows.map((r) => {
    const oid = Number(r.objid);
    const extensionId = r.extoid === null ? null : objectId('pg_extension', r.extoid);
    return {
      kind: 'extension-acl',
      id: `${objectId(r.catalog, oid)}/acl${r.attname ? `/${r.attname}` : ''}`,
      oid,
      schema: r.schema,
      name: r.name,
      owner: r.owner,
      acl: r.acl,
      baseAcl: r.baseacl,
      comment: null,
      aliases: [],
      implicitDeps: extensionId ? [extensionId] : [],
      column: r.attname,
      label: r.label,
      aclClass: r.aclclass,
      extensionId,
    };
  });
}
