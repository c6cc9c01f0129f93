// Pure tests of the DDL emitters on hand-built catalog objects. They check the parts that
// matter for a correct restore (clauses, quoting, ordering), not the whole text.
import { describe, expect, it } from 'vitest';
import type { ConstraintObject } from '../catalog/constraints.js';
import type { DomainObject } from '../catalog/domains.js';
import type { EnumObject } from '../catalog/enums.js';
import type { ObjectBase } from '../catalog/objects.js';
import type { SequenceObject } from '../catalog/sequences.js';
import type { Column, TableObject } from '../catalog/tables.js';
import type { ViewObject } from '../catalog/views.js';
import type { EmitContext } from '../src/ddl/common.js';
import { emitDomain, emitDomainLateChecks } from '../src/ddl/domain.js';
import { emitEnum } from '../src/ddl/enum.js';
import { emitObject } from '../src/ddl/index.js';
import { emitSequence, emitSequenceSet, sequenceOptionLines } from '../src/ddl/sequence.js';
import { emitRowSecurity, emitTable } from '../src/ddl/table.js';
import { emitMatviewRefresh, emitView, emitViewBody, emitViewStub } from '../src/ddl/view.js';

function base(id: string, name: string, schema: string | null = 'public'): ObjectBase {
  return {
    id,
    oid: Number(id.split(':')[1]),
    schema,
    name,
    owner: 'alice',
    acl: null,
    baseAcl: null,
    comment: null,
    aliases: [],
    implicitDeps: [],
  };
}

function ctx(over: Partial<EmitContext> = {}): EmitContext {
  return { version: 160000, inlineDefaults: new Map(), inlineChecks: new Map(), relationNames: new Map(), ...over };
}

function column(name: string, type = 'integer', over: Partial<Column> = {}): Column {
  return {
    attnum: 1,
    name,
    type,
    notNull: false,
    notNullConstraint: null,
    identity: '',
    generated: null,
    collation: null,
    isLocal: true,
    inheritCount: 0,
    statisticsTarget: null,
    storage: null,
    options: [],
    compression: null,
    acl: null,
    comment: null,
    ...over,
  };
}

function table(name: string, columns: Column[], over: Partial<TableObject> = {}): TableObject {
  return {
    ...base('pg_class:100', name),
    kind: 'table',
    relkind: 'r',
    unlogged: false,
    columns,
    reloptions: [],
    toastOptions: [],
    tablespace: null,
    accessMethod: 'heap',
    rowSecurity: false,
    forceRowSecurity: false,
    replicaIdentity: 'd',
    partitionKey: null,
    partitionBound: null,
    isPartition: false,
    parents: [],
    identitySequences: new Map(),
    estimatedBytes: 0,
    ...over,
  };
}

function sequence(over: Partial<SequenceObject> = {}): SequenceObject {
  return {
    ...base('pg_class:200', 'seq'),
    kind: 'sequence',
    dataType: 'bigint',
    start: '1',
    increment: '1',
    min: '1',
    max: '9223372036854775807',
    cache: '1',
    cycle: false,
    unlogged: false,
    ownedBy: null,
    lastValue: null,
    isCalled: false,
    ...over,
  };
}

function view(over: Partial<ViewObject> = {}): ViewObject {
  return {
    ...base('pg_class:300', 'active_items'),
    kind: 'view',
    relkind: 'v',
    query: ' SELECT items.id,\n    items.qty\n   FROM public.items\n  WHERE (items.qty > 0)',
    options: [],
    checkOption: null,
    populated: true,
    tablespace: null,
    accessMethod: null,
    columns: [column('id'), column('qty')],
    ...over,
  };
}

/** Lines of `sql` with the leading indentation removed. */
const trimmed = (sql: string) => sql.split('\n').map((l) => l.trim());

