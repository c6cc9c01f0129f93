/**
 * The OIDs of the system catalogs our object ids name (`pg_class:16384`). They are fixed at
 * initdb by PostgreSQL's catalog headers and the same on every major; archives record an
 * entry's object as (catalog OID, object OID).
 */
const CATALOG_OIDS: Readonly<Record<string, number>> = {
  pg_aggregate: 2600,
  pg_am: 2601,
  pg_amop: 2602,
  pg_amproc: 2603,
  pg_attrdef: 2604,
  pg_cast: 2605,
  pg_class: 1259,
  pg_collation: 3456,
  pg_constraint: 2606,
  pg_conversion: 2607,
  pg_database: 1262,
  pg_default_acl: 826,
  pg_event_trigger: 3466,
  pg_extension: 3079,
  pg_foreign_data_wrapper: 2328,
  pg_foreign_server: 1417,
  pg_language: 2612,
  // pg_dump names large objects by pg_largeobject, not by the metadata catalog
  pg_largeobject: 2613,
  pg_largeobject_metadata: 2613,
  pg_namespace: 2615,
  pg_opclass: 2616,
  pg_operator: 2617,
  pg_opfamily: 2753,
  pg_policy: 3256,
  pg_proc: 1255,
  pg_publication: 6104,
  pg_publication_namespace: 6237,
  pg_publication_rel: 6106,
  pg_rewrite: 2618,
  pg_statistic_ext: 3381,
  pg_subscription: 6100,
  pg_transform: 3576,
  pg_trigger: 2620,
  pg_ts_config: 3602,
  pg_ts_dict: 3600,
  pg_ts_parser: 3601,
  pg_ts_template: 3764,
  pg_type: 1247,
  pg_user_mapping: 1418,
};

/** (tableoid, oid) of an object id; (0, 0) when it names no catalog row we know. */
export function catalogIdOf(objectId: string | undefined): { tableoid: number; oid: number } {
  if (!objectId) return { tableoid: 0, oid: 0 };
  const m = /^([a-z_]+):(\d+)$/.exec(objectId);
  const tableoid = m ? CATALOG_OIDS[m[1]!] : undefined;
  if (!m || tableoid === undefined) return { tableoid: 0, oid: 0 };
  return { tableoid, oid: Number(m[2]) };
}

export const KNOWN_CATALOGS = Object.keys(CATALOG_OIDS);
