// Pure tests of aclitem[] parsing and the GRANT/REVOKE statements built from it.
import { describe, expect, it } from 'vitest';
import { emitAcl, emitDefaultAcl, type AclTarget } from '../src/ddl/acl.js';
import { parseAclArray, parseAclItem, privilegeNames } from '../src/sql/acl.js';

/** relacl::text of a table owned by alice, as PostgreSQL 15 prints it (captured from a real server). */
const SERVER_ACL =
  '{alice=arwdDxt/alice,"\\"a b\\"=r/alice","\\"a\\"\\"b\\"=r*w*/alice",=a/alice,"\\"Ünï\\"=d/alice","\\"a b\\"=r/\\"a\\"\\"b\\""}';

describe('parseAclArray', () => {
  it('gives null for a null ACL (default privileges) and [] for an empty one', () => {
    expect(parseAclArray(null)).toBeNull();
    expect(parseAclArray('{}')).toEqual([]);
  });

  it('reads every element of a server-printed aclitem[]', () => {
    const items = parseAclArray(SERVER_ACL)!;
    expect(items).toEqual([
      { grantee: 'alice', grantor: 'alice', privs: 'arwdDxt', grantable: '' },
      { grantee: 'a b', grantor: 'alice', privs: 'r', grantable: '' },
      { grantee: 'a"b', grantor: 'alice', privs: '', grantable: 'rw' },
      { grantee: '', grantor: 'alice', privs: 'a', grantable: '' },
      { grantee: 'Ünï', grantor: 'alice', privs: 'd', grantable: '' },
      { grantee: 'a b', grantor: 'a"b', privs: 'r', grantable: '' },
    ]);
  });

  it('treats an empty grantee as PUBLIC', () => {
    const [item] = parseAclArray('{=X/bob}')!;
    expect(item).toEqual({ grantee: '', grantor: 'bob', privs: 'X', grantable: '' });
  });

  it('splits privileges with and without grant option', () => {
    expect(parseAclItem('bob=r*wa*d/alice')).toEqual({ grantee: 'bob', grantor: 'alice', privs: 'wd', grantable: 'ra' });
    expect(parseAclItem('bob=/alice')).toEqual({ grantee: 'bob', grantor: 'alice', privs: '', grantable: '' });
  });

  it('reads a quoted grantee with embedded quotes outside an array', () => {
    expect(parseAclItem('"a""b"=U/"x y"')).toEqual({ grantee: 'a"b', grantor: 'x y', privs: 'U', grantable: '' });
  });

  it('rejects an item without "="', () => {
    expect(() => parseAclItem('garbage')).toThrow(/malformed aclitem/);
  });
});

describe('privilegeNames', () => {
  it('maps letters to keywords', () => {
    expect(privilegeNames('X')).toEqual(['EXECUTE']);
    expect(privilegeNames('UC')).toEqual(['USAGE', 'CREATE']);
    expect(new Set(privilegeNames('arwdDxt'))).toEqual(
      new Set(['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']),
    );
  });
});

const table = (over: Partial<AclTarget> = {}): AclTarget => ({
  target: 'TABLE public.t',
  cls: 'table',
  owner: 'alice',
  serverHasMaintain: false,
  ...over,
});
const lines = (sql: string) => sql.split('\n').filter(Boolean);

