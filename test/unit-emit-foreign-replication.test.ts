// Pure tests of the foreign-data (wrapper, server, user mapping, foreign table) and
// logical replication (publication, its tables and schemas, subscription) emitters.
import { describe, expect, it } from 'vitest';
import type { ForeignDataWrapperObject } from '../catalog/foreign-data-wrappers.js';
import type { ForeignServerObject } from '../catalog/foreign-servers.js';
import type { ForeignTableObject } from '../catalog/foreign-tables.js';
import type { ObjectBase } from '../catalog/objects.js';
import type { PublicationSchemaObject } from '../catalog/publication-schemas.js';
import type { PublicationTableObject } from '../catalog/publication-tables.js';
import type { PublicationObject } from '../catalog/publications.js';
import type { SubscriptionObject } from '../catalog/subscriptions.js';
import type { UserMappingObject } from '../catalog/user-mappings.js';
import type { EmitContext } from '../src/ddl/common.js';
import { emitForeignDataWrapper } from '../src/ddl/foreign-data-wrapper.js';
import { emitForeignServer } from '../src/ddl/foreign-server.js';
import { emitForeignTable } from '../src/ddl/foreign-table.js';
import { emitPublicationSchema } from '../src/ddl/publication-schema.js';
import { emitPublicationTable } from '../src/ddl/publication-table.js';
import { emitPublication } from '../src/ddl/publication.js';
import { emitSubscription } from '../src/ddl/subscription.js';
import { emitUserMapping } from '../src/ddl/user-mapping.js';
import { column, emitContext, objectBase } from './util/objects.js';

const base = (id: string, name: string, schema: string | null, owner: string | null = 'alice'): ObjectBase => objectBase(id, name, schema, { owner });
const ctx = (version: number, extra: Partial<EmitContext> = {}): EmitContext => emitContext({ version, ...extra });

describe('foreign-data wrapper and server emitters', () => {
  it('prints handler, validator and options in stored order, quoted', () => {
    const w: ForeignDataWrapperObject = {
      ...base('pg_foreign_data_wrapper:1', 'My "W"', null, 'postgres'),
      kind: 'foreign-data-wrapper',
      handler: 's.h',
      validator: null,
      options: [['user', "it's"], ['a', '']],
      aclOnly: false,
      acl: '{postgres=U/postgres,bob=U/postgres}',
      baseAcl: '{postgres=U/postgres}',
    };
    const ddl = emitForeignDataWrapper(w);
    expect(ddl.create).toBe(`CREATE FOREIGN DATA WRAPPER "My ""W""" HANDLER s.h OPTIONS (\n    "user" 'it''s',\n    a ''\n);`);
    expect(ddl.owner).toBe('ALTER FOREIGN DATA WRAPPER "My ""W""" OWNER TO postgres;');
    expect(ddl.acl).toBe('GRANT ALL ON FOREIGN DATA WRAPPER "My ""W""" TO bob;');
  });

  it('prints only the changed privileges of a wrapper that belongs to an extension', () => {
    const w: ForeignDataWrapperObject = {
      ...base('pg_foreign_data_wrapper:2/acl', 'postgres_fdw', null, 'postgres'),
      kind: 'foreign-data-wrapper', handler: 'h', validator: 'v', options: [], aclOnly: true,
      acl: '{postgres=U/postgres,bob=U/postgres}', baseAcl: '{postgres=U/postgres}',
    };
    const ddl = emitForeignDataWrapper(w);
    expect([ddl.create, ddl.owner, ddl.drop]).toEqual(['', '', '']);
    expect(ddl.acl).toBe('GRANT ALL ON FOREIGN DATA WRAPPER postgres_fdw TO bob;');
  });

  it('names a server SERVER for ALTER and COMMENT but FOREIGN SERVER for GRANT', () => {
    const s: ForeignServerObject = {
      ...base('pg_foreign_server:3', 'srv', null),
      kind: 'foreign-server', wrapper: 'w', serverType: "o'k", serverVersion: null, options: [],
      comment: 'c', acl: '{alice=U/alice,=U/alice}', baseAcl: '{alice=U/alice}',
    };
    const ddl = emitForeignServer(s);
    expect(ddl.create).toBe(`CREATE SERVER srv TYPE 'o''k' FOREIGN DATA WRAPPER w;`);
    expect(ddl.owner).toBe('ALTER SERVER srv OWNER TO alice;');
    expect(ddl.comments[0]!.sql).toBe(`COMMENT ON SERVER srv IS 'c';`);
    expect(ddl.acl).toBe('GRANT ALL ON FOREIGN SERVER srv TO PUBLIC;');
  });

  it('maps PUBLIC and named roles, leaving out options it could not read', () => {
    const m: UserMappingObject = {
      ...base('pg_user_mapping:4', 'public srv', null), kind: 'user-mapping', user: null, server: 'srv', options: [['user', 'u']],
    };
    expect(emitUserMapping(m).create).toBe(`CREATE USER MAPPING FOR PUBLIC SERVER srv OPTIONS (\n    "user" 'u'\n);`);
    expect(emitUserMapping(m).tag).toBe('USER MAPPING public SERVER srv');
    const hidden = { ...m, user: 'Bob', options: null };
    expect(emitUserMapping(hidden).create).toBe('CREATE USER MAPPING FOR "Bob" SERVER srv;');
  });
});

