import type { PublicationSchemaObject } from '../../catalog/publication-schemas.js';
import { quoteIdent } from '../sql/quote.js';
import type { ObjectDdl } from './common.js';

export function emitPublicationSchema(p: PublicationSchemaObject): ObjectDdl {
  const pub = quoteIdent(p.publication);
  const schema = quoteIdent(p.schema ?? '');
  return {
    desc: 'PUBLICATION TABLES IN SCHEMA',
    tag: `${p.publication} ${p.schema ?? ''}`,
    create: `ALTER PUBLICATION ${pub} ADD TABLES IN SCHEMA ${schema};`,
    drop: `ALTER PUBLICATION ${pub} DROP TABLES IN SCHEMA ${schema};`,
    owner: '',
    comments: [],
    aclLabel: null,
    acl: '',
  };
}
