import { describe, expect, inject, it } from 'vitest';
import { requestedMajors } from './servers/index.js';
import { psqlString, query } from './util/pg.js';

const servers = inject('servers');

describe('test servers', () => {
  it('are provided', () => {
    expect(servers.length).toBeGreaterThan(0);
    if (!process.env.PGDUMP_TEST_URL) expect(servers.map((s) => s.major)).toEqual(requestedMajors());
  });

  describe.each(servers)('PostgreSQL $major', ({ major, versionNum, url }) => {
    it('reports the expected server_version_num', async () => {
      const [row] = await query<{ v: string }>(url, `SELECT current_setting('server_version_num') AS v`);
      expect(Math.floor(Number(row!.v) / 10000)).toBe(major);
      expect(Number(row!.v)).toBe(versionNum);
    });

    it('answers the real psql', async () => {
      const { stdout } = await psqlString(url, `\\pset tuples_only on\nSELECT 40 + 2;\n`);
      expect(stdout.trim()).toBe('42');
    });
  });
});
