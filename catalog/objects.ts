import type { SchemaObject } from './schemas.js';
import type { ExtensionObject } from './extensions.js';
import type { EnumObject } from './enums.js';
import type { CompositeObject } from './composites.js';
import type { DomainObject } from './domains.js';
import type { RangeObject } from './ranges.js';
import type { FunctionObject } from './functions.js';
import type { TableObject } from './tables.js';
import type { ColumnDefaultObject } from './column-defaults.js';
import type { SequenceObject } from './sequences.js';
import type { ConstraintObject } from './constraints.js';
import type { IndexObject } from './indexes.js';
import type { ViewObject } from './views.js';
import type { TriggerObject } from './triggers.js';
import type { DefaultAclObject } from './default-acls.js';
import type { ExtensionAclObject } from './extension-acls.js';
import type { IndexAttachObject } from './index-attachments.js';
import type { RuleObject } from './rules.js';
import type { PolicyObject } from './policies.js';
import type { TsParserObject } from './ts-parsers.js';
import type { TsTemplateObject } from './ts-templates.js';
import type { TsDictObject } from './ts-dicts.js';
import type { TsConfigObject } from './ts-configs.js';
import type { StatisticsObject } from './statistics.js';
import type { EventTriggerObject } from './event-triggers.js';
import type { LargeObjectObject } from './large-objects.js';
import type { CollationObject } from './collations.js';
import type { ConversionObject } from './conversions.js';
import type { CastObject } from './casts.js';
import type { LanguageObject } from './languages.js';
import type { TransformObject } from './transforms.js';
import type { BaseTypeObject } from './base-types.js';
import type { ForeignDataWrapperObject } from './foreign-data-wrappers.js';
import type { ForeignServerObject } from './foreign-servers.js';
import type { UserMappingObject } from './user-mappings.js';
import type { ForeignTableObject } from './foreign-tables.js';
import type { PublicationObject } from './publications.js';
import type { PublicationTableObject } from './publication-tables.js';
import type { PublicationSchemaObject } from './publication-schemas.js';
import type { SubscriptionObject } from './subscriptions.js';
import type { AggregateObject } from './aggregates.js';
import type { AccessMethodObject } from './access-methods.js';
import type { OperatorObject } from './operators.js';
import type { OpfamilyObject } from './opfamilies.js';
import type { OpclassObject } from './opclasses.js';
// (new kinds: add their import above this line)

/** Catalog identity: `<catalog>:<oid>` (e.g. `pg_class:16402`), stable within one dump. */
export type ObjectId = string;

export function objectId(catalog: string, oid: number | string): ObjectId {
  return `${catalog}:${oid}`;
}

/** What every dumpable object carries, whatever its kind. */
export interface ObjectBase {
  readonly id: ObjectId;
  readonly oid: number;
  readonly schema: string | null;
  readonly name: string;
  readonly owner: string | null;
  /** aclitem[] as text; null means the default privileges */
  readonly acl: string | null;
  /** the ACL a freshly created object would have (acldefault or pg_init_privs); GRANT/REVOKE are the difference */
  readonly baseAcl: string | null;
  readonly comment: string | null;
  /** other catalog identities whose pg_depend rows belong to this object (row type, array type, rule, index) */
  readonly aliases: readonly ObjectId[];
  /** dependencies known without pg_depend (schema, owning table, ...) */
  readonly implicitDeps: readonly ObjectId[];
}

export type DumpObject =
  | SchemaObject
  | ExtensionObject
  | EnumObject
  | CompositeObject
  | DomainObject
  | RangeObject
  | FunctionObject
  | TableObject
  | ColumnDefaultObject
  | SequenceObject
  | ConstraintObject
  | IndexObject
  | ViewObject
  | TriggerObject
  | DefaultAclObject
  | ExtensionAclObject
  | IndexAttachObject
  | RuleObject
  | PolicyObject
  | TsParserObject
  | TsTemplateObject
  | TsDictObject
  | TsConfigObject
  | StatisticsObject
  | EventTriggerObject
  | LargeObjectObject
  | CollationObject
  | ConversionObject
  | CastObject
  | LanguageObject
  | TransformObject
  | BaseTypeObject
  | ForeignDataWrapperObject
  | ForeignServerObject
  | UserMappingObject
  | ForeignTableObject
  | PublicationObject
  | PublicationTableObject
  | PublicationSchemaObject
  | SubscriptionObject
  | AggregateObject
  | AccessMethodObject
  | OperatorObject
  | OpfamilyObject
  | OpclassObject
  // (new kinds: add `| XObject` above this line)
  ;

export type ObjectKind = DumpObject['kind'];

/** Compile-time exhaustiveness check for `switch (obj.kind)`. */
export function assertNever(x: never): never {
  throw new Error(`unhandled object kind: ${JSON.stringify(x)}`);
}

/** The fields every reader fills the same way. */
export function baseFields(
  catalog: string,
  oid: number,
  row: { schema: string | null; name: string; owner?: string | null; acl?: string | null; baseacl?: string | null },
  comment: string | null,
): Omit<ObjectBase, 'aliases' | 'implicitDeps'> {
  return {
    id: objectId(catalog, oid),
    oid,
    schema: row.schema,
    name: row.name,
    owner: row.owner ?? null,
    acl: row.acl ?? null,
    baseAcl: row.baseacl ?? null,
    comment,
  };
}
