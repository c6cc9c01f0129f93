import { createRequire } from 'node:module';
import type pg from 'pg';

type Parser = (value: string) => unknown;

/**
 * pg's default text parsers, in a registry of our own: an application that changes pg's global
 * parsers (`pg.types.setTypeParser(20, BigInt)`, numeric as numbers, dates as strings) or hands
 * us a client configured with its own `types` must not change what the catalog queries return.
 * Built from the same pg-types module pg itself loads, through its registration list.
 */
function defaultTextParsers(): ReadonlyMap<number, Parser> {
  const requireHere = createRequire(import.meta.url);
  const requireFromPg = createRequire(requireHere.resolve('pg'));
  const textParsers = requireFromPg('pg-types/lib/textParsers.js') as { init(register: (oid: number, parser: Parser) => void): void };
  const map = new Map<number, Parser>();
  textParsers.init((oid, parser) => map.set(Number(oid), parser));
  return map;
}

let parsers: ReadonlyMap<number, Parser> | undefined;
const asText: Parser = (v) => v;

/** A `types` option for pg queries: pg's defaults whatever the process or the client changed. */
export const PRISTINE_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string) => {
    if (format === 'binary') return (v: Buffer) => v;
    parsers ??= defaultTextParsers();
    return parsers.get(oid) ?? asText;
  }) as pg.CustomTypesConfig['getTypeParser'],
};
