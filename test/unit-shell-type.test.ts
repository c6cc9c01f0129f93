// Pure tests of the shell-type loop breaker and of the emitters for collations,
// conversions, casts, languages, transforms and base types.
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../catalog/index.js';
import type { BaseTypeDefinition, BaseTypeObject } from '../catalog/base-types.js';
import type { CastObject } from '../catalog/casts.js';
import type { CollationObject } from '../catalog/collations.js';
import type { ConversionObject } from '../catalog/conversions.js';
import type { FunctionObject } from '../catalog/functions.js';
import type { LanguageObject } from '../catalog/languages.js';
import type { DumpObject, ObjectBase } from '../catalog/objects.js';
import type { SchemaObject } from '../catalog/schemas.js';
import type { TransformObject } from '../catalog/transforms.js';
import { emitBaseType, emitShellType } from '../src/ddl/base-type.js';
import { emitCast } from '../src/ddl/cast.js';
import { emitCollation } from '../src/ddl/collation.js';
import { emitConversion } from '../src/ddl/conversion.js';
import { emitLanguage } from '../src/ddl/language.js';
import { emitTransform } from '../src/ddl/transform.js';
import { planDump } from '../src/graph/plan.js';
import { objectBase } from './util/objects.js';

const NSP = 'pg_namespace:16400';
const base = (id: string, name: string, schema: string | null = 's'): ObjectBase =>
  objectBase(id, name, schema, { needs: schema === null ? [] : [NSP] });

const schemaObj: SchemaObject = { ...base(NSP, 's', null), kind: 'schema', preexisting: false };

function func(oid: number, name: string, identityArgs: string): FunctionObject {
  return {
    ...base(`pg_proc:${oid}`, name),
    kind: 'function',
    isProcedure: false,
    identityArgs,
    argTypes: identityArgs,
    definition: `CREATE FUNCTION s.${name}(${identityArgs}) RETURNS s.t LANGUAGE internal AS $function$x$function$`,
  };
}

const DEF: BaseTypeDefinition = {
  internalLength: -1,
  input: { schema: 's', name: 't_in' },
  output: { schema: 's', name: 't_out' },
  receive: null,
  send: null,
  typmodIn: null,
  typmodOut: null,
  analyze: null,
  subscript: null,
  collatable: false,
  defaultValue: null,
  element: null,
  category: 'U',
  preferred: false,
  delimiter: ',',
  alignment: 'i',
  storage: 'x',
  byValue: false,
};

function baseType(oid: number, name: string, definition: BaseTypeDefinition | null = DEF): BaseTypeObject {
  return { ...base(`pg_type:${oid}`, name), kind: 'base-type', aliases: [`pg_type:${oid + 1}`], definition };
}

function catalog(objects: DumpObject[], deps: [string, string][]): Catalog {
  return { objects, dependencies: deps.map(([from, to]) => ({ from, to })), extensionMembers: new Map() };
}

const keys = (items: readonly { key: string }[]) => items.map((i) => i.key);