describe('emitTable', () => {
  const idSeq = sequence({
    ...base('pg_class:101', 'items_id_seq'),
    dataType: 'integer',
    max: '2147483647',
    ownedBy: { tableId: 'pg_class:100', column: 'id', identity: true },
  });
  const items = table(
    'items',
    [
      column('id', 'integer', { identity: 'a', notNull: true }),
      column('Name', 'text', { collation: 'pg_catalog."C"', notNull: true }),
      column('price', 'numeric(10,2)'),
      column('qty', 'integer'),
      column('total', 'numeric', { generated: { kind: 's', expr: '(price * (qty)::numeric)' } }),
      column('select', 'text'),
    ],
    { unlogged: true, reloptions: ['fillfactor=70', 'autovacuum_enabled=false'], toastOptions: ['autovacuum_enabled=false'], identitySequences: new Map([['id', idSeq]]) },
  );

  it('writes CREATE UNLOGGED TABLE with each column and its clauses', () => {
    const { create } = emitTable(items, ctx());
    expect(create.startsWith('CREATE UNLOGGED TABLE public.items (\n')).toBe(true);
    const l = trimmed(create);
    expect(l).toContain('id integer NOT NULL,');
    expect(l).toContain('"Name" text COLLATE pg_catalog."C" NOT NULL,');
    expect(l).toContain('price numeric(10,2),');
    expect(l).toContain('total numeric GENERATED ALWAYS AS ((price * (qty)::numeric)) STORED,');
    expect(l).toContain('"select" text');
  });

  it('keeps storage parameters, TOAST ones prefixed, as quoted values', () => {
    const { create } = emitTable(items, ctx());
    expect(create).toContain("WITH (fillfactor='70', autovacuum_enabled='false', toast.autovacuum_enabled='false');");
  });

  it('adds identity after CREATE TABLE, naming its sequence, with the sequence options', () => {
    const { create } = emitTable(items, ctx());
    const at = create.indexOf('ALTER TABLE public.items ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (');
    expect(at).toBeGreaterThan(create.indexOf(');'));
    const tail = trimmed(create.slice(at));
    expect(tail).toContain('SEQUENCE NAME public.items_id_seq');
    expect(tail).toContain('START WITH 1');
    expect(tail).toContain('NO MINVALUE');
    expect(tail).toContain('NO MAXVALUE');
    // same type as the column: no AS clause
    expect(tail.some((x) => x.startsWith('AS '))).toBe(false);
  });

  it('writes BY DEFAULT identity', () => {
    const t = table('t', [column('id', 'bigint', { identity: 'd', notNull: true })]);
    expect(emitTable(t, ctx()).create).toContain('ALTER TABLE public.t ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY');
  });

  it('writes a virtual generated column without STORED', () => {
    const t = table('t', [column('a'), column('b', 'integer', { generated: { kind: 'v', expr: '(a * 2)' } })]);
    const line = trimmed(emitTable(t, ctx({ version: 180000 })).create).find((x) => x.startsWith('b '))!;
    expect(line).toContain('GENERATED ALWAYS AS ((a * 2))');
    expect(line).not.toContain('STORED');
  });

  it('prints inline defaults and checks the plan chose, and nothing else', () => {
    const t = table('t', [column('id'), column('at', 'timestamp with time zone')]);
    const check: ConstraintObject = {
      ...base('pg_constraint:150', 't_id_check'),
      kind: 'constraint',
      contype: 'c',
      tableId: t.id,
      tableName: 't',
      definition: 'CHECK ((id > 0))',
      validated: true,
      isLocal: true,
      indexOid: null,
      indexClustered: false,
      indexName: null,
      indexComment: null,
    inheritedFromPartitionParent: false,
    tableRelkind: 'r',
    tableIsPartition: false,
      comment: 'ids are positive',
    };
    const plain = emitTable(t, ctx()).create;
    expect(plain).not.toContain('DEFAULT');
    expect(plain).not.toContain('CONSTRAINT');
    const ddl = emitTable(t, ctx({ inlineDefaults: new Map([[t.id, new Map([['at', 'now()']])]]), inlineChecks: new Map([[t.id, [check]]]) }));
    expect(trimmed(ddl.create)).toContain('at timestamp with time zone DEFAULT now(),');
    expect(trimmed(ddl.create)).toContain('CONSTRAINT t_id_check CHECK ((id > 0))');
    expect(ddl.comments.map((c) => c.sql)).toContain("COMMENT ON CONSTRAINT t_id_check ON public.t IS 'ids are positive';");
  });

  it('writes per-column settings CREATE TABLE cannot carry as ALTERs', () => {
    const t = table('t', [column('doc', 'text', { storage: 'e', statisticsTarget: 500, options: ['n_distinct=100'] })], {
      replicaIdentity: 'f',
      rowSecurity: true,
    });
    const { create } = emitTable(t, ctx());
    expect(create).toContain('ALTER TABLE ONLY public.t ALTER COLUMN doc SET STATISTICS 500;');
    expect(create).toContain('ALTER TABLE ONLY public.t ALTER COLUMN doc SET STORAGE EXTERNAL;');
    expect(create).toContain('ALTER TABLE ONLY public.t ALTER COLUMN doc SET (n_distinct=100);');
    expect(create).toContain('ALTER TABLE ONLY public.t REPLICA IDENTITY FULL;');
    // Row security is enabled after the data, in an entry of its own.
    expect(create).not.toContain('ENABLE ROW LEVEL SECURITY');
    expect(emitRowSecurity(t)).toBe('ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;');
  });

  it('gives owner, drop, comments and privileges of the table and its columns', () => {
    const t = table('My Table', [column('c', 'integer', { comment: "it's c", acl: '{bob=r/alice}' })], {
      comment: 'a table',
      acl: '{alice=arwdDxt/alice,bob=arwdDxt/alice}',
      baseAcl: '{alice=arwdDxt/alice}',
    });
    const ddl = emitTable(t, ctx());
    expect(ddl.desc).toBe('TABLE');
    expect(ddl.tag).toBe('My Table');
    expect(ddl.drop).toBe('DROP TABLE public."My Table";');
    expect(ddl.owner).toBe('ALTER TABLE public."My Table" OWNER TO alice;');
    expect(ddl.comments.map((c) => c.sql)).toEqual([
      `COMMENT ON TABLE public."My Table" IS 'a table';`,
      `COMMENT ON COLUMN public."My Table".c IS 'it''s c';`,
    ]);
    expect(ddl.acl).toBe('GRANT ALL ON TABLE public."My Table" TO bob;');
    expect(ddl.columnAcls).toEqual([{ label: 'COLUMN public."My Table".c', sql: 'GRANT SELECT(c) ON TABLE public."My Table" TO bob;' }]);
  });

  it('names a PostgreSQL 18 NOT NULL constraint only when the name is not the default', () => {
    const t = table('t', [
      column('a', 'integer', { notNull: true, notNullConstraint: { name: 't_a_not_null', validated: true, noInherit: false, isLocal: true } }),
      column('b', 'integer', { notNull: true, notNullConstraint: { name: 'b_required', validated: true, noInherit: true, isLocal: true } }),
    ]);
    const l = trimmed(emitTable(t, ctx({ version: 180000 })).create);
    expect(l).toContain('a integer NOT NULL,');
    expect(l).toContain('b integer CONSTRAINT b_required NOT NULL NO INHERIT');
  });
});

