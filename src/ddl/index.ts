import { assertNever, type DumpObject } from '../../catalog/objects.js';
import { qualify, quoteIdent } from '../sql/quote.js';
import type { EmitContext, ObjectDdl } from './common.js';
import { emitColumnDefault } from './column-default.js';
import { emitComposite } from './composite.js';
import { emitConstraint } from './constraint.js';
import { emitDefaultAclObject } from './default-acl.js';
import { emitAcl } from './acl.js';
import { emitRule } from './rule.js';
import { emitPolicy } from './policy.js';
import { emitTsParser } from './ts-parser.js';
import { emitTsTemplate } from './ts-template.js';
import { emitTsDict } from './ts-dict.js';
import { emitTsConfig } from './ts-config.js';
import { emitStatistics } from './statistics.js';
import { emitEventTrigger } from './event-trigger.js';
import { emitLargeObject } from './large-object.js';
import { emitCollation } from './collation.js';
import { emitConversion } from './conversion.js';
import { emitCast } from './cast.js';
import { emitLanguage } from './language.js';
import { emitTransform } from './transform.js';
import { emitBaseType } from './base-type.js';
import { emitForeignDataWrapper } from './foreign-data-wrapper.js';
import { emitForeignServer } from './foreign-server.js';
import { emitUserMapping } from './user-mapping.js';
import { emitForeignTable } from './foreign-table.js';
import { emitPublication } from './publication.js';
import { emitPublicationTable } from './publication-table.js';
import { emitPublicationSchema } from './publication-schema.js';
import { emitSubscription } from './subscription.js';
import { emitAggregate } from './aggregate.js';
import { emitAccessMethod } from './access-method.js';
import { emitOperator } from './operator.js';
import { emitOpfamily } from './opfamily.js';
import { emitOpclass } from './opclass.js';
// (new kinds: add their emitter import above this line)
import { emitDomain } from './domain.js';
import { emitEnum } from './enum.js';
import { emitExtension } from './extension.js';
import { emitFunction } from './function.js';
import { emitIndex } from './index-def.js';
import { emitRange } from './range.js';
import { emitSchema } from './schema.js';
import { emitSequence } from './sequence.js';
import { emitTable } from './table.js';
import { emitTrigger } from './trigger.js';
import { emitView } from './view.js';

export type { EmitContext, ObjectDdl } from './common.js';

/** The one dispatch from an object to its DDL; the compiler checks every kind is handled. */
export function emitObject(obj: DumpObject, ctx: EmitContext): ObjectDdl {
  switch (obj.kind) {
    case 'schema':
      return emitSchema(obj, ctx);
    case 'extension':
      return emitExtension(obj);
    case 'enum':
      return emitEnum(obj);
    case 'composite':
      return emitComposite(obj);
    case 'domain':
      return emitDomain(obj);
    case 'range':
      return emitRange(obj);
    case 'function':
      return emitFunction(obj);
    case 'table':
      return emitTable(obj, ctx);
    case 'column-default':
      return emitColumnDefault(obj);
    case 'sequence': {
      const owner = obj.ownedBy ? ctx.relationNames.get(obj.ownedBy.tableId) : undefined;
      return emitSequence(obj, owner ? `${owner}.${quoteIdent(obj.ownedBy!.column)}` : null);
    }
    case 'constraint':
      return emitConstraint(obj);
    case 'index':
      return emitIndex(obj);
    case 'view':
      return emitView(obj, ctx);
    case 'trigger':
      return emitTrigger(obj);
    case 'default-acl':
      return emitDefaultAclObject(obj, ctx);
    case 'extension-acl':
      return {
        desc: 'ACL',
        tag: obj.label,
        create: '',
        drop: '',
        owner: '',
        comments: [],
        aclLabel: obj.label,
        acl: emitAcl(
          { target: obj.label, cls: obj.aclClass, owner: obj.owner, column: obj.column ?? undefined, serverHasMaintain: ctx.version >= 170000 },
          obj.acl,
          obj.baseAcl,
        ),
      };
    case 'index-attach':
      return {
        desc: 'INDEX ATTACH',
        tag: obj.name,
        create: `ALTER INDEX ${qualify(obj.parentSchema, obj.parentName)} ATTACH PARTITION ${qualify(obj.schema, obj.name)};`,
        drop: '',
        owner: '',
        comments: [],
        aclLabel: null,
        acl: '',
      };
    case 'rule':
      return emitRule(obj);
    case 'policy':
      return emitPolicy(obj);
    case 'ts-parser':
      return emitTsParser(obj);
    case 'ts-template':
      return emitTsTemplate(obj);
    case 'ts-dict':
      return emitTsDict(obj);
    case 'ts-config':
      return emitTsConfig(obj);
    case 'statistics':
      return emitStatistics(obj);
    case 'event-trigger':
      return emitEventTrigger(obj);
    case 'large-object':
      return emitLargeObject(obj);
    case 'collation':
      return emitCollation(obj);
    case 'conversion':
      return emitConversion(obj);
    case 'cast':
      return emitCast(obj);
    case 'language':
      return emitLanguage(obj);
    case 'transform':
      return emitTransform(obj);
    case 'base-type':
      return emitBaseType(obj);
    case 'foreign-data-wrapper':
      return emitForeignDataWrapper(obj);
    case 'foreign-server':
      return emitForeignServer(obj);
    case 'user-mapping':
      return emitUserMapping(obj);
    case 'foreign-table':
      return emitForeignTable(obj, ctx);
    case 'publication':
      return emitPublication(obj, ctx);
    case 'publication-table':
      return emitPublicationTable(obj);
    case 'publication-schema':
      return emitPublicationSchema(obj);
    case 'subscription':
      return emitSubscription(obj, ctx);
    case 'aggregate':
      return emitAggregate(obj);
    case 'access-method':
      return emitAccessMethod(obj);
    case 'operator':
      return emitOperator(obj);
    case 'opfamily':
      return emitOpfamily(obj);
    case 'opclass':
      return emitOpclass(obj);
    // (new kinds: add `case 'x': return emitX(obj, ctx);` above this line)
    default:
      return assertNever(obj);
  }
}
