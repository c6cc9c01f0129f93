import type { CatalogContext } from './client.js';
import { readColumnDefaults } from './column-defaults.js';
import { readComments } from './comments.js';
import { readComposites } from './composites.js';
import { readConstraints } from './constraints.js';
import { readDefaultAcls } from './default-acls.js';
import { readDependencies, type DependencyEdge } from './depend.js';
import { readDomains } from './domains.js';
import { readEnums } from './enums.js';
import { readExtensionMembers, readExtensions } from './extensions.js';
import { readExtensionAcls } from './extension-acls.js';
import { readIndexAttachments } from './index-attachments.js';
import { readRules } from './rules.js';
import { readPolicies } from './policies.js';
import { readTsParsers } from './ts-parsers.js';
import { readTsTemplates } from './ts-templates.js';
import { readTsDicts } from './ts-dicts.js';
import { readTsConfigs } from './ts-configs.js';
import { readStatistics } from './statistics.js';
import { readEventTriggers } from './event-triggers.js';
import { readLargeObjects } from './large-objects.js';
import { readCollations } from './collations.js';
import { readConversions } from './conversions.js';
import { readCasts } from './casts.js';
import { readLanguages } from './languages.js';
import { readTransforms } from './transforms.js';
import { readBaseTypes } from './base-types.js';
import { readForeignDataWrappers } from './foreign-data-wrappers.js';
import { readForeignServers } from './foreign-servers.js';
import { readUserMappings } from './user-mappings.js';
import { readForeignTables } from './foreign-tables.js';
import { readPublications } from './publications.js';
import { readPublicationTables } from './publication-tables.js';
import { readPublicationSchemas } from './publication-schemas.js';
import { readSubscriptions } from './subscriptions.js';
import { readAggregates } from './aggregates.js';
import { readAccessMethods } from './access-methods.js';
import { readOperators } from './operators.js';
import { readOpfamilies } from './opfamilies.js';
import { readOpclasses } from './opclasses.js';
// (new kinds: add their reader import above this line)
import { readFunctions } from './functions.js';
import { readIndexes } from './indexes.js';
import type { DumpObject } from './objects.js';
import { readRanges } from './ranges.js';
import { readSchemas } from './schemas.js';
import { readSequences } from './sequences.js';
import { readColumns, readTables } from './tables.js';
import { readTriggers } from './triggers.js';
import { readViews } from './views.js';

export type { CatalogClient, CatalogContext } from './client.js';
export type { DumpObject, ObjectId } from './objects.js';
export type { DependencyEdge } from './depend.js';

export interface Catalog {
  readonly objects: readonly DumpObject[];
  readonly dependencies: readonly DependencyEdge[];
  /** ids of objects that belong to an extension, mapped to the extension's id */
  readonly extensionMembers: ReadonlyMap<string, string>;
}

/**
 * Reads everything the dump needs in a fixed number of set-based queries, whatever the
 * number of objects. Objects inside extensions are dropped here, as are the parts of
 * objects that are themselves not dumped.
 */
export async function readCatalog(ctx: CatalogContext): Promise<Catalog> {
  const comments = await readComments(ctx);
  const extensionMembers = await readExtensionMembers(ctx);
  const columns = await readColumns(ctx, comments);
  const sequences = await readSequences(ctx, comments);
  const tables = await readTables(ctx, comments, sequences, columns);
  const identitySequenceIds = new Set(sequences.filter((s) => s.ownedBy?.identity).map((s) => s.id));
  const all: DumpObject[] = [
    ...(await readSchemas(ctx, comments)),
    ...(await readExtensions(ctx, comments)),
    ...(await readEnums(ctx, comments)),
    ...(await readComposites(ctx, comments)),
    ...(await readDomains(ctx, comments)),
    ...(await readRanges(ctx, comments)),
    ...(await readFunctions(ctx, comments)),
    ...tables,
    ...sequences.filter((s) => !identitySequenceIds.has(s.id)),
    ...(await readViews(ctx, comments, columns)),
    ...(await readColumnDefaults(ctx)),
    ...(await readConstraints(ctx, comments)),
    ...(await readIndexes(ctx, comments)),
    ...(await readTriggers(ctx, comments)),
    ...(await readDefaultAcls(ctx)),
    ...(await readIndexAttachments(ctx)),
    ...(await readRules(ctx, comments)),
    ...(await readPolicies(ctx, comments)),
    ...(await readTsParsers(ctx, comments)),
    ...(await readTsTemplates(ctx, comments)),
    ...(await readTsDicts(ctx, comments)),
    ...(await readTsConfigs(ctx, comments)),
    ...(await readStatistics(ctx, comments)),
    ...(await readEventTriggers(ctx, comments)),
    ...(await readLargeObjects(ctx, comments)),
    ...(await readCollations(ctx, comments)),
    ...(await readConversions(ctx, comments)),
    ...(await readCasts(ctx, comments)),
    ...(await readLanguages(ctx, comments)),
    ...(await readTransforms(ctx, comments)),
    ...(await readBaseTypes(ctx, comments)),
    ...(await readForeignDataWrappers(ctx, comments)),
    ...(await readForeignServers(ctx, comments)),
    ...(await readUserMappings(ctx)),
    ...(await readForeignTables(ctx, comments, columns, sequences)),
    ...(await readPublications(ctx, comments)),
    ...(await readPublicationTables(ctx)),
    ...(await readPublicationSchemas(ctx)),
    ...(await readSubscriptions(ctx, comments)),
    ...(await readAggregates(ctx, comments)),
    ...(await readAccessMethods(ctx, comments)),
    ...(await readOperators(ctx, comments)),
    ...(await readOpfamilies(ctx, comments)),
    ...(await readOpclasses(ctx, comments)),
    // (new kinds: add `...(await readX(ctx, comments)),` above this line)
  ];
  const extensionAcls = await readExtensionAcls(ctx);
  const dependencies = await readDependencies(ctx);
  const kept = new Set<string>();
  const objects = all.filter((o) => {
    if (extensionMembers.has(o.id)) return false;
    kept.add(o.id);
    return true;
  });
  // Parts (defaults, constraints, indexes, triggers) of objects that are not dumped go too.
  const dumped = objects.filter((o) => {
    const owner = 'tableId' in o ? o.tableId : null;
    return owner === null || kept.has(owner);
  });
  // initdb's extensions (plpgsql) are never dumped but exist in every target: their
  // members' changed privileges are dumped all the same.
  const userExtensions = new Set(all.filter((o) => o.kind === 'extension').map((o) => o.id));
  dumped.push(
    ...extensionAcls.filter((a) => a.extensionId === null || kept.has(a.extensionId) || !userExtensions.has(a.extensionId)),
  );
  return { objects: dumped, dependencies, extensionMembers };
}