describe('sequences', () => {
  const lines = (s: SequenceObject) => sequenceOptionLines(s, true);

  it('writes NO MINVALUE / NO MAXVALUE for the ascending defaults of the type', () => {
    const l = lines(sequence());
    expect(l).toEqual(['START WITH 1', 'INCREMENT BY 1', 'NO MINVALUE', 'NO MAXVALUE', 'CACHE 1']);
    const int = lines(sequence({ dataType: 'integer', max: '2147483647' }));
    expect(int[0]).toBe('AS integer');
    expect(int).toContain('NO MINVALUE');
    expect(int).toContain('NO MAXVALUE');
  });

  it('writes NO MINVALUE / NO MAXVALUE for the descending defaults of the type', () => {
    const l = lines(sequence({ increment: '-1', start: '-1', min: '-9223372036854775808', max: '-1' }));
    expect(l).toContain('INCREMENT BY -1');
    expect(l).toContain('NO MINVALUE');
    expect(l).toContain('NO MAXVALUE');
  });

  it('writes explicit bounds when they differ from the direction defaults', () => {
    // ascending with the type minimum as MINVALUE is not the ascending default (1)
    const asc = lines(sequence({ min: '-9223372036854775808', max: '1000' }));
    expect(asc).toContain('MINVALUE -9223372036854775808');
    expect(asc).toContain('MAXVALUE 1000');
    // descending whose bounds are the ascending defaults
    const desc = lines(sequence({ increment: '-5', start: '100', min: '1', max: '9223372036854775807' }));
    expect(desc).toContain('MINVALUE 1');
    expect(desc).toContain('MAXVALUE 9223372036854775807');
  });

  it('uses the smallint bounds for AS smallint', () => {
    const asc = lines(sequence({ dataType: 'smallint', max: '32767' }));
    expect(asc[0]).toBe('AS smallint');
    expect(asc).toContain('NO MINVALUE');
    expect(asc).toContain('NO MAXVALUE');
    const desc = lines(sequence({ dataType: 'smallint', increment: '-2', start: '-1', min: '-32768', max: '-1', cycle: true }));
    expect(desc).toContain('NO MINVALUE');
    expect(desc).toContain('NO MAXVALUE');
    expect(desc).toContain('CYCLE');
    // the bigint maximum is not the smallint default
    const custom = lines(sequence({ dataType: 'smallint', min: '-5', max: '100', increment: '-2', start: '100' }));
    expect(custom).toContain('MINVALUE -5');
    expect(custom).toContain('MAXVALUE 100');
  });

  it('omits AS for bigint and when asked not to include the type', () => {
    expect(lines(sequence()).some((l) => l.startsWith('AS '))).toBe(false);
    expect(sequenceOptionLines(sequence({ dataType: 'integer', max: '2147483647' }), false).some((l) => l.startsWith('AS '))).toBe(false);
  });

  it('emits CREATE [UNLOGGED] SEQUENCE with OWNED BY after the owner', () => {
    const s = sequence({ ...base('pg_class:201', 'Order Seq'), unlogged: true, comment: 'numbers' });
    const ddl = emitSequence(s, 'public.orders.id');
    expect(ddl.create.startsWith('CREATE UNLOGGED SEQUENCE public."Order Seq"\n')).toBe(true);
    expect(ddl.create.endsWith(';')).toBe(true);
    expect(ddl.owner).toBe('ALTER SEQUENCE public."Order Seq" OWNER TO alice;');
    expect(ddl.afterOwner).toBe('ALTER SEQUENCE public."Order Seq" OWNED BY public.orders.id;');
    expect(ddl.comments[0]!.sql).toBe(`COMMENT ON SEQUENCE public."Order Seq" IS 'numbers';`);
    expect(emitSequence(sequence(), null).afterOwner).toBeUndefined();
  });

  it('resolves OWNED BY through the relation names in the context', () => {
    const s = sequence({ ownedBy: { tableId: 'pg_class:100', column: 'Id', identity: false } });
    const ddl = emitObject(s, ctx({ relationNames: new Map([['pg_class:100', 'public."Orders"']]) }));
    expect(ddl.afterOwner).toBe('ALTER SEQUENCE public.seq OWNED BY public."Orders"."Id";');
  });

  it('writes setval with the quoted name as a literal', () => {
    const s = sequence({ ...base('pg_class:202', "it's"), lastValue: '42', isCalled: true });
    expect(emitSequenceSet(s)).toBe(`SELECT pg_catalog.setval('public."it''s"', 42, true);`);
    expect(emitSequenceSet(sequence({ lastValue: '1', isCalled: false }))).toBe("SELECT pg_catalog.setval('public.seq', 1, false);");
    expect(emitSequenceSet(sequence({ lastValue: null }))).toBeNull();
  });
});

