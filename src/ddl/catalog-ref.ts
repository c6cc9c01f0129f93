import type { QualifiedName } from '../../catalog/ts-common.js';
import { qualify } from '../sql/quote.js';

/**
 * A reference the way pg_dump prints one through the server's reg* output with
 * search_path = pg_catalog: built-in objects bare, everything else schema-qualified.
 * pg_catalog is always searched, so the bare name resolves whatever the restore's search_path.
 */
export function catalogRef(q: QualifiedName): string {
  return qualify(q.schema === 'pg_catalog' ? null : q.schema, q.name);
}
