// Pure tests of the cluster dump's emitters (roles, memberships, parameters, tablespaces), its
// layout, and pg_dumpall's filter-file rules, on hand-built rows with no server.
import { describe, expect, it } from 'vitest';
import type { RoleInfo, RoleMembership } from '../catalog/roles.js';
import type { TablespaceInfo } from '../catalog/tablespaces.js';
import { emitMembership, emitParameterAcl, emitRole, emitRoleSetting, orderMemberships } from '../src/ddl/role.js';
import { emitTablespace } from '../src/ddl/tablespace.js';
import { globalsScript } from '../src/dumpall-globals.js';
import { conninfoFor } from '../src/dumpall.js';
import { parseConninfo } from '../src/connection/index.js';
import { parseFilterFile } from '../src/select/filter-file.js';

function role(name: string, extra: Partial<RoleInfo> = {}): RoleInfo {
  return {
    oid: 16500, name, superuser: false, inherit: true, createRole: false, createDb: false, canLogin: false,
    replication: false, bypassRls: false, connectionLimit: -1, password: null, validUntil: null, comment: null,
    securityLabels: [], settings: [], bootstrap: false, ...extra,
  };
}

const noFlags = { noPasswords: false, noComments: false, noSecurityLabels: false };

function grant(role: string, member: string, grantor: string | null, extra: Partial<RoleMembership> = {}): RoleMembership {
  return { role, member, grantor, grantorIsBootstrap: grantor === 'postgres', adminOption: false, inheritOption: null, setOption: null, ...extra };
}

describe('roles', () => {
  it('spells out every attribute, and never creates the bootstrap superuser', () => {
    const r = role('Mixed Role', {
      superuser: true, createDb: true, canLogin: true, bypassRls: true, connectionLimit: 3, password: "SCRAM-SHA-256$x'y",
      validUntil: '2030-01-01 00:00:00+00', comment: "it's", securityLabels: [{ provider: 'selinux', label: 'l' }],
    });
    expect(emitRole(r, noFlags)).toBe([
      'CREATE ROLE "Mixed Role";',
      `ALTER ROLE "Mixed Role" WITH SUPERUSER INHERIT NOCREATEROLE CREATEDB LOGIN NOREPLICATION BYPASSRLS CONNECTION LIMIT 3 PASSWORD 'SCRAM-SHA-256$x''y' VALID UNTIL '2030-01-01 00:00:00+00';`,
      `COMMENT ON ROLE "Mixed Role" IS 'it''s';`,
      `SECURITY LABEL FOR selinux ON ROLE "Mixed Role" IS 'l';`,
    ].join('\n'));
    expect(emitRole(r, { noPasswords: true, noComments: true, noSecurityLabels: true })).not.toMatch(/PASSWORD|COMMENT|LABEL/);
    expect(emitRole(role('postgres', { bootstrap: true, superuser: true }), noFlags)).toMatch(/^ALTER ROLE postgres WITH SUPERUSER /);
  });

  it('writes settings as pg_dumpall does, list settings element by element', () => {
    expect(emitRoleSetting('r', 'work_mem=8MB')).toBe("ALTER ROLE r SET work_mem TO '8MB';");
    expect(emitRoleSetting('r', 'search_path="$user", "A b"')).toBe("ALTER ROLE r SET search_path TO '$user', 'A b';");
    expect(emitRoleSetting('r', 'my.custom=x')).toBe(`ALTER ROLE r SET "my.custom" TO 'x';`);
  });

  it('orders memberships so that each grantor holds ADMIN OPTION first (16+)', () => {
    const rows = [
      grant('g', 'a', 'c'),
      grant('g', 'b', 'postgres', { adminOption: true }),
      grant('g', 'c', 'b', { adminOption: true }),
      grant('h', 'a', 'postgres'),
    ];
    expect(orderMemberships(rows, true).map((m) => m.member)).toEqual(['b', 'c', 'a', 'a']);
    expect(orderMemberships(rows, false)).toEqual(rows);
    expect(() => orderMemberships([grant('g', 'a', 'nobody')], true)).toThrow(/legal dump ordering for memberships in role "g"/);
  });

  it('writes the options a membership has on its major', () => {
    expect(emitMembership(grant('g', 'm', 'x', { adminOption: true }))).toBe('GRANT g TO m WITH ADMIN OPTION GRANTED BY x;');
    expect(emitMembership(grant('g', 'm', null))).toBe('GRANT g TO m;');
    expect(emitMembership(grant('g', 'm', 'postgres', { inheritOption: false, setOption: false }))).toBe(
      'GRANT g TO m WITH INHERIT FALSE, SET FALSE GRANTED BY postgres;',
    );
    expect(emitMembership(grant('g', 'm', 'postgres', { adminOption: true, inheritOption: true, setOption: true }))).toBe(
      'GRANT g TO m WITH ADMIN OPTION, INHERIT TRUE GRANTED BY postgres;',
    );
  });

  it('grants privileges on parameters', () => {
    const base = '{postgres=sA/postgres}';
    expect(emitParameterAcl({ name: 'work_mem', owner: 'postgres', baseAcl: base, acl: '{postgres=sA/postgres,alice=s/postgres,bob=A*/postgres}' })).toBe(
      'GRANT SET ON PARAMETER work_mem TO alice;\nGRANT ALTER SYSTEM ON PARAMETER work_mem TO bob WITH GRANT OPTION;',
    );
  });
});

