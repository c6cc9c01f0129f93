import type pg from 'pg';
import type { Writable } from 'node:stream';
import type { Catalog, CatalogClient } from '../catalog/index.js';
import { readDatabase } from '../catalog/database.js';
import { copyOut } from './data/copy.js';
import { insertStatements } from './data/inserts.js';
import type { DumpOptions } from './options.js';
import { buildOutputEncoding, canonicalEncoding, encodingStream, type OutputEncoding } from './output-encoding.js';
import type { OutputSettings } from './output-options.js';
import { qualify, quoteLiteral } from './sql/quote.js';
import { isDataOnly, partitionRoot, shapeToc, tablesByOid } from './toc/shape.js';
import type { CopySource, TocEntry } from './toc/toc.js';
import type { TableObject } from '../catalog/tables.js';
import { PlainScript, psqlConnect } from '../writers/plain-script.js';

export interface PreparedOutput {
  readonly entries: TocEntry[];
  /** the script's client_encoding */
  readonly encoding: string;
  readonly script: PlainScript;
  /** where the script is written: `out` itself, or an encoding stream in front of it */
  readonly out: Writable;
  /**
   * The rows of a table when they are not plain COPY in UTF8; null to use COPY as built. Read on
   * the dump's connection, or on `conn` (a -j worker on the same snapshot).
   */
  readonly openTable: ((src: CopySource, conn?: pg.Client) => AsyncIterable<Buffer | string>) | null;
  /** the COPY clause the rows need (-E), appended to any `COPY ... TO STDOUT` of them */
  readonly copyClause: string;
  /** waits until everything written has reached `out` */
  finish(): Promise<void>;
  /** the -E encoder of text other than table data, null for UTF8 (archives encode their TOC with it) */
  readonly encoder?: OutputEncoding | null;
}

/** Every text the script can contain besides its fixed ASCII parts: entries, and the names INSERTs use. */
function* scriptTexts(entries: readonly TocEntry[], tables: ReadonlyMap<number, TableObject>): Generator<string | null> {
  for (const e of entries) {
    yield e.tag;
    yield e.namespace;
    yield e.owner;
    yield e.defn;
    yield e.dropStmt;
    yield e.copyStmt;
    if (e.data?.kind === 'copy') {
      const t = e.data.object;
      yield t.schema;
      yield t.name;
      for (const c of t.columns) yield c.name;
      const root = partitionRoot(t, tables);
      yield root.schema;
      yield root.name;
    }
  }
}

async function sqlAsciiDatabase(client: CatalogClient): Promise<boolean> {
  const [row] = await client.query<{ enc: string }>(`SELECT pg_catalog.current_setting('server_encoding') AS enc`);
  return row?.enc === 'SQL_ASCII';
}

/**
 * Applies the output options to the built entries and prepares what the writer needs for them:
 * the --create entries, partition-root and INSERT data, the -E encoding, and the script state
 * (drops, \connect, session users, triggers, \restrict).
 */
export async function prepareOutput(
  client: pg.Client,
  catalogClient: CatalogClient,
  catalog: Catalog,
  toc: readonly TocEntry[],
  options: DumpOptions,
  output: OutputSettings,
  version: number,
  out: Writable,
): Promise<PreparedOutput> {
  const tables = tablesByOid(catalog.objects);
  const wantsPreData = !options.dataOnly && !options.noSchema && (options.section === undefined || options.section.includes('pre-data'));
  const database = output.createDatabase && wantsPreData ? await readDatabase({ client: catalogClient, version }) : null;
  // A name psql's \connect cannot take fails the dump now, not halfway through the script.
  if (database) psqlConnect(database.name);
  const noOwner = !!options.noOwner || output.setSessionAuthorization;
  const entries = shapeToc(toc, {
    version,
    noOwner,
    noPrivileges: !!options.noPrivileges,
    noComments: !!options.noComments,
    noSecurityLabels: !!options.noSecurityLabels,
    noTablespaces: !!options.noTablespaces,
    inserts: output.rowsPerInsert > 0,
    loadViaPartitionRoot: output.loadViaPartitionRoot,
    tables,
    database,
  });

  let encoding: OutputEncoding | null = null;
  let encodingName = 'UTF8';
  // A SQL_ASCII database holds bytes in no particular encoding, which the server refuses to
  // send as UTF8 (invalid byte sequence): by default its script is SQL_ASCII, as pg_dump's is.
  const requested = output.encoding ?? (await sqlAsciiDatabase(catalogClient) ? 'SQL_ASCII' : null);
  if (requested !== null) {
    encodingName = await canonicalEncoding(catalogClient, requested);
    if (encodingName !== 'UTF8') encoding = await buildOutputEncoding(catalogClient, encodingName, scriptTexts(entries, tables));
  }
  const wrapped = encoding ? encodingStream(out, encoding) : null;

  const script = new PlainScript({
    restrictKey: output.restrictKey,
    encoding: encodingName,
    clean: output.clean,
    ifExists: output.ifExists,
    createDatabase: database !== null,
    setSessionAuthorization: output.setSessionAuthorization,
    disableTriggers: output.disableTriggers && (!!options.dataOnly || isDataOnly(entries)),
    superuser: output.superuser,
  });

  let openTable: PreparedOutput['openTable'] = null;
  if (output.rowsPerInsert > 0) {
    openTable = (src, conn = client) => {
      const t = src.object;
      const root = output.loadViaPartitionRoot && t.isPartition ? partitionRoot(t, tables) : t;
      return insertStatements(conn, t, {
        target: qualify(root.schema, root.name),
        // Before 14 a multi-row VALUES cannot put DEFAULT into a generated column: name the
        // columns instead (pg_dump's script fails to restore there).
        columnInserts: output.columnInserts || (version < 140000 && output.rowsPerInsert > 1 && t.columns.some((c) => c.generated)),
        rowsPerInsert: output.rowsPerInsert,
        onConflictDoNothing: output.onConflictDoNothing,
        overridingSystemValue: [t, root].some((x) => x.columns.some((c) => c.identity === 'a')),
        encoding,
      });
    };
  }
  // The server converts the rows; the bytes it sends are the bytes the script carries.
  const copyClause = encoding ? ` WITH (ENCODING ${quoteLiteral(encodingName)})` : '';
  if (output.rowsPerInsert <= 0 && encoding) {
    openTable = (src, conn = client) => copyOut(conn, src.copyOut + copyClause);
  }

  return {
    entries,
    encoding: encodingName,
    script,
    out: wrapped?.stream ?? out,
    openTable,
    copyClause,
    encoder: encoding,
    finish: async () => {
      if (wrapped) await wrapped.finish();
    },
  };
}
