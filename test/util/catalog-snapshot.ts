// A dumper-independent view of a database's user objects: one sorted text listing per
// catalog, with names instead of OIDs, so two databases can be compared for "the same
// objects with the same definitions". A kind the dumper silently drops shows up here even
// when no fixture names it.
import { query } from './pg.js';

const USER_NS = `nspname NOT IN ('pg_catalog', 'information_schema') AND nspname !~ '^pg_toast' AND nspname !~ '^pg_temp'`;

/** An ACL as a sorted list, NULL meaning the default: equal privileges compare equal. */
function acl(column: string, kind: string, owner: string): string {
  return `(SELECT string_agg(i::text, ',' ORDER BY i::text) FROM unnest(COALESCE(${column}, acldefault('${kind}', ${owner}))) i)`;
}

/** Same for an ACL without an owner-based default (columns, default privileges). */
function plainAcl(column: string): string {
  return `(SELECT string_agg(i::text, ',' ORDER BY i::text) FROM unnest(${column}) i)`;
}

interface Probe {
  readonly name: string;
  readonly min?: number;
  readonly sql: (v: number) => string;
}

const PROBES: readonly Probe[] = [
  { name: 'schemas', sql: () => `SELECT nspname, pg_get_userbyid(nspowner), ${acl('nspacl', 'n', 'nspowner')}, obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE ${USER_NS}` },
  { name: 'extensions', sql: () => `SELECT extname, extnamespace::regnamespace::text, extversion, extconfig::regclass[]::text, extcondition::text FROM pg_extension` },
  {
    name: 'relations',
    sql: (v) => `SELECT c.oid::regclass::text, c.relkind, c.relpersistence, pg_get_userbyid(c.relowner), c.reloptions::text,
      CASE WHEN c.relkind = 'S' THEN ${acl('c.relacl', 's', 'c.relowner')} ELSE ${acl('c.relacl', 'r', 'c.relowner')} END,
      c.relispartition, pg_get_expr(c.relpartbound, c.oid), CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END,
      c.reloftype::regtype::text, am.amname, c.relrowsecurity, c.relforcerowsecurity, c.relreplident, obj_description(c.oid, 'pg_class'),
      ${v >= 90000 ? `(SELECT string_agg(i.inhparent::regclass::text, ',' ORDER BY i.inhseqno) FROM pg_inherits i WHERE i.inhrelid = c.oid)` : 'NULL'},
      CASE WHEN c.relkind IN ('v', 'm') THEN pg_get_viewdef(c.oid) END, c.relispopulated, t.reloptions::text
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_am am ON am.oid = c.relam
      LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
      WHERE ${USER_NS} AND c.relkind <> 't'`,
  },
  {
    name: 'columns',
    // position among live columns: dropped columns' slots are not part of the contract
    sql: (v) => `SELECT a.attrelid::regclass::text, row_number() OVER (PARTITION BY a.attrelid ORDER BY a.attnum), a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
      pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated, co.collname, a.attstorage, a.attoptions::text, ${plainAcl('a.attacl')},
      a.attfdwoptions::text, a.attislocal, a.attinhcount, ${v >= 140000 ? 'a.attcompression' : 'NULL'},
      ${v >= 170000 ? 'a.attstattarget' : 'NULLIF(a.attstattarget, -1)'}, col_description(a.attrelid, a.attnum)
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum LEFT JOIN pg_collation co ON co.oid = a.attcollation
      WHERE ${USER_NS} AND a.attnum > 0 AND NOT a.attisdropped AND c.relkind <> 't'`,
  },
  {
    name: 'constraints',
    sql: () => `SELECT conrelid::regclass::text, contypid::regtype::text, conname, contype, pg_get_constraintdef(c.oid), condeferrable,
      condeferred, convalidated, conislocal, coninhcount,
      -- NO INHERIT matters for CHECK and NOT NULL; keys carry a flag nobody can set or see
      CASE WHEN contype IN ('c', 'n') THEN connoinherit END, obj_description(c.oid, 'pg_constraint')
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE ${USER_NS}`,
  },
  {
    name: 'indexes',
    sql: () => `SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid), i.indisclustered, i.indisreplident, i.indisvalid,
      obj_description(i.indexrelid, 'pg_class'),
      (SELECT string_agg(a.attnum || '=' || a.attstattarget, ',') FROM pg_attribute a WHERE a.attrelid = i.indexrelid AND a.attstattarget > 0)
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_NS}`,
  },
  {
    name: 'functions',
    sql: () => `SELECT p.oid::regprocedure::text, p.prokind, pg_get_userbyid(p.proowner), ${acl('p.proacl', 'f', 'p.proowner')}, obj_description(p.oid, 'pg_proc'),
      CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END, p.proconfig::text
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE ${USER_NS}`,
  },
  {
    name: 'aggregates',
    sql: () => `SELECT a.aggfnoid::regprocedure::text, a.aggkind, a.aggnumdirectargs, a.aggtransfn::text, a.aggfinalfn::text,
      a.aggcombinefn::text, a.aggserialfn::text, a.aggdeserialfn::text, a.aggmtransfn::text, a.aggminvtransfn::text,
      a.aggmfinalfn::text, a.aggfinalextra, a.aggmfinalextra, a.aggsortop::regoperator::text, a.aggtranstype::regtype::text,
      a.aggtransspace, a.aggmtranstype::regtype::text, a.aggmtransspace, a.agginitval, a.aggminitval
      FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid JOIN pg_namespace n ON n.oid = p.pronamespace WHERE ${USER_NS}`,
  },
  {
    name: 'types',
    sql: () => `SELECT t.oid::regtype::text, t.typtype, pg_get_userbyid(t.typowner), ${acl('t.typacl', 'T', 't.typowner')}, obj_description(t.oid, 'pg_type'),
      t.typlen, t.typbyval, t.typcategory, t.typispreferred, t.typdelim, t.typinput::text, t.typoutput::text, t.typreceive::text,
      t.typsend::text, t.typmodin::text, t.typmodout::text, t.typanalyze::text, t.typalign, t.typstorage, t.typnotnull,
      t.typbasetype::regtype::text, t.typtypmod, t.typndims, t.typdefault, co.collname,
      (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_collation co ON co.oid = t.typcollation
      WHERE ${USER_NS} AND t.typelem = 0 OR (${USER_NS} AND t.typtype = 'b')`,
  },
  {
    name: 'ranges',
    sql: (v) => `SELECT r.rngtypid::regtype::text, r.rngsubtype::regtype::text, ${v >= 140000 ? 'r.rngmultitypid::regtype::text' : 'NULL'},
      co.collname, oc.opcname, r.rngcanonical::text, r.rngsubdiff::text
      FROM pg_range r JOIN pg_type t ON t.oid = r.rngtypid JOIN pg_namespace n ON n.oid = t.typnamespace
      LEFT JOIN pg_collation co ON co.oid = r.rngcollation JOIN pg_opclass oc ON oc.oid = r.rngsubopc WHERE ${USER_NS}`,
  },
  {
    name: 'triggers',
    sql: () => `SELECT t.tgrelid::regclass::text, t.tgname, pg_get_triggerdef(t.oid), t.tgenabled, obj_description(t.oid, 'pg_trigger')
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${USER_NS} AND (NOT t.tgisinternal OR t.tgparentid <> 0)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.oid = t.tgconstraint AND k.contype = 'f')`,
  },
  {
    name: 'rules',
    sql: () => `SELECT r.ev_class::regclass::text, r.rulename, pg_get_ruledef(r.oid), r.ev_enabled, obj_description(r.oid, 'pg_rewrite')
      FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace WHERE ${USER_NS}`,
  },
  {
    name: 'policies',
    sql: () => `SELECT p.polrelid::regclass::text, p.polname, p.polcmd, p.polpermissive,
      (SELECT string_agg(x, ',' ORDER BY x) FROM (SELECT CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r)::text END AS x FROM unnest(p.polroles) r) q),
      pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid) FROM pg_policy p`,
  },
  { name: 'sequences', sql: () => `SELECT schemaname, sequencename, data_type::text, start_value, min_value, max_value, increment_by, cycle, cache_size, last_value FROM pg_sequences` },
  { name: 'statistics', sql: (v) => `SELECT s.stxname, pg_get_statisticsobjdef(s.oid), ${v >= 170000 ? 's.stxstattarget' : 'NULLIF(s.stxstattarget, -1)'}, pg_get_userbyid(s.stxowner), obj_description(s.oid, 'pg_statistic_ext') FROM pg_statistic_ext s` },
  { name: 'default privileges', sql: () => `SELECT pg_get_userbyid(defaclrole), defaclnamespace::regnamespace::text, defaclobjtype, ${plainAcl('defaclacl')} FROM pg_default_acl` },
  { name: 'casts', sql: () => `SELECT castsource::regtype::text, casttarget::regtype::text, castfunc::regprocedure::text, castcontext, castmethod FROM pg_cast WHERE oid >= 16384` },
  { name: 'collations', sql: () => `SELECT c.collname, n.nspname, c.collprovider, c.collisdeterministic, pg_get_userbyid(c.collowner) FROM pg_collation c JOIN pg_namespace n ON n.oid = c.collnamespace WHERE ${USER_NS}` },
  { name: 'conversions', sql: () => `SELECT c.conname, n.nspname, c.conforencoding, c.contoencoding, c.conproc::text, c.condefault FROM pg_conversion c JOIN pg_namespace n ON n.oid = c.connamespace WHERE ${USER_NS}` },
  { name: 'operators', sql: () => `SELECT o.oid::regoperator::text, o.oprcode::text, o.oprcom::regoperator::text, o.oprnegate::regoperator::text, o.oprrest::text, o.oprjoin::text, o.oprcanmerge, o.oprcanhash FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace WHERE ${USER_NS}` },
  { name: 'operator classes', sql: () => `SELECT c.opcname, n.nspname, am.amname, f.opfname, c.opcintype::regtype::text, c.opcdefault, c.opckeytype::regtype::text FROM pg_opclass c JOIN pg_namespace n ON n.oid = c.opcnamespace JOIN pg_am am ON am.oid = c.opcmethod JOIN pg_opfamily f ON f.oid = c.opcfamily WHERE ${USER_NS}` },
  { name: 'operator family members', sql: () => `SELECT f.opfname, am.amname, o.amoplefttype::regtype::text, o.amoprighttype::regtype::text, o.amopstrategy, o.amopopr::regoperator::text, o.amoppurpose FROM pg_amop o JOIN pg_opfamily f ON f.oid = o.amopfamily JOIN pg_am am ON am.oid = f.opfmethod JOIN pg_namespace n ON n.oid = f.opfnamespace WHERE ${USER_NS}
      UNION ALL SELECT f.opfname, am.amname, p.amproclefttype::regtype::text, p.amprocrighttype::regtype::text, p.amprocnum, p.amproc::regprocedure::text, 'f' FROM pg_amproc p JOIN pg_opfamily f ON f.oid = p.amprocfamily JOIN pg_am am ON am.oid = f.opfmethod JOIN pg_namespace n ON n.oid = f.opfnamespace WHERE ${USER_NS}` },
  { name: 'access methods', sql: () => `SELECT amname, amhandler::text, amtype FROM pg_am WHERE oid >= 16384` },
  { name: 'languages', sql: () => `SELECT lanname, lanpltrusted, lanplcallfoid::regprocedure::text, laninline::regprocedure::text, lanvalidator::regprocedure::text, ${acl('lanacl', 'l', 'lanowner')} FROM pg_language WHERE oid >= 16384 OR lanacl IS NOT NULL` },
  { name: 'transforms', sql: () => `SELECT trftype::regtype::text, l.lanname, trffromsql::regprocedure::text, trftosql::regprocedure::text FROM pg_transform t JOIN pg_language l ON l.oid = t.trflang` },
  { name: 'text search', sql: () => `SELECT 'config', cfgname, cfgnamespace::regnamespace::text, (SELECT prsname::text FROM pg_ts_parser WHERE oid = cfgparser), (SELECT string_agg(m.maptokentype || ':' || m.mapseqno || ':' || m.mapdict::regdictionary::text, ',' ORDER BY m.maptokentype, m.mapseqno) FROM pg_ts_config_map m WHERE m.mapcfg = c.oid) FROM pg_ts_config c WHERE oid >= 16384
      UNION ALL SELECT 'dict', dictname, dictnamespace::regnamespace::text, (SELECT tmplname::text FROM pg_ts_template WHERE oid = dicttemplate), dictinitoption FROM pg_ts_dict WHERE oid >= 16384
      UNION ALL SELECT 'parser', prsname, prsnamespace::regnamespace::text, prsstart::text || prstoken::text || prsend::text || prsheadline::text, prslextype::text FROM pg_ts_parser WHERE oid >= 16384
      UNION ALL SELECT 'template', tmplname, tmplnamespace::regnamespace::text, tmplinit::text, tmpllexize::text FROM pg_ts_template WHERE oid >= 16384` },
  { name: 'foreign data', sql: () => `SELECT 'fdw', fdwname, fdwhandler::regproc::text || fdwvalidator::regproc::text, fdwoptions::text, ${acl('fdwacl', 'F', 'fdwowner')} FROM pg_foreign_data_wrapper
      UNION ALL SELECT 'server', srvname, srvtype || '/' || coalesce(srvversion, ''), srvoptions::text, ${acl('srvacl', 'S', 'srvowner')} FROM pg_foreign_server
      UNION ALL SELECT 'mapping', srvname, usename::text, umoptions::text, NULL FROM pg_user_mappings
      UNION ALL SELECT 'table', ftrelid::regclass::text, (SELECT srvname::text FROM pg_foreign_server WHERE oid = ftserver), ftoptions::text, NULL FROM pg_foreign_table` },
  { name: 'publications', sql: () => `SELECT p.pubname, p.puballtables, p.pubinsert, p.pubupdate, p.pubdelete, p.pubtruncate, p.pubviaroot, (SELECT string_agg(x, ',' ORDER BY x) FROM (SELECT pr.prrelid::regclass::text AS x FROM pg_publication_rel pr WHERE pr.prpubid = p.oid) q) FROM pg_publication p` },
  { name: 'publication filters', min: 150000, sql: () => `SELECT p.pubname, pr.prrelid::regclass::text, pg_get_expr(pr.prqual, pr.prrelid), pr.prattrs::text FROM pg_publication_rel pr JOIN pg_publication p ON p.oid = pr.prpubid
      UNION ALL SELECT p.pubname, pn.pnnspid::regnamespace::text, 'schema', NULL FROM pg_publication_namespace pn JOIN pg_publication p ON p.oid = pn.pnpubid` },
  { name: 'subscriptions', sql: (v) => `SELECT subname, subenabled, subconninfo, subslotname, subpublications::text, ${v >= 140000 ? 'subbinary' : 'NULL'} FROM pg_subscription WHERE subdbid = (SELECT oid FROM pg_database WHERE datname = current_database())` },
  { name: 'event triggers', sql: () => `SELECT evtname, evtevent, evtfoid::regprocedure::text, evtenabled, evttags::text FROM pg_event_trigger` },
  { name: 'large objects', sql: () => `SELECT oid, pg_get_userbyid(lomowner), ${acl('lomacl', 'L', 'lomowner')}, obj_description(oid, 'pg_largeobject'), md5(lo_get(oid)) FROM pg_largeobject_metadata` },
  { name: 'changed initial privileges', sql: () => `SELECT c.oid::regclass::text, c.relacl::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'pg_catalog' AND c.relacl IS DISTINCT FROM (SELECT initprivs FROM pg_init_privs i WHERE i.objoid = c.oid AND i.classoid = 'pg_class'::regclass AND i.objsubid = 0)` },
];

/** The catalog listing of the database at `url`, probe name -> sorted rows. */
export async function catalogSnapshot(url: string, versionNum: number): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const probe of PROBES) {
    if (probe.min && versionNum < probe.min) continue;
    const rows = await query(url, `SET search_path = pg_catalog, public; ${probe.sql(versionNum)}`.replace(/^SET[^;]*;\s*/, ''));
    out.set(probe.name, rows.map((r) => JSON.stringify(Object.values(r))).sort());
  }
  return out;
}
