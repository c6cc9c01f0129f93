import type { CatalogContext } from './client.js';
import type { CommentMap } from './comments.js';
import { commentKey } from './comments.js';
import type { ObjectBase } from './objects.js';
import { baseFields, objectId } from './objects.js';
import { SYSTEM_SCHEMA_FILTER } from './schemas.js';
import type { QualifiedName } from './ts-common.js';

/** One token type and the dictionaries it is looked up in, in order. */
export interface TsConfigMapping {
  /** the token type's alias as the parser's lextype function names it */
  readonly token: string;
  readonly dicts: readonly QualifiedName[];
}

export interface TsConfigObject extends ObjectBase {
  readonly kind: 'ts-config';
  readonly parser: QualifiedName;
  /** in token type number order, as the parser lists them */
  readonly mappings: readonly TsConfigMapping[];
}

/** [token type number, alias, dictionary schema, dictionary name, dictionary oid] */
type MappingTuple = [number, string, string, string, number];

interface TsConfigRow {
  oid: string;
  schema: string;
  name: string;
  nspoid: string;
  owner: string;
  prsoid: string;
  prsschema: string;
  prsname: string;
  mappings: MappingTuple[] | null;
}

/**
 * Token type names come from each parser's lextype function, called once per parser
 * that user configurations use, not once per configuration or mapping.
 */
export async function readTsConfigs(ctx: CatalogContext, comments: CommentMap): Promise<TsConfigObject[]> {
  const rows = await ctx.client.query<TsConfigRow>(
    `WITH tokens AS (
       SELECT p.oid AS prs, tt.tokid, tt.alias
         FROM pg_catalog.pg_ts_parser p
        CROSS JOIN LATERAL pg_catalog.ts_token_type(p.oid) tt
        WHERE p.oid IN (SELECT cfgparser FROM pg_catalog.pg_ts_config)
     )
     SELECT c.oid::int8 AS oid, n.nspname AS schema, c.cfgname AS name, n.oid::int8 AS nspoid,
            pg_catalog.pg_get_userbyid(c.cfgowner) AS owner, p.oid::int8 AS prsoid,
            pn.nspname AS prsschema, p.prsname,
            (SELECT pg_catalog.json_agg(pg_catalog.json_build_array(m.maptokentype, tk.alias, dn.nspname,
                                                                    d.dictname, d.oid::int8)
                                        ORDER BY m.maptokentype, m.mapseqno)
               FROM pg_catalog.pg_ts_config_map m
               JOIN tokens tk ON tk.prs = c.cfgparser AND tk.tokid = m.maptokentype
               JOIN pg_catalog.pg_ts_dict d ON d.oid = m.mapdict
               JOIN pg_catalog.pg_namespace dn ON dn.oid = d.dictnamespace
              WHERE m.mapcfg = c.oid) AS mappings
       FROM pg_catalog.pg_ts_config c
       JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace
       JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser
       JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace
      WHERE ${SYSTEM_SCHEMA_FILTER}`,
  );
  return rows.map((r) => {
    const oid = Number(r.oid);
    const mappings: { tokid: number; token: string; dicts: QualifiedName[] }[] = [];
    const dictIds = new Set<string>();
    for (const [tokid, token, dschema, dname, doid] of r.mappings ?? []) {
      const last = mappings[mappings.length - 1];
      const dict = { schema: dschema, name: dname };
      if (last && last.tokid === tokid) last.dicts.push(dict);
      else mappings.push({ tokid, token, dicts: [dict] });
      dictIds.add(objectId('pg_ts_dict', doid));
    }
    return {
      kind: 'ts-config',
      ...baseFields('pg_ts_config', oid, r, comments.get(commentKey('pg_ts_config', oid)) ?? null),
      aliases: [],
      implicitDeps: [objectId('pg_namespace', r.nspoid), objectId('pg_ts_parser', r.prsoid), ...dictIds],
      parser: { schema: r.prsschema, name: r.prsname },
      mappings: mappings.map(({ token, dicts }) => ({ token, dicts })),
    };
  });
}