describe('emitAcl', () => {
  it('emits nothing for a null ACL or an ACL equal to the baseline', () => {
    expect(emitAcl(table(), null, '{alice=arwdDxt/alice}')).toBe('');
    expect(emitAcl(table(), '{alice=arwdDxt/alice}', '{alice=arwdDxt/alice}')).toBe('');
  });

  it('revokes a baseline PUBLIC grant that is gone', () => {
    const sql = emitAcl(
      { target: 'FUNCTION public.f()', cls: 'function', owner: 'alice', serverHasMaintain: false },
      '{alice=X/alice}',
      '{=X/alice,alice=X/alice}',
    );
    expect(lines(sql)).toEqual(['REVOKE ALL ON FUNCTION public.f() FROM PUBLIC;']);
  });

  it('revokes a baseline item that is not the full set by its own privileges, as pg_dump does', () => {
    // the public schema as initdb leaves it (15+ default for owner alice), then GRANT ALL TO PUBLIC
    const sql = emitAcl(
      { target: 'SCHEMA public', cls: 'schema', owner: 'alice', serverHasMaintain: false },
      '{alice=UC/alice,=UC/alice}',
      '{alice=UC/alice,=U/alice}',
    );
    expect(lines(sql)).toEqual(['REVOKE USAGE ON SCHEMA public FROM PUBLIC;', 'GRANT ALL ON SCHEMA public TO PUBLIC;']);
  });

  it('revokes first, then grants, and names PUBLIC for an empty grantee', () => {
    const sql = emitAcl(
      { target: 'FUNCTION public.f()', cls: 'function', owner: 'alice', serverHasMaintain: false },
      '{alice=X/alice,bob=X/alice}',
      '{=X/alice,alice=X/alice}',
    );
    expect(lines(sql)).toEqual(['REVOKE ALL ON FUNCTION public.f() FROM PUBLIC;', 'GRANT ALL ON FUNCTION public.f() TO bob;']);
    expect(emitAcl(table(), '{alice=arwdDxt/alice,=r/alice}', '{alice=arwdDxt/alice}')).toBe(
      'GRANT SELECT ON TABLE public.t TO PUBLIC;',
    );
  });

  it('grants a subset by name and the full set as ALL', () => {
    const subset = emitAcl(table(), '{alice=arwdDxt/alice,bob=arw/alice}', '{alice=arwdDxt/alice}');
    expect(subset).toMatch(/^GRANT [A-Z,]+ ON TABLE public\.t TO bob;$/);
    expect(new Set(/^GRANT ([A-Z,]+) /.exec(subset)![1]!.split(','))).toEqual(new Set(['SELECT', 'INSERT', 'UPDATE']));
    expect(emitAcl(table(), '{alice=arwdDxt/alice,bob=arwdDxt/alice}', '{alice=arwdDxt/alice}')).toBe(
      'GRANT ALL ON TABLE public.t TO bob;',
    );
  });

  // pg_dump 15 prints `GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.t TO bob;` for this
  // ACL (checked against the real binary); PRIVILEGE_ORDER in src/sql/acl.ts gives
  // INSERT,SELECT,UPDATE,DELETE. Restores the same, but diffs against pg_dump. Flip to `it` when fixed.
  it('lists privileges in the order pg_dump does', () => {
    expect(emitAcl(table(), '{alice=arwdDxt/alice,bob=arwd/alice}', '{alice=arwdDxt/alice}')).toBe(
      'GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE public.t TO bob;',
    );
  });

  it('needs MAINTAIN for ALL on servers that have it', () => {
    const withM = table({ serverHasMaintain: true });
    expect(emitAcl(withM, '{alice=arwdDxtm/alice,bob=arwdDxtm/alice}', '{alice=arwdDxtm/alice}')).toBe(
      'GRANT ALL ON TABLE public.t TO bob;',
    );
    expect(emitAcl(withM, '{alice=arwdDxtm/alice,bob=arwdDxt/alice}', '{alice=arwdDxtm/alice}')).not.toContain('GRANT ALL');
  });

  it('uses the class full set: sequences, schemas, types', () => {
    expect(
      emitAcl({ target: 'SEQUENCE public.s', cls: 'sequence', owner: 'alice', serverHasMaintain: false }, '{alice=rwU/alice,bob=rwU/alice}', '{alice=rwU/alice}'),
    ).toBe('GRANT ALL ON SEQUENCE public.s TO bob;');
    expect(
      emitAcl({ target: 'SEQUENCE public.s', cls: 'sequence', owner: 'alice', serverHasMaintain: false }, '{alice=rwU/alice,bob=U/alice}', '{alice=rwU/alice}'),
    ).toBe('GRANT USAGE ON SEQUENCE public.s TO bob;');
    expect(
      emitAcl({ target: 'SCHEMA app', cls: 'schema', owner: 'alice', serverHasMaintain: false }, '{alice=UC/alice,bob=U/alice}', '{alice=UC/alice}'),
    ).toBe('GRANT USAGE ON SCHEMA app TO bob;');
  });

  it('adds WITH GRANT OPTION for grantable privileges, after the plain grant', () => {
    const sql = emitAcl(table(), '{alice=arwdDxt/alice,bob=r*w/alice}', '{alice=arwdDxt/alice}');
    expect(lines(sql)).toEqual([
      'GRANT UPDATE ON TABLE public.t TO bob;',
      'GRANT SELECT ON TABLE public.t TO bob WITH GRANT OPTION;',
    ]);
  });

  it('quotes role names that need it', () => {
    const sql = emitAcl(table(), '{alice=arwdDxt/alice,"\\"a b\\"=r/alice","\\"a\\"\\"b\\"=D/alice"}', '{alice=arwdDxt/alice}');
    expect(lines(sql)).toEqual(['GRANT SELECT ON TABLE public.t TO "a b";', 'GRANT TRUNCATE ON TABLE public.t TO "a""b";']);
  });

  it('replays a grant made by someone other than the owner as that grantor', () => {
    const sql = emitAcl(table(), '{alice=arwdDxt/alice,bob=r*/alice,carol=r/bob}', '{alice=arwdDxt/alice}');
    expect(lines(sql)).toEqual([
      'GRANT SELECT ON TABLE public.t TO bob WITH GRANT OPTION;',
      'SET SESSION AUTHORIZATION bob;',
      'GRANT SELECT ON TABLE public.t TO carol;',
      'RESET SESSION AUTHORIZATION;',
    ]);
  });

  it('quotes the grantor in SET SESSION AUTHORIZATION', () => {
    const sql = emitAcl(table(), SERVER_ACL, '{alice=arwdDxt/alice}');
    expect(sql).toContain('SET SESSION AUTHORIZATION "a""b";\nGRANT SELECT ON TABLE public.t TO "a b";\nRESET SESSION AUTHORIZATION;');
    expect(sql).toContain('GRANT INSERT ON TABLE public.t TO PUBLIC;');
    expect(sql).toContain('GRANT DELETE ON TABLE public.t TO "Ünï";');
  });

  it('revokes the owner whole and regrants when the owner gave up a privilege', () => {
    const sql = emitAcl(table(), '{alice=arwDxt/alice}', '{alice=arwdDxt/alice}');
    const l = lines(sql);
    expect(l[0]).toBe('REVOKE ALL ON TABLE public.t FROM alice;');
    expect(l).toHaveLength(2);
    expect(l[1]).toMatch(/^GRANT [A-Z,]+ ON TABLE public\.t TO alice;$/);
    expect(l[1]).not.toContain('DELETE');
    expect(l[1]).not.toContain('ALL');
  });

  it('writes column privileges as PRIV(col)', () => {
    const col = table({ column: 'my col' });
    expect(emitAcl(col, '{bob=r/alice}', '{}')).toBe('GRANT SELECT("my col") ON TABLE public.t TO bob;');
    const multi = emitAcl(table({ column: 'price' }), '{bob=rw/alice,carol=x*/alice}', '{}');
    const l = lines(multi);
    expect(l).toHaveLength(2);
    expect(l[0]).toMatch(/^GRANT (SELECT\(price\),UPDATE\(price\)|UPDATE\(price\),SELECT\(price\)) ON TABLE public\.t TO bob;$/);
    expect(l[1]).toBe('GRANT REFERENCES(price) ON TABLE public.t TO carol WITH GRANT OPTION;');
    expect(emitAcl(col, null, '{}')).toBe('');
    expect(emitAcl(col, '{}', '{}')).toBe('');
  });

  // pg_dump 15 prints `GRANT ALL(a) ON TABLE public.t TO bob;` when a column has every column
  // privilege (arwx), checked against the real binary; privilegeList in src/ddl/acl.ts never
  // prints ALL for a column. Restores the same, diffs against pg_dump. Flip to `it` when fixed.
  it('writes ALL(col) for the full set of column privileges, as pg_dump does', () => {
    expect(emitAcl(table({ column: 'a' }), '{bob=arwx/alice}', '{}')).toBe('GRANT ALL(a) ON TABLE public.t TO bob;');
  });

  it('does not impersonate anyone when the owner is unknown', () => {
    expect(emitAcl(table({ owner: null }), '{carol=r/bob}', '{}')).toBe('GRANT SELECT ON TABLE public.t TO carol;');
  });
});