describe('foreign table emitter', () => {
  const t: ForeignTableObject = {
    ...base('pg_class:10', 'ft', 's'),
    kind: 'foreign-table',
    server: 'Srv',
    options: [['table_name', 'r']],
    columns: [
      column('a', 'integer', { notNull: true, statisticsTarget: 50 }),
      column('b', 'text', { collation: 'pg_catalog."C"', acl: '{bob=r/alice}', comment: 'col' }),
    ],
    columnOptions: new Map([['a', [['column_name', 'x'] as const]]]),
    parents: [],
    partitionBound: null,
    identitySequences: new Map(),
    acl: '{alice=arwdDxt/alice,bob=r/alice}',
    baseAcl: '{alice=arwdDxt/alice}',
  };

  it('prints columns, inline defaults, SERVER and OPTIONS, then per-column settings', () => {
    const ddl = emitForeignTable(t, ctx(150000, { inlineDefaults: new Map([['pg_class:10', new Map([['b', "'d'::text"]])]]) }));
    expect(ddl.create).toBe(
      'CREATE FOREIGN TABLE s.ft (\n    a integer NOT NULL,\n    b text COLLATE pg_catalog."C" DEFAULT \'d\'::text\n)\n' +
        "SERVER \"Srv\"\nOPTIONS (\n    table_name 'r'\n);\n" +
        'ALTER FOREIGN TABLE ONLY s.ft ALTER COLUMN a SET STATISTICS 50;\n' +
        "ALTER FOREIGN TABLE s.ft ALTER COLUMN a OPTIONS (\n    column_name 'x'\n);",
    );
    expect(ddl.desc).toBe('FOREIGN TABLE');
    expect(ddl.owner).toBe('ALTER FOREIGN TABLE s.ft OWNER TO alice;');
    expect(ddl.comments.map((c) => c.sql)).toEqual([`COMMENT ON COLUMN s.ft.b IS 'col';`]);
    expect(ddl.acl).toBe('GRANT SELECT ON TABLE s.ft TO bob;');
    expect(ddl.columnAcls).toEqual([{ label: 'COLUMN s.ft.b', sql: 'GRANT SELECT(b) ON TABLE s.ft TO bob;' }]);
  });

  it('creates a partition with every column and attaches it', () => {
    const p = { ...t, columns: [column('a', 'integer', { isLocal: false })], columnOptions: new Map(), options: [],
      parents: [{ schema: 's', name: 'parent' }], partitionBound: 'FOR VALUES IN (1)' };
    expect(emitForeignTable(p, ctx(150000)).create).toBe(
      'CREATE FOREIGN TABLE s.ft (\n    a integer\n)\nSERVER "Srv";\nALTER TABLE ONLY s.parent ATTACH PARTITION s.ft FOR VALUES IN (1);',
    );
  });

  it('lists only local columns of an inheritance child and sets what it changed on inherited ones', () => {
    const c = { ...t, columnOptions: new Map(), options: [], parents: [{ schema: 's', name: 'parent' }],
      columns: [column('a', 'integer', { isLocal: false }), column('z', 'integer')] };
    const ddl = emitForeignTable(c, ctx(150000, { inlineDefaults: new Map([['pg_class:10', new Map([['a', '1']])]]) }));
    expect(ddl.create).toBe(
      'CREATE FOREIGN TABLE s.ft (\n    z integer\n)\nINHERITS (s.parent)\nSERVER "Srv";\n' +
        'ALTER FOREIGN TABLE ONLY s.ft ALTER COLUMN a SET DEFAULT 1;',
    );
  });
});