describe('emitEnum', () => {
  const mood: EnumObject = {
    ...base('pg_type:400', 'Mood'),
    kind: 'enum',
    labels: ['sad', "it's ok", 'a "b"', 'happy \\o/', ''],
    comment: 'feelings',
  };

  it('writes every label as a literal, in order', () => {
    const ddl = emitEnum(mood);
    expect(ddl.create.startsWith('CREATE TYPE public."Mood" AS ENUM (\n')).toBe(true);
    expect(ddl.create.endsWith('\n);')).toBe(true);
    expect(trimmed(ddl.create).slice(1, -1)).toEqual(["'sad',", "'it''s ok',", `'a "b"',`, "'happy \\o/',", "''"]);
  });

  it('gives owner, drop and comment as a TYPE', () => {
    const ddl = emitEnum(mood);
    expect(ddl.desc).toBe('TYPE');
    expect(ddl.owner).toBe('ALTER TYPE public."Mood" OWNER TO alice;');
    expect(ddl.drop).toBe('DROP TYPE public."Mood";');
    expect(ddl.comments[0]!.sql).toBe(`COMMENT ON TYPE public."Mood" IS 'feelings';`);
  });
});

describe('emitDomain', () => {
  const domain: DomainObject = {
    ...base('pg_type:500', 'us_postal'),
    kind: 'domain',
    baseType: 'text',
    collation: 'pg_catalog."C"',
    defaultExpr: "'00000'::text",
    notNull: true,
    constraints: [
      { oid: 501, name: 'five_digits', definition: "CHECK ((VALUE ~ '^\\d{5}$'::text))", validated: true, comment: 'zip' },
      { oid: 502, name: 'Not Zero', definition: "CHECK ((VALUE <> '00000'::text))", validated: true, comment: null },
      { oid: 503, name: 'later', definition: 'CHECK ((length(VALUE) = 5))', validated: false, comment: 'not valid' },
    ],
  };

  it('writes base type, collation, default, NOT NULL and the validated checks', () => {
    const { create } = emitDomain(domain);
    const first = create.split('\n')[0]!;
    expect(first.startsWith('CREATE DOMAIN public.us_postal AS text COLLATE pg_catalog."C"')).toBe(true);
    expect(first).toContain("DEFAULT '00000'::text");
    expect(first).toContain('NOT NULL');
    expect(trimmed(create)).toContain("CONSTRAINT five_digits CHECK ((VALUE ~ '^\\d{5}$'::text))");
    expect(trimmed(create)).toContain(`CONSTRAINT "Not Zero" CHECK ((VALUE <> '00000'::text));`);
    expect(create).not.toContain('later');
  });

  it('leaves NOT VALID checks for after the data', () => {
    const entries = emitDomainLateChecks(domain);
    expect(entries.map((e) => e.tag)).toEqual(['us_postal later']);
    const late = entries.map((e) => [e.sql, ...e.comments.map((c) => c.sql)].join('\n')).join('\n');
    expect(late).toContain('ALTER DOMAIN public.us_postal');
    expect(late).toContain('ADD CONSTRAINT later CHECK ((length(VALUE) = 5)) NOT VALID;');
    expect(late).toContain(`COMMENT ON CONSTRAINT later ON DOMAIN public.us_postal IS 'not valid';`);
    expect(late).not.toContain('five_digits');
  });

  it('comments the domain and its validated constraints', () => {
    const ddl = emitDomain({ ...domain, comment: 'US ZIP code' });
    expect(ddl.comments.map((c) => c.sql)).toEqual([
      `COMMENT ON DOMAIN public.us_postal IS 'US ZIP code';`,
      `COMMENT ON CONSTRAINT five_digits ON DOMAIN public.us_postal IS 'zip';`,
    ]);
  });

  it('is a bare CREATE DOMAIN when nothing else is set', () => {
    const plain: DomainObject = { ...domain, collation: null, defaultExpr: null, notNull: false, constraints: [] };
    expect(emitDomain(plain).create).toBe('CREATE DOMAIN public.us_postal AS text;');
  });
});

