import type { CatalogContext } from './client.js';
import { readSharedLabels, type SharedLabel } from './shared-labels.js';

/** A user tablespace (pg_default and pg_global are built in and never dumped). */
export interface TablespaceInfo {
  readonly oid: number;
  readonly name: string;
  readonly owner: string;
  /**
   * The directory, or '' for an in-place tablespace (allow_in_place_tablespaces), whose
   * location the server reports relative to the data directory.
   */
  readonly location: string;
  /** `name=value` storage options (seq_page_cost, random_page_cost, ...) */
  readonly options: readonly string[];
  readonly acl: string | null;
  readonly baseAcl: string;
  readonly comment: string | null;
  readonly securityLabels: readonly SharedLabel[];
}

interface TablespaceRow {
  oid: string;
  spcname: string;
  owner: string;
  location: string;
  options: string[] | null;
  acl: string | null;
  baseacl: string;
  description: string | null;
}

/** Every tablespace but the built-in ones, in creation (OID) order: two queries. */
export async function readTablespaces(ctx: CatalogContext): Promise<TablespaceInfo[]> {
  const rows = await ctx.client.query<TablespaceRow>(
    `SELECT t.oid::int8 AS oid, t.spcname, pg_catalog.pg_get_userbyid(t.spcowner) AS owner,
            pg_catalog.pg_tablespace_location(t.oid) AS location,
            t.spcoptions::text[] AS options, t.spcacl::text AS acl,
            pg_catalog.acldefault('t', t.spcowner)::text AS baseacl,
            pg_catalog.shobj_description(t.oid, 'pg_tablespace') AS description
       FROM pg_catalog.pg_tablespace t
      WHERE t.spcname !~ '^pg_'
      ORDER BY t.oid`,
  );
  const labels = await readSharedLabels(ctx, 'pg_tablespace');
  return rows.map((r) => {
    const oid = Number(r.oid);
    return {
      oid,
      name: r.spcname,
      owner: r.owner,
      // A Windows server reports drive-letter paths.
      location: /^([A-Za-z]:)?[\\/]/.test(r.location) ? r.location : '',
      options: r.options ?? [],
      acl: r.acl,
      baseAcl: r.baseacl,
      comment: r.description,
      securityLabels: labels.get(oid) ?? [],
    };
  });
}