describe('tablespaces', () => {
  const ts: TablespaceInfo = {
    oid: 16400, name: 'Fast Disk', owner: 'alice', location: '/srv/pg/fast', options: ['random_page_cost=1.1', 'effective_io_concurrency=200'],
    acl: '{alice=C/alice,bob=C/alice}', baseAcl: '{alice=C/alice}', comment: 'nvme', securityLabels: [],
  };
  it('creates with owner, location, options, privileges and comment', () => {
    expect(emitTablespace(ts, { noPrivileges: false, noComments: false, noSecurityLabels: false })).toBe([
      `CREATE TABLESPACE "Fast Disk" OWNER alice LOCATION '/srv/pg/fast';`,
      'ALTER TABLESPACE "Fast Disk" SET (random_page_cost=1.1, effective_io_concurrency=200);',
      'GRANT ALL ON TABLESPACE "Fast Disk" TO bob;',
      `COMMENT ON TABLESPACE "Fast Disk" IS 'nvme';`,
    ].join('\n'));
    expect(emitTablespace({ ...ts, location: '', options: ["x= 1'"] }, { noPrivileges: true, noComments: true, noSecurityLabels: true })).toBe(
      `CREATE TABLESPACE "Fast Disk" OWNER alice LOCATION '';\nALTER TABLESPACE "Fast Disk" SET (x=' 1''');`,
    );
  });
});

describe('cluster script', () => {
  const globals = { roles: [role('postgres', { bootstrap: true, oid: 10 }), role('app')], memberships: [], parameterAcls: [], tablespaces: [] };
  const opts = {
    version: 170000, roles: true, tablespaces: true, databases: true, clean: true, ifExists: true, dropDatabases: ['shop'],
    noPasswords: false, noPrivileges: false, noComments: false, noSecurityLabels: false,
  };
  it('drops databases, tablespaces and roles first with --clean, never the bootstrap superuser', () => {
    const text = globalsScript(globals, opts);
    expect(text).toMatch(/^--\n-- Drop databases \(except postgres and template1\)\n--\n\nDROP DATABASE IF EXISTS shop;\n/);
    expect(text).toMatch(/-- Drop roles\n--\n\nDROP ROLE IF EXISTS app;\n\n\n--\n-- Roles/);
    expect(text).not.toMatch(/DROP ROLE IF EXISTS postgres/);
    expect(globalsScript(globals, { ...opts, clean: false })).toMatch(/^--\n-- Roles\n--\n\nALTER ROLE postgres WITH/);
  });
});

describe('connection and filter', () => {
  it('targets each database with the rest of the -d string', () => {
    const s = conninfoFor("postgres://u@h:5433/ignored?sslmode=disable", "it's");
    expect(parseConninfo(s)).toEqual({ user: 'u', host: 'h', port: '5433', sslmode: 'disable', dbname: "it's" });
    expect(parseConninfo(conninfoFor(undefined, 'host=x'))).toEqual({ dbname: 'host=x' });
  });

  it('reads only `exclude database` lines, as pg_dumpall does', () => {
    const found = { databases: [] as string[] };
    expect(parseFilterFile('exclude database a*\n# c\nexclude database "B c"\n', 'f', found)).toEqual([]);
    expect(found.databases).toEqual(['a*', '"B c"']);
    expect(() => parseFilterFile('include database x\n', 'f', { databases: [] })).toThrow(/line 1: include filter for "database" is not allowed/);
    expect(() => parseFilterFile('exclude schema x\n', 'f', { databases: [] })).toThrow(/line 1: unsupported filter object/);
  });
});
