import type { CatalogContext } from './client.js';
import { FIRST_NORMAL_OID } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import { fdwOptionsJson, toFdwOptions, type FdwOption } from './fdw-options.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';

export interface ForeignDataWrapperObject extends ObjectBase {
  readonly kind: 'foreign-data-wrapper';
  /** regproc text of the handler, schema-qualified when needed; null for none */
  readonly handler: string | null;
  readonly validator: string | null;
  readonly options: readonly FdwOption[];
  /**
   * A wrapper created by an extension (postgres_fdw) comes back with CREATE EXTENSION;
   * only privileges changed since then are dumped, under an id of its own so the
   * extension-member filter keeps it.
   */
  readonly aclOnly: boolean;
}

interface FdwRow {
  oid: string;
  name: string;
  owner: string;
  acl: string | null;
  baseacl: string;
  handler: string | null;
  validator: string | null;
  options: [string, string | null][] | null;
  extoid: string | null;
}

export async function readForeignDataWrappers(
  ctx: CatalogContext,
  comments: CommentMap,
): Promise<ForeignDataWrapperObject[]> {
  const rows = await ctx.client.query<FdwRow>(
    `SELECT w.oid::int8 AS oid, w.fdwname AS name, pg_catalog.pg_get_userbyid(w.fdwowner) AS owner,
            w.fdwacl::text AS acl,
            COALESCE(ip.initprivs, pg_catalog.acldefault('F', w.fdwowner))::text AS baseacl,
            CASE WHEN w.fdwhandler <> 0 THEN w.fdwhandler::pg_catalog.regproc::text END AS handler,
            CASE WHEN w.fdwvalidator <> 0 THEN w.fdwvalidator::pg_catalog.regproc::text END AS validator,
            ${fdwOptionsJson('w.fdwoptions')} AS options,
            (SELECT d.refobjid::int8 FROM pg_catalog.pg_depend d
              WHERE d.classid = 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass AND d.objid = w.oid
                AND d.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass AND d.deptype = 'e') AS extoid
       FROM pg_catalog.pg_foreign_data_wrapper w
       LEFT JOIN pg_catalog.pg_init_privs ip
         ON ip.objoid = w.oid AND ip.classoid = 'pg_catalog.pg_foreign_data_wrapper'::pg_catalog.regclass
        AND ip.objsubid = 0
      WHERE w.oid >= $1`,
    [FIRST_NORMAL_OID],
  );
  const out: ForeignDataWrapperObject[] = [];
  for (const r of rows) {
    const oid = Number(r.oid);
    const id = objectId('pg_foreign_data_wrapper', oid);
    const member = r.extoid !== null;
    if (member && (r.acl === null || r.acl === r.baseacl)) continue;
    out.push({
      kind: 'foreign-data-wrapper',
      id: member ? `${id}/acl` : id,
      oid,
      schema: null,
      name: r.name,
      owner: r.owner,
      acl: r.acl,
      baseAcl: r.baseacl,
      comment: member ? null : (comments.get(commentKey('pg_foreign_data_wrapper', oid)) ?? null),
      aliases: [],
      implicitDeps: member ? [objectId('pg_extension', r.extoid!)] : [],
      handler: r.handler,
      validator: r.validator,
      options: toFdwOptions(r.options),
      aclOnly: member,
    });
  }
  return out;
}