describe('emitDefaultAcl', () => {
  it('prefixes each statement with ALTER DEFAULT PRIVILEGES FOR ROLE', () => {
    expect(emitDefaultAcl('alice', null, 'r', '{alice=arwdDxt/alice,bob=r/alice}', '{alice=arwdDxt/alice}', false)).toBe(
      'ALTER DEFAULT PRIVILEGES FOR ROLE alice GRANT SELECT ON TABLES TO bob;',
    );
  });

  it('names the schema when the default is per schema', () => {
    expect(emitDefaultAcl('alice', 'My App', 'S', '{bob=U/alice}', null, false)).toBe(
      'ALTER DEFAULT PRIVILEGES FOR ROLE alice IN SCHEMA "My App" GRANT USAGE ON SEQUENCES TO bob;',
    );
  });

  it('revokes PUBLIC EXECUTE on functions', () => {
    expect(emitDefaultAcl('alice', null, 'f', '{alice=X/alice}', '{=X/alice,alice=X/alice}', false)).toBe(
      'ALTER DEFAULT PRIVILEGES FOR ROLE alice REVOKE ALL ON FUNCTIONS FROM PUBLIC;',
    );
  });

  it('never wraps default privileges in SET SESSION AUTHORIZATION', () => {
    const sql = emitDefaultAcl('"weird" role', null, 'T', '{"\\"\\"\\"weird\\"\\" role\\"=U/x",bob=U*/x}', '{}', false);
    expect(sql).not.toMatch(/SESSION AUTHORIZATION/);
    for (const l of lines(sql)) expect(l.startsWith('ALTER DEFAULT PRIVILEGES FOR ROLE """weird"" role" ')).toBe(true);
    // USAGE is all a type has, so it prints as ALL, grant option or not
    expect(sql).toContain('GRANT ALL ON TYPES TO bob WITH GRANT OPTION;');
  });

  it('uses the full set of the object type for ALL', () => {
    expect(emitDefaultAcl('alice', null, 'n', '{bob=UC/alice}', '{}', false)).toBe(
      'ALTER DEFAULT PRIVILEGES FOR ROLE alice GRANT ALL ON SCHEMAS TO bob;',
    );
  });
});
