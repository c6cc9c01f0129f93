import type { CatalogContext } from './client.js';
import { FIRST_NORMAL_OID } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import { fdwOptionsJson, toFdwOptions, type FdwOption } from './fdw-options.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';

export interface ForeignServerObject extends ObjectBase {
  readonly kind: 'foreign-server';
  readonly wrapper: string;
  readonly serverType: string | null;
  readonly serverVersion: string | null;
  readonly options: readonly FdwOption[];
}

interface ServerRow {
  oid: string;
  name: string;
  owner: string;
  acl: string | null;
  baseacl: string;
  fdwoid: string;
  fdwname: string;
  fdwextoid: string | null;
  srvtype: string | null;
  srvversion: string | null;
  options: [string, string | null][] | null;
}

export async function readForeignServers(ctx: CatalogContext, comments: CommentMap): Promise<ForeignServerObject[]> {
  const rows = await ctx.client.query<ServerRow>(
    `SELECT s.oid::int8 AS oid, s.srvname AS name, pg_catalog.pg_get_userbyid(s.srvowner) AS owner,
            s.srvacl::text AS acl,
            COALESCE(ip.initprivs, pg_catalog.acldefault('S', s.srvowner))::text AS baseacl,
            w.oid::int8 AS fdwoid, w.fdwname, s.srvtype, s.srvversion,
            ${fdwOptionsJson('s.srvoptions')} AS options,
            (SELECT d.refobjid::int8 FROM pg_catalog.pg_depend d
              WHERE d.classid = 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass AND d.objid = w.oid
                AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype = 'e') AS fdwextoid
       FROM pg_catalog.pg_foreign_server s
       JOIN pg_catalog.pg_foreign_data_wrapper w ON w.oid = s.srvfdw
       LEFT JOIN pg_catalog.pg_init_privs ip
         ON ip.objoid = s.oid AND ip.classoid = 'pg_catalog.pg_foreign_server'::pg_catalog.regclass
        AND ip.objsubid = 0
      WHERE s.oid >= $1`,
    [FIRST_NORMAL_OID],
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    // A wrapper from an extension is not dumped itself; the server must follow CREATE EXTENSION.
    const wrapperDep = r.fdwextoid !== null ? objectId('pg_extension', r.fdwextoid) : objectId('pg_foreign_data_wrapper', r.fdwoid);
    return {
      kind: 'foreign-server',
      id: objectId('pg_foreign_server', oid),
      oid,
      schema: null,
      name: r.name,
      owner: r.owner,
      acl: r.acl,
      baseAcl: r.baseacl,
      comment: comments.get(commentKey('pg_foreign_server', oid)) ?? null,
      aliases: [],
      implicitDeps: [wrapperDep],
      wrapper: r.fdwname,
      serverType: r.srvtype,
      serverVersion: r.srvversion,
      options: toFdwOptions(r.options),
    };
  });
}
