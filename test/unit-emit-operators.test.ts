// Pure tests of the aggregate, operator, operator family/class and access method emitters
// on hand-built catalog objects: the clauses and names a restore depends on.
import { describe, expect, it } from 'vitest';
import type { AccessMethodObject } from '../catalog/access-methods.js';
import type { AggregateObject } from '../catalog/aggregates.js';
import type { OpclassObject } from '../catalog/opclasses.js';
import type { OpfamilyObject } from '../catalog/opfamilies.js';
import type { OperatorObject } from '../catalog/operators.js';
import { emitAccessMethod } from '../src/ddl/access-method.js';
import { emitAggregate } from '../src/ddl/aggregate.js';
import { emitOpclass } from '../src/ddl/opclass.js';
import { emitOpfamily } from '../src/ddl/opfamily.js';
import { emitOperator, operatorName, stripArguments } from '../src/ddl/operator.js';
import { objectBase as base } from './util/objects.js';

function aggregate(over: Partial<AggregateObject>): AggregateObject {
  return {
    kind: 'aggregate',
    ...base('pg_proc:16400', 'agg', 's'),
    aggkind: 'n',
    args: 'integer',
    identityArgs: 'integer',
    argTypes: 'integer',
    transFn: 'int4pl',
    transType: 'integer',
    transSpace: 0,
    initValue: null,
    finalFn: null,
    finalExtra: false,
    finalModify: 'r',
    combineFn: null,
    serialFn: null,
    deserialFn: null,
    mTransFn: null,
    mInvTransFn: null,
    mTransType: null,
    mTransSpace: 0,
    mInitValue: null,
    mFinalFn: null,
    mFinalExtra: false,
    mFinalModify: 'r',
    sortOperator: null,
    parallel: 'u',
    ...over,
  };
}

function operator(over: Partial<OperatorObject>): OperatorObject {
  return {
    kind: 'operator',
    ...base('pg_operator:16401', '===', 's'),
    oprkind: 'b',
    func: 's.eq(integer,integer)',
    leftType: 'integer',
    rightType: 'integer',
    commutator: null,
    negator: null,
    restrict: null,
    join: null,
    merges: false,
    hashes: false,
    ...over,
  };
}

describe('emitAggregate', () => {
  it('names a zero-argument aggregate (*) except in GRANT, which takes ()', () => {
    const ddl = emitAggregate(
      aggregate({ name: 'cnt', args: '', identityArgs: '', argTypes: '', acl: '{=X/alice,bob=X/alice}', baseAcl: '{=X/alice,alice=X/alice}' }),
    );
    expect(ddl.create).toContain('CREATE AGGREGATE s.cnt(*) (');
    expect(ddl.drop).toBe('DROP AGGREGATE s.cnt(*);');
    expect(ddl.tag).toBe('cnt(*)');
    expect(ddl.acl).toContain('GRANT ALL ON FUNCTION s.cnt() TO bob;');
  });

  it('keeps ORDER BY in CREATE/DROP and flattens the argument types for GRANT', () => {
    const ddl = emitAggregate(
      aggregate({
        aggkind: 'h',
        args: 'VARIADIC "any" ORDER BY VARIADIC "any"',
        identityArgs: 'VARIADIC "any" ORDER BY VARIADIC "any"',
        argTypes: '"any"',
        finalFn: 'rank_final',
        finalExtra: true,
        finalModify: 'w',
      }),
    );
    expect(ddl.create).toContain('s.agg(VARIADIC "any" ORDER BY VARIADIC "any")');
    expect(ddl.create).toContain('    HYPOTHETICAL');
    // READ_WRITE is the default for ordered-set and hypothetical-set aggregates.
    expect(ddl.create).not.toContain('FINALFUNC_MODIFY');
    expect(ddl.aclLabel).toBe('FUNCTION s.agg("any")');
  });

  it('prints non-default modify flags, literals quoted, and a qualified SORTOP', () => {
    const ddl = emitAggregate(
      aggregate({
        initValue: "{it's}",
        finalFn: 's.fin',
        finalModify: 's',
        mTransFn: 's.push',
        mInvTransFn: 's.pop',
        mTransType: 'text[]',
        mInitValue: '{}',
        sortOperator: { schema: 'My Schema', name: '>' },
        parallel: 's',
      }),
    );
    expect(ddl.create).toContain("INITCOND = '{it''s}'");
    expect(ddl.create).toContain('FINALFUNC_MODIFY = SHAREABLE');
    expect(ddl.create).toContain('MSFUNC = s.push,\n    MINVFUNC = s.pop,\n    MSTYPE = text[]');
    expect(ddl.create).toContain("MINITCOND = '{}'");
    expect(ddl.create).toContain('SORTOP = OPERATOR("My Schema".>)');
    expect(ddl.create).toContain('PARALLEL = safe');
  });
});