describe('views', () => {
  it('writes CREATE VIEW with options and the check option after the query', () => {
    const v = view({ options: ['security_barrier=true'], checkOption: 'cascaded' });
    const { create } = emitView(v, ctx());
    expect(create.startsWith("CREATE VIEW public.active_items WITH (security_barrier='true') AS\n")).toBe(true);
    expect(create).toContain('WHERE (items.qty > 0)');
    expect(create.endsWith('\n  WITH CASCADED CHECK OPTION;')).toBe(true);
    expect(create).not.toContain('check_option');
  });

  it('writes LOCAL CHECK OPTION and no check option at all', () => {
    expect(emitView(view({ checkOption: 'local' }), ctx()).create).toMatch(/WITH LOCAL CHECK OPTION;$/);
    const plain = emitView(view(), ctx()).create;
    expect(plain).not.toContain('CHECK OPTION');
    expect(plain.endsWith('(items.qty > 0);')).toBe(true);
  });

  it('treats a view as a table for owner and privileges', () => {
    const ddl = emitView(view({ acl: '{alice=arwdDxt/alice,bob=r/alice}', baseAcl: '{alice=arwdDxt/alice}' }), ctx());
    expect(ddl.desc).toBe('VIEW');
    expect(ddl.drop).toBe('DROP VIEW public.active_items;');
    expect(ddl.owner).toBe('ALTER TABLE public.active_items OWNER TO alice;');
    expect(ddl.acl).toBe('GRANT SELECT ON TABLE public.active_items TO bob;');
  });

  it('creates materialized views WITH NO DATA and refreshes them separately', () => {
    const mv = view({ relkind: 'm', tablespace: 'fast', accessMethod: 'heap' });
    const ddl = emitView(mv, ctx());
    expect(ddl.desc).toBe('MATERIALIZED VIEW');
    expect(ddl.create.startsWith('CREATE MATERIALIZED VIEW public.active_items TABLESPACE fast AS\n')).toBe(true);
    expect(ddl.create.endsWith('\n  WITH NO DATA;')).toBe(true);
    expect(ddl.owner).toBe('ALTER MATERIALIZED VIEW public.active_items OWNER TO alice;');
    expect(emitMatviewRefresh(mv)).toBe('REFRESH MATERIALIZED VIEW public.active_items;');
  });

  it('writes a typed placeholder for a view in a loop, and its real body later', () => {
    const v = view({ columns: [column('id'), column('Label', 'text', { collation: 'pg_catalog."C"' })], checkOption: 'local' });
    const stub = emitViewStub(v);
    expect(stub).toContain('CREATE VIEW public.active_items AS');
    expect(stub).toContain('NULL::integer AS id');
    expect(stub).toContain('NULL::text COLLATE pg_catalog."C" AS "Label"');
    expect(stub).not.toContain('items.qty');
    const body = emitViewBody(v);
    expect(body.startsWith('CREATE OR REPLACE VIEW public.active_items AS\n')).toBe(true);
    expect(body).toContain('WHERE (items.qty > 0)');
    expect(body.endsWith('WITH LOCAL CHECK OPTION;')).toBe(true);
  });
});