describe('publication emitters', () => {
  const p: PublicationObject = {
    ...base('pg_publication:20', 'Pub', null), kind: 'publication', allTables: true,
    insert: true, update: false, delete: true, truncate: false, viaRoot: true, generatedColumns: 's',
  };

  it('spells out publish and the partition-root option; generated columns only on 18', () => {
    expect(emitPublication(p, ctx(170000)).create).toBe(
      `CREATE PUBLICATION "Pub" FOR ALL TABLES WITH (publish = 'insert, delete', publish_via_partition_root = true);`,
    );
    expect(emitPublication({ ...p, allTables: false, viaRoot: false }, ctx(180000)).create).toBe(
      `CREATE PUBLICATION "Pub" WITH (publish = 'insert, delete', publish_generated_columns = stored);`,
    );
  });

  it('adds tables with column lists and row filters, and schemas', () => {
    const t: PublicationTableObject = {
      ...base('pg_publication_rel:21', 'T', 's'), kind: 'publication-table', publication: 'Pub', tableId: 'pg_class:1',
      tableName: 'T', columns: ['a', 'B'], where: '(a > 1)',
    };
    expect(emitPublicationTable(t).create).toBe('ALTER PUBLICATION "Pub" ADD TABLE ONLY s."T" (a, "B") WHERE ((a > 1));');
    expect(emitPublicationTable({ ...t, columns: null, where: null }).create).toBe('ALTER PUBLICATION "Pub" ADD TABLE ONLY s."T";');
    const n: PublicationSchemaObject = { ...base('pg_publication_namespace:22', 'Pub', 'My S'), kind: 'publication-schema', publication: 'Pub' };
    expect(emitPublicationSchema(n).create).toBe('ALTER PUBLICATION "Pub" ADD TABLES IN SCHEMA "My S";');
  });
});

describe('subscription emitter', () => {
  const s: SubscriptionObject = {
    ...base('pg_subscription:30', 'sub', null), kind: 'subscription', conninfo: "dbname='a b'", slotName: 'slot',
    publications: ['p1', 'P 2'], synchronousCommit: 'off', binary: false, streaming: 'f', twoPhase: 'd',
    disableOnError: false, origin: 'any', passwordRequired: true, runAsOwner: false, failover: false,
  };

  it('never connects and prints only non-default options', () => {
    expect(emitSubscription(s, ctx(150000)).create).toBe(
      `CREATE SUBSCRIPTION sub CONNECTION 'dbname=''a b''' PUBLICATION p1, "P 2" WITH (connect = false, slot_name = 'slot');`,
    );
    const all = { ...s, slotName: null, binary: true, streaming: 'p' as const, twoPhase: 'p' as const, disableOnError: true,
      origin: 'none', passwordRequired: false, runAsOwner: true, failover: true, synchronousCommit: 'local' };
    expect(emitSubscription(all, ctx(170000)).create).toBe(
      `CREATE SUBSCRIPTION sub CONNECTION 'dbname=''a b''' PUBLICATION p1, "P 2" WITH (connect = false, slot_name = NONE, ` +
        `binary = true, streaming = parallel, two_phase = on, disable_on_error = true, origin = 'none', ` +
        `password_required = false, run_as_owner = true, failover = true, synchronous_commit = 'local');`,
    );
  });

  it('follows the streaming default of the major: off before 18, parallel from 18', () => {
    expect(emitSubscription({ ...s, streaming: 'p' }, ctx(180000)).create).not.toContain('streaming');
    expect(emitSubscription(s, ctx(180000)).create).toContain('streaming = off');
  });
});