describe('emitOperator', () => {
  it('strips regprocedure argument lists, leaving quoted parentheses alone', () => {
    expect(stripArguments('s.eq(integer,integer)')).toBe('s.eq');
    expect(stripArguments('"we(ird"."f(x)"(integer)')).toBe('"we(ird"."f(x)"');
    expect(stripArguments('eqsel')).toBe('eqsel');
  });

  it('refuses operator names the server could not have produced', () => {
    expect(operatorName('<<=')).toBe('<<=');
    expect(() => operatorName('+; DROP TABLE x')).toThrow(/invalid operator name/);
  });

  it('qualifies commutator and negator, and names prefix operators with NONE', () => {
    const bin = emitOperator(
      operator({ commutator: { schema: 's', name: '===' }, negator: { schema: 'other', name: '!==' }, hashes: true, merges: true, restrict: 'eqsel(internal,oid,internal,integer)' }),
    );
    expect(bin.create).toContain('COMMUTATOR = OPERATOR(s.===)');
    expect(bin.create).toContain('NEGATOR = OPERATOR(other.!==)');
    expect(bin.create).toContain('RESTRICT = eqsel');
    expect(bin.create).toContain('    MERGES,\n    HASHES');
    const prefix = emitOperator(operator({ name: '!!', oprkind: 'l', leftType: null }));
    expect(prefix.create).not.toContain('LEFTARG');
    expect(prefix.owner).toBe('ALTER OPERATOR s.!! (NONE, integer) OWNER TO alice;');
  });
});

describe('operator families and classes', () => {
  it('adds loose members to a family with ALTER OPERATOR FAMILY', () => {
    const f: OpfamilyObject = {
      kind: 'opfamily',
      ...base('pg_opfamily:16410', 'Fam', 's'),
      accessMethod: 'hash',
      operators: [{ oid: 1, strategy: 1, operator: '=(bigint,bigint)', sortFamily: null }],
      functions: [{ oid: 2, number: 1, leftType: 'bigint', rightType: 'bigint', func: 's.h(bigint)' }],
    };
    const ddl = emitOpfamily(f);
    expect(ddl.create).toBe(
      'CREATE OPERATOR FAMILY s."Fam" USING hash;\n' +
        'ALTER OPERATOR FAMILY s."Fam" USING hash ADD\n    OPERATOR 1 =(bigint,bigint) ,\n    FUNCTION 1 (bigint, bigint) s.h(bigint);',
    );
  });

  it('names the family, keeps FOR ORDER BY, and never leaves the AS list empty', () => {
    const c: OpclassObject = {
      kind: 'opclass',
      ...base('pg_opclass:16411', 'ops', 's'),
      accessMethod: 'gist2',
      inputType: 'point',
      storageType: null,
      isDefault: true,
      family: { schema: 'f s', name: 'ops' },
      operators: [],
      functions: [],
    };
    expect(emitOpclass(c).create).toBe(
      'CREATE OPERATOR CLASS s.ops\n    DEFAULT FOR TYPE point USING gist2 FAMILY "f s".ops AS\n    STORAGE point;',
    );
    const ordered = emitOpclass({
      ...c,
      storageType: 'box',
      operators: [{ oid: 3, strategy: 15, operator: '<->(point,point)', sortFamily: { schema: 'pg_catalog', name: 'float_ops' } }],
    });
    expect(ordered.create).toContain('STORAGE box ,\n    OPERATOR 15 <->(point,point) FOR ORDER BY pg_catalog.float_ops;');
    expect(ordered.drop).toBe('DROP OPERATOR CLASS s.ops USING gist2;');
  });
});

describe('emitAccessMethod', () => {
  it('quotes the name and has no owner', () => {
    const am: AccessMethodObject = {
      kind: 'access-method',
      ...base('pg_am:16420', 'Heap "2"', null),
      owner: null,
      amtype: 't',
      handler: 'heap_tableam_handler',
    };
    const ddl = emitAccessMethod(am);
    expect(ddl.create).toBe('CREATE ACCESS METHOD "Heap ""2""" TYPE TABLE HANDLER heap_tableam_handler;');
    expect(ddl.owner).toBe('');
  });
});
