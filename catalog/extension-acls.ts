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
  readonly extensionId: string;
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
  extoid: string;
}

export async function readExtensionAcls(ctx: CatalogContext): Promise<ExtensionAclObject[]> {
  const rows = await ctx.client.query<ExtensionAclRow>(
    `WITH members AS (
       SELECT d.classid, d.objid, d.refobjid AS extoid FROM pg_catalog.pg_depend d
        WHERE d.deptype = 'e' AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass),
     objs AS (
       SELECT m.classid, m.objid, m.extoid, n.nspname AS schema, p.proname::text AS name,
              'FUNCTION ' || p.oid::pg_catalog.regprocedure::text AS label, 'function' AS aclclass,
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
     SELECT o.classid::pg_catalog.regclass::text AS catalog, o.objid::int8 AS objid, o.schema, o.name, o.label,
            o.aclclass, pg_catalog.pg_get_userbyid(o.ownerid) AS owner, o.acl::text AS acl,
            COALESCE(ip.initprivs, o.dflt)::text AS baseacl, o.extoid::int8 AS extoid
       FROM objs o
       LEFT JOIN pg_catalog.pg_init_privs ip ON ip.classoid = o.classid AND ip.objoid = o.objid AND ip.objsubid = 0
      WHERE o.acl IS NOT NULL AND o.acl::text IS DISTINCT FROM COALESCE(ip.initprivs, o.dflt)::text`,
  );
  return rows.map((r) => {
    const oid = Number(r.objid);
    const extensionId = objectId('pg_extension', r.extoid);
    return {
      kind: 'extension-acl',
      id: `${objectId(r.catalog, oid)}/acl`,
      oid,
      schema: r.schema,
      name: r.name,
      owner: r.owner,
      acl: r.acl,
      baseAcl: r.baseacl,
      comment: null,
      aliases: [],
      implicitDeps: [extensionId],
      label: r.label,
      aclClass: r.aclclass,
      extensionId,
    };
  });
}