describe('type <-> I/O function loops', () => {
  it('creates a shell first, then the functions, then the type, with no warning', () => {
    const t = baseType(16500, 't');
    const fin = func(16510, 't_in', 'cstring');
    const fout = func(16511, 't_out', 's.t');
    // a function that merely uses the type waits for the full definition
    const user = func(16512, 'describe', 's.t');
    const plan = planDump(
      catalog([schemaObj, t, fin, fout, user], [
        [t.id, fin.id], [t.id, fout.id], [fin.id, t.id], [fout.id, t.id], [user.id, t.id],
      ]),
      { schema: true, data: true },
    );
    expect(plan.warnings).toEqual([]);
    const shell = `${t.id}/shell-type`;
    expect(keys(plan.items)).toEqual([NSP, shell, fin.id, fout.id, t.id, user.id]);
    const item = plan.items.find((i) => i.key === shell)!;
    expect(item.part).toBe('shell-type');
    expect(item.section).toBe('pre-data');
  });

  it('redirects a loop reached through the array type too', () => {
    const t = baseType(16600, 't');
    const fin = func(16610, 't_in', 'cstring');
    const fout = func(16611, 't_out', 's.t');
    const plan = planDump(
      // the output function is recorded against the array type (an alias of t)
      catalog([schemaObj, t, fin, fout], [[t.id, fin.id], [t.id, fout.id], [fin.id, t.id], [fout.id, 'pg_type:16601']]),
      { schema: true, data: false },
    );
    expect(plan.warnings).toEqual([]);
    expect(keys(plan.items)).toEqual([NSP, `${t.id}/shell-type`, fin.id, fout.id, t.id]);
  });

  it('keeps the shell in a schema-only dump and drops it with definitions off', () => {
    const t = baseType(16700, 't');
    const fin = func(16710, 't_in', 'cstring');
    const c = catalog([schemaObj, t, fin], [[t.id, fin.id], [fin.id, t.id]]);
    expect(keys(planDump(c, { schema: true, data: false }).items)).toContain(`${t.id}/shell-type`);
    expect(keys(planDump(c, { schema: false, data: true }).items)).toEqual([]);
  });

  it('needs no shell without a loop', () => {
    const t = baseType(16800, 't');
    const plan = planDump(catalog([schemaObj, t], []), { schema: true, data: true });
    expect(plan.items.some((i) => i.part === 'shell-type')).toBe(false);
  });
});

