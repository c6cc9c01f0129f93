// Without superuser: a database owned by an ordinary role, full of objects it owns, dumped by
// that role; restored with -O -x by another ordinary role into a database it owns, with zero
// psql errors. This is what most managed services allow.
import { describe, expect, inject, it } from 'vitest';
import { createDatabase, psqlString, query, urlWithDatabase } from './util/pg.js';
import { cli, END_MARK } from './util/reliability.js';

const servers = inject('servers');

function as(url: string, role: string, database: string): string {
  return urlWithDatabase(url.replace(/^postgres:\/\/[^@]*@/, `postgres://${role}@`), database);
}

const OBJECTS = `
CREATE SCHEMA app;
CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy');
CREATE TYPE app.pair AS (a int, b text);
CREATE DOMAIN app.positive AS int CHECK (VALUE > 0);
CREATE SEQUENCE app.ticket_seq START 100;
CREATE TABLE app.customer (
  id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  mood app.mood DEFAULT 'ok',
  tickets app.positive,
  ticket bigint DEFAULT nextval('app.ticket_seq'),
  extra jsonb
);
CREATE TABLE app.orders (id serial PRIMARY KEY, customer int REFERENCES app.customer, total numeric(10,2) CHECK (total >= 0), placed timestamptz DEFAULT now());
CREATE INDEX orders_customer ON app.orders (customer);
CREATE TABLE app.events (id int, at date) PARTITION BY RANGE (at);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE VIEW app.big_orders AS SELECT * FROM app.orders WHERE total > 100;
CREATE MATERIALIZED VIEW app.totals AS SELECT customer, sum(total) AS total FROM app.orders GROUP BY customer;
CREATE FUNCTION app.add(a int, b int) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT a + b $$;
CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.placed := now(); RETURN NEW; END $$;
CREATE TRIGGER orders_touch BEFORE UPDATE ON app.orders FOR EACH ROW EXECUTE FUNCTION app.touch();
CREATE AGGREGATE app.total_sum(numeric) (sfunc = numeric_add, stype = numeric, initcond = '0');
CREATE POLICY own_rows ON app.orders USING (customer IS NOT NULL);
ALTER TABLE app.orders ENABLE ROW LEVEL SECURITY;
CREATE TEXT SEARCH CONFIGURATION app.simple2 (COPY = pg_catalog.simple);
CREATE COLLATION app.c2 (locale = 'C');
CREATE STATISTICS app.orders_stats ON customer, total FROM app.orders;
COMMENT ON TABLE app.customer IS 'people';
COMMENT ON SCHEMA app IS 'the application';
GRANT USAGE ON SCHEMA app TO rel_app_reader;
GRANT SELECT ON app.customer TO rel_app_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO rel_app_reader;
INSERT INTO app.customer (name, mood, tickets, extra) VALUES ('ann', 'happy', 3, '{"vip": true}'), ('bob', DEFAULT, 1, NULL);
INSERT INTO app.orders (customer, total) VALUES (1, 150.5), (2, 20), (1, 0);
INSERT INTO app.events VALUES (1, '2024-05-01');
REFRESH MATERIALIZED VIEW app.totals;
CREATE TABLE public.in_public (id int);
INSERT INTO public.in_public VALUES (42);
SELECT lo_from_bytea(0, '\\x00ff'::bytea);
`;

