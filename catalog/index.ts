import type { CatalogContext } from './client.js';
import type { TableObject } from './tables.js';
import { readColumnDefaults } from './column-defaults.js';
import { readComments } from './comments.js';
import { readSecurityLabels, type SecurityLabelMap } from './security-labels.js';
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
  /** extension configuration tables (members of a dumped extension) whose rows are dumped */
  readonly configTables?: readonly { readonly table: TableObject; readonly condition: string; readonly extensionId: string }[];
  /** SECURITY LABELs by object id (pg_seclabel; shared objects' labels are read with them) */
  readonly securityLabels?: SecurityLabelMap;
}

/**
 * Reads everything the dump needs in a fixed number of set-based queries, whatever the
 * number of objects. Objects inside extensions are dropped here, as are the parts of
 * objects that are themselves not dumped.
 */
/**
 * Marks a promise as handled now (it is awaited later): if another query fails first, its
 * own failure must not surface as an unhandled rejection.
 */
function handled<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

export async function readCatalog(ctx: CatalogContext): Promise<Catalog> {
  // Queries run concurrently: with helper connections on the same snapshot the server
  // renders definitions on several cores; on one connection they simply queue.
  const [comments, extensionMembers] = await Promise.all([readComments(ctx), readExtensionMembers(ctx)]);
  const columnsP = handled(readColumns(ctx, comments));
  const sequencesP = handled(readSequences(ctx, comments));
  const tablesP = Promise.all([sequencesP, columnsP]).then(([sequences, columns]) =>
    readTables(ctx, comments, sequences, columns),
  );
  const dependenciesP = handled(readDependencies(ctx));
  const extensionAclsP = handled(readExtensionAcls(ctx));
  const securityLabelsP = handled(readSecurityLabels(ctx));
  const standaloneSequencesP = sequencesP.then((sequences) => sequences.filter((s) => !s.ownedBy?.identity));
  const parts: Promise<readonly DumpObject[]>[] = [
    readSchemas(ctx, comments),
    readExtensions(ctx, comments),
    readEnums(ctx, comments),
    readComposites(ctx, comments),
    readDomains(ctx, comments),
    readRanges(ctx, comments),
    readFunctions(ctx, comments),
    tablesP,
    standaloneSequencesP,
    columnsP.then((columns) => readViews(ctx, comments, columns)),
    readColumnDefaults(ctx),
    readConstraints(ctx, comments),
    readIndexes(ctx, comments),
    readTriggers(ctx, comments),
    readDefaultAcls(ctx),
    readIndexAttachments(ctx),
    readRules(ctx, comments),
    readPolicies(ctx, comments),
    readTsParsers(ctx, comments),
    readTsTemplates(ctx, comments),
    readTsDicts(ctx, comments),
    readTsConfigs(ctx, comments),
    readStatistics(ctx, comments),
    readEventTriggers(ctx, comments),
    readLargeObjects(ctx, comments),
    readCollations(ctx, comments),
    readConversions(ctx, comments),
    readCasts(ctx, comments),
    readLanguages(ctx, comments),
    readTransforms(ctx, comments),
    readBaseTypes(ctx, comments),
    readForeignDataWrappers(ctx, comments),
    readForeignServers(ctx, comments),
    readUserMappings(ctx),
    Promise.all([columnsP, sequencesP]).then(([columns, sequences]) => readForeignTables(ctx, comments, columns, sequences)),
    readPublications(ctx, comments),
    readPublicationTables(ctx),
    readPublicationSchemas(ctx),
    readSubscriptions(ctx, comments),
    readAggregates(ctx, comments),
    readAccessMethods(ctx, comments),
    readOperators(ctx, comments),
    readOpfamilies(ctx, comments),
    readOpclasses(ctx, comments),
    // (new kinds: add `readX(ctx, comments),` above this line)
  ];
  const all: DumpObject[] = (await Promise.all(parts)).flat();
  const [dependencies, extensionAcls, securityLabels] = await Promise.all([dependenciesP, extensionAclsP, securityLabelsP]);
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
  const tablesById = new Map(all.flatMap((o) => (o.kind === 'table' ? [[o.id, o] as const] : [])));
  const configTables = all.flatMap((o) =>
    o.kind === 'extension' && kept.has(o.id)
      ? o.configTables.flatMap((c) => {
          const table = tablesById.get(c.id);
          return table ? [{ table, condition: c.condition, extensionId: o.id }] : [];
        })
      : [],
  );
  return { objects: dumped, dependencies, extensionMembers, configTables, securityLabels };
}
