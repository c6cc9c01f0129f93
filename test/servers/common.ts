// Shared by the server sources; re-exported from ./index.js.
import pg from 'pg';

export interface TestServer {
  major: number;
  versionNum: number;
  host: string;
  port: number;
  user: string;
  /** Connection URL for `database` (default `postgres`). */
  url(database?: string): string;
  stop(): Promise<void>;
}

/** Replace the database of a connection URL. */
export function urlWithDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + encodeURIComponent(database);
  return u.toString();
}

/** `server_version_num` of the server behind `url`. */
export async function serverVersionNum(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const res = await client.query<{ v: string }>(`SELECT current_setting('server_version_num') AS v`);
    return Number(res.rows[0]!.v);
  } finally {
    await client.end();
  }
}

export function majorOf(versionNum: number): number {
  return Math.floor(versionNum / 10000);
}