describe.each(servers.map((s) => [s.major, s] as const))('PostgreSQL %i: non-superuser', (major, server) => {
  it('dumps as the owning role; restores with -O -x as another role with zero errors', async () => {
    await psqlString(server.url, `DO $$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rel_app_owner') THEN CREATE ROLE rel_app_owner LOGIN; END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rel_app_restorer') THEN CREATE ROLE rel_app_restorer LOGIN; END IF;
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'rel_app_reader') THEN CREATE ROLE rel_app_reader; END IF;
    END $$;`);
    const src = 'rel_nonsuper_src';
    const dst = 'rel_nonsuper_dst';
    await createDatabase(server.url, src);
    await createDatabase(server.url, dst);
    await query(server.url, `ALTER DATABASE ${src} OWNER TO rel_app_owner`);
    await query(server.url, `ALTER DATABASE ${dst} OWNER TO rel_app_restorer`);
    // Before 15 the public schema belongs to the bootstrap superuser with CREATE for everyone;
    // the owner creates its objects in its own schema and in public all the same.
    await psqlString(as(server.url, 'rel_app_owner', src), OBJECTS);
    const [{ rolsuper }] = await query<{ rolsuper: boolean }>(as(server.url, 'rel_app_owner', src), 'SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
    expect(rolsuper).toBe(false);

    const full = await cli([as(server.url, 'rel_app_owner', src)]);
    expect(full.code, full.stderr).toBe(0);
    expect(full.stderr).toBe('');
    expect(full.stdout.toString()).toContain(END_MARK);
    expect(full.stdout.toString()).toContain('OWNER TO rel_app_owner');

    const r = await cli(['-O', '-x', as(server.url, 'rel_app_owner', src)]);
    expect(r.code, r.stderr).toBe(0);
    const script = r.stdout.toString();
    expect(script).not.toMatch(/OWNER TO|^GRANT |^REVOKE /m);
    // psql without ON_ERROR_STOP would carry on: count errors instead of stopping at the first.
    const restored = await psqlString(as(server.url, 'rel_app_restorer', dst), script).catch((e: Error) => ({ stdout: '', stderr: e.message }));
    expect(restored.stderr).toBe('');

    const check = `SELECT (SELECT string_agg(name || ':' || mood || ':' || tickets || ':' || ticket, ',' ORDER BY id) FROM app.customer) AS customers,
      (SELECT string_agg(total::text, ',' ORDER BY id) FROM app.orders) AS orders,
      (SELECT count(*) FROM app.events) AS events, (SELECT count(*) FROM app.totals) AS totals,
      (SELECT id FROM public.in_public) AS in_public, app.add(2, 3) AS add,
      (SELECT count(*) FROM pg_largeobject_metadata) AS large_objects,
      (SELECT last_value FROM app.ticket_seq) AS ticket_seq`;
    const [before] = await query(as(server.url, 'rel_app_owner', src), check);
    const [after] = await query(as(server.url, 'rel_app_restorer', dst), check);
    expect(after).toEqual(before);
    // Everything restored belongs to the restoring role.
    const owners = await query<{ owner: string }>(as(server.url, 'rel_app_restorer', dst),
      `SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE nspname = 'app'`);
    expect(owners).toEqual([{ owner: 'rel_app_restorer' }]);
    void major;
  });

  it('a FORCE ROW LEVEL SECURITY table restores its rows for a non-superuser owner (RLS enabled after the data)', async () => {
    const src = await createDatabase(server.url, 'rel_force_rls_src');
    await createDatabase(server.url, 'rel_force_rls_dst');
    await query(server.url, 'ALTER DATABASE rel_force_rls_dst OWNER TO rel_app_restorer');
    await psqlString(src, `CREATE TABLE public.secrets (id int PRIMARY KEY, owner_name text);
      INSERT INTO public.secrets VALUES (1, 'ann'), (2, 'bob');
      CREATE POLICY mine ON public.secrets USING (owner_name = current_user);
      ALTER TABLE public.secrets ENABLE ROW LEVEL SECURITY;
      ALTER TABLE public.secrets FORCE ROW LEVEL SECURITY;`);
    const r = await cli(['-O', '-x', src]);
    expect(r.code, r.stderr).toBe(0);
    const script = r.stdout.toString();
    const restorer = as(server.url, 'rel_app_restorer', 'rel_force_rls_dst');
    const restored = await psqlString(restorer, script).catch((e: Error) => ({ stdout: '', stderr: e.message }));
    expect(restored.stderr).toBe('');
    const [flags] = await query(restorer, `SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = 'secrets'`);
    expect(flags).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
    const [rows] = await query(urlWithDatabase(server.url, 'rel_force_rls_dst'), 'SELECT count(*)::int AS n FROM public.secrets');
    expect(rows).toEqual({ n: 2 });
  });
});
