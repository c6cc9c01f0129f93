// Hand-built catalog objects for the unit tests of the emitters and the graph.
import type { ObjectBase } from '../../catalog/objects.js';
import type { Column, TableObject } from '../../catalog/tables.js';
import type { EmitContext } from '../../src/ddl/common.js';

/**
 * The fields every object has, for `<catalog>:<oid>` ids. `needs` lists the ids it depends on
 * implicitly (its schema, when a test sorts objects); `owner` defaults to alice.
 */
export function objectBase(
  id: string,
  name: string,
  schema: string | null = 'public',
  over: { owner?: string | null; needs?: readonly string[] } = {},
): ObjectBase {
  return {
    id,
    oid: Number(id.split(':')[1]),
    schema,
    name,
    owner: over.owner === undefined ? 'alice' : over.owner,
    acl: null,
    baseAcl: null,
    comment: null,
    aliases: [],
    implicitDeps: over.needs ?? [],
  };
}

/** A plain local column, attnum 1, with whatever `over` changes. */
export function column(name: string, type = 'integer', over: Partial<Column> = {}): Column {
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

/** An emit context with nothing absorbed and no relation names, on `version` (default 16). */
export function emitContext(over: Partial<EmitContext> = {}): EmitContext {
  return { version: 160000, inlineDefaults: new Map(), inlineChecks: new Map(), relationNames: new Map(), ...over };
}

/** An ordinary heap table with default settings and no columns unless `over` gives them. */
export function tableObject(fields: ObjectBase, over: Partial<TableObject> = {}): TableObject {
  return {
    ...fields,
    kind: 'table',
    relkind: 'r',
    unlogged: false,
    columns: [],
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
