import type { CatalogContext } from './client.js';
import { fdwOptionsJson, toFdwOptions, type FdwOption } from './fdw-options.js';
import type { ObjectBase } from './objects.js';
import { objectId } from './objects.js';

/** A user mapping; its header owner is the server's owner, as in pg_dump. */
export interface UserMappingObject extends ObjectBase {
  readonly kind: 'user-mapping';
  /** null for the PUBLIC mapping */
  readonly user: string | null;
  readonly server: string;
  /** null when there are none, or when pg_user_mappings hides them from the dumping role */
  readonly options: readonly FdwOption[] | null;
}

interface MappingRow {
  umid: string;
  srvid: string;
  srvname: string;
  owner: string;
  umuser: string;
  usename: string;
  hidden: boolean;
  options: [string, string | null][] | null;
}

/**
 * Read through pg_user_mappings, which everyone may query: pg_user_mapping itself is for
 * superusers, and the view hides umoptions (null) where they hold passwords of others.
 */
export async function readUserMappings(ctx: CatalogContext): Promise<UserMappingObject[]> {
  const rows = await ctx.client.query<MappingRow>(
    `SELECT um.umid::int8 AS umid, um.srvid::int8 AS srvid, um.srvname, um.umuser::int8 AS umuser, um.usename,
            pg_catalog.pg_get_userbyid(s.srvowner) AS owner, um.umoptions IS NULL AS hidden,
            ${fdwOptionsJson('um.umoptions')} AS options
       FROM pg_catalog.pg_user_mappings um
       JOIN pg_catalog.pg_foreign_server s ON s.oid = um.srvid
      WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                         WHERE d.classid = 'pg_catalog.pg_foreign_server'::pg_catalog.regclass
                           AND d.objid = um.srvid AND d.deptype = 'e')`,
  );
  return rows.map((r) => {
    const oid = Number(r.umid);
    const user = Number(r.umuser) === 0 ? null : r.usename;
    const serverId = objectId('pg_foreign_server', r.srvid);
    return {
      kind: 'user-mapping',
      id: objectId('pg_user_mapping', oid),
      oid,
      schema: null,
      name: `${user ?? 'public'} ${r.srvname}`,
      owner: r.owner,
      acl: null,
      baseAcl: null,
      comment: null,
      aliases: [],
      implicitDeps: [serverId],
      user,
      server: r.srvname,
      options: r.hidden ? null : toFdwOptions(r.options),
    };
  });
}