describe('emitters', () => {
  it('base type: attributes in pg_dump order, shell, CASCADE drop', () => {
    const t = baseType(1, 'My T', {
      ...DEF,
      internalLength: 16,
      receive: { schema: 's', name: 'recv' },
      typmodIn: { schema: 'pg_catalog', name: 'varchartypmodin' },
      subscript: { schema: 'pg_catalog', name: 'raw_array_subscript_handler' },
      collatable: true,
      defaultValue: { literal: "it's" },
      element: 'double precision',
      category: 'x',
      preferred: true,
      delimiter: ';',
      alignment: 'd',
      storage: 'p',
      byValue: true,
    });
    const ddl = emitBaseType(t);
    expect(ddl.create).toBe(
      [
        'CREATE TYPE s."My T" (',
        '    INTERNALLENGTH = 16,',
        '    INPUT = s.t_in,',
        '    OUTPUT = s.t_out,',
        '    RECEIVE = s.recv,',
        '    TYPMOD_IN = pg_catalog.varchartypmodin,',
        '    COLLATABLE = true,',
        "    DEFAULT = 'it''s',",
        '    SUBSCRIPT = pg_catalog.raw_array_subscript_handler,',
        '    ELEMENT = double precision,',
        "    CATEGORY = 'x',",
        '    PREFERRED = true,',
        "    DELIMITER = ';',",
        '    ALIGNMENT = double,',
        '    STORAGE = plain,',
        '    PASSEDBYVALUE',
        ');',
      ].join('\n'),
    );
    expect(ddl.drop).toBe('DROP TYPE s."My T" CASCADE;');
    expect(emitShellType(t)).toBe('CREATE TYPE s."My T";');
    expect(emitBaseType(baseType(2, 'shell', null)).create).toBe('CREATE TYPE s.shell;');
  });

  it('collation: libc, ICU with rules, builtin', () => {
    const c = (over: Partial<CollationObject>): CollationObject => ({
      ...base('pg_collation:1', 'c'),
      kind: 'collation',
      provider: 'c',
      deterministic: true,
      collate: 'C',
      ctype: 'C',
      locale: null,
      icuRules: null,
      ...over,
    });
    expect(emitCollation(c({})).create).toBe("CREATE COLLATION s.c (provider = libc, locale = 'C');");
    expect(emitCollation(c({ ctype: 'POSIX' })).create).toBe(
      "CREATE COLLATION s.c (provider = libc, lc_collate = 'C', lc_ctype = 'POSIX');",
    );
    expect(emitCollation(c({ provider: 'i', collate: null, ctype: null, locale: 'und', icuRules: "&a < 'g'", deterministic: false })).create).toBe(
      "CREATE COLLATION s.c (provider = icu, deterministic = false, locale = 'und', rules = '&a < ''g''');",
    );
    expect(emitCollation(c({ provider: 'b', collate: null, ctype: null, locale: 'C.UTF-8' })).create).toBe(
      "CREATE COLLATION s.c (provider = builtin, locale = 'C.UTF-8');",
    );
  });

  it('conversion', () => {
    const conv: ConversionObject = {
      ...base('pg_conversion:1', 'My Conv'),
      kind: 'conversion',
      forEncoding: 'UTF8',
      toEncoding: 'LATIN1',
      functionSchema: 'pg_catalog',
      functionName: 'utf8_to_iso8859_1',
      isDefault: true,
    };
    expect(emitConversion(conv).create).toBe(
      `CREATE DEFAULT CONVERSION s."My Conv" FOR 'UTF8' TO 'LATIN1' FROM pg_catalog.utf8_to_iso8859_1;`,
    );
  });

  it('cast: the three methods and contexts', () => {
    const cast = (over: Partial<CastObject>): CastObject => ({
      ...base('pg_cast:1', '(a AS b)', null),
      owner: null,
      kind: 'cast',
      source: 's."My T"',
      target: 'integer',
      method: 'b',
      func: null,
      context: 'e',
      ...over,
    });
    expect(emitCast(cast({})).create).toBe('CREATE CAST (s."My T" AS integer) WITHOUT FUNCTION;');
    expect(emitCast(cast({ method: 'i', context: 'i' })).create).toBe('CREATE CAST (s."My T" AS integer) WITH INOUT AS IMPLICIT;');
    const f = emitCast(cast({ method: 'f', context: 'a', func: { schema: 's', name: 'To Int', argTypes: ['s."My T"', 'integer', 'boolean'] } }));
    expect(f.create).toBe('CREATE CAST (s."My T" AS integer) WITH FUNCTION s."To Int"(s."My T", integer, boolean) AS ASSIGNMENT;');
    expect(f.tag).toBe('CAST (s."My T" AS integer)');
    expect(f.owner).toBe('');
  });

  it('language: full form even with pg_catalog handlers; ACL only when trusted', () => {
    const lang = (trusted: boolean): LanguageObject => ({
      ...base('pg_language:1', 'plFoo', null),
      kind: 'language',
      acl: '{alice=U/alice,bob=U/alice}',
      baseAcl: '{=U/alice,alice=U/alice}',
      trusted,
      handler: { schema: 'pg_catalog', name: 'plpgsql_call_handler' },
      inline: null,
      validator: { schema: 's', name: 'v' },
    });
    const t = emitLanguage(lang(true));
    expect(t.create).toBe('CREATE TRUSTED PROCEDURAL LANGUAGE "plFoo" HANDLER pg_catalog.plpgsql_call_handler VALIDATOR s.v;');
    expect(t.owner).toBe('ALTER PROCEDURAL LANGUAGE "plFoo" OWNER TO alice;');
    expect(t.acl).toBe('REVOKE ALL ON LANGUAGE "plFoo" FROM PUBLIC;\nGRANT ALL ON LANGUAGE "plFoo" TO bob;');
    expect(emitLanguage(lang(false)).acl).toBe('');
  });

  it('transform: either function alone or both', () => {
    const trf = (over: Partial<TransformObject>): TransformObject => ({
      ...base('pg_transform:1', 'x', null),
      owner: null,
      kind: 'transform',
      type: 's."My T"',
      language: 'plFoo',
      fromSql: null,
      toSql: null,
      ...over,
    });
    const from = { schema: 's', name: 'from' };
    const to = { schema: 's', name: 'To SQL' };
    expect(emitTransform(trf({ fromSql: from, toSql: to })).create).toBe(
      'CREATE TRANSFORM FOR s."My T" LANGUAGE "plFoo" (FROM SQL WITH FUNCTION s."from"(internal), TO SQL WITH FUNCTION s."To SQL"(internal));',
    );
    expect(emitTransform(trf({ toSql: to })).create).toBe(
      'CREATE TRANSFORM FOR s."My T" LANGUAGE "plFoo" (TO SQL WITH FUNCTION s."To SQL"(internal));',
    );
    expect(emitTransform(trf({ fromSql: from })).comments).toEqual([]);
  });
});
