// Pure tests of the text search, extended statistics and event trigger emitters.
import { describe, expect, it } from 'vitest';
import type { EventTriggerObject } from '../catalog/event-triggers.js';
import type { ObjectBase } from '../catalog/objects.js';
import type { StatisticsObject } from '../catalog/statistics.js';
import type { TsConfigObject } from '../catalog/ts-configs.js';
import type { TsDictObject } from '../catalog/ts-dicts.js';
import type { TsParserObject } from '../catalog/ts-parsers.js';
import type { TsTemplateObject } from '../catalog/ts-templates.js';
import { emitEventTrigger } from '../src/ddl/event-trigger.js';
import { emitStatistics } from '../src/ddl/statistics.js';
import { emitTsConfig } from '../src/ddl/ts-config.js';
import { emitTsDict } from '../src/ddl/ts-dict.js';
import { emitTsParser } from '../src/ddl/ts-parser.js';
import { emitTsTemplate } from '../src/ddl/ts-template.js';
import { objectBase } from './util/objects.js';

const base = (id: string, name: string, schema: string | null, owner: string | null = 'alice'): ObjectBase => objectBase(id, name, schema, { owner });

const cat = (name: string) => ({ schema: 'pg_catalog', name });

describe('text search emitters', () => {
  it('prints built-in support functions bare and user ones qualified, HEADLINE before LEXTYPES', () => {
    const p: TsParserObject = {
      ...base('pg_ts_parser:1', 'My "Parser"', 'S', null),
      kind: 'ts-parser',
      start: { schema: 'Fn Schema', name: 'start' },
      getToken: cat('prsd_nexttoken'),
      end: cat('prsd_end'),
      lexTypes: cat('prsd_lextype'),
      headline: cat('prsd_headline'),
      comment: 'x',
    };
    const ddl = emitTsParser(p);
    expect(ddl.create).toBe(
      'CREATE TEXT SEARCH PARSER "S"."My ""Parser""" (\n    START = "Fn Schema".start,\n    GETTOKEN = prsd_nexttoken,\n' +
        '    END = prsd_end,\n    HEADLINE = prsd_headline,\n    LEXTYPES = prsd_lextype );',
    );
    expect(ddl.owner).toBe('');
    expect(ddl.comments[0]!.sql).toBe(`COMMENT ON TEXT SEARCH PARSER "S"."My ""Parser""" IS 'x';`);
  });

  it('leaves out INIT when the template has none', () => {
    const t: TsTemplateObject = { ...base('pg_ts_template:2', 't', 's', null), kind: 'ts-template', init: null, lexize: cat('dsimple_lexize') };
    expect(emitTsTemplate(t).create).toBe('CREATE TEXT SEARCH TEMPLATE s.t (\n    LEXIZE = dsimple_lexize );');
  });

  it('qualifies the template always and replays the stored options', () => {
    const d: TsDictObject = {
      ...base('pg_ts_dict:3', 'd', 's'),
      kind: 'ts-dict',
      template: cat('simple'),
      options: "stopwords = 'english', accept = 'false'",
    };
    const ddl = emitTsDict(d);
    expect(ddl.create).toBe("CREATE TEXT SEARCH DICTIONARY s.d (\n    TEMPLATE = pg_catalog.simple,\n    stopwords = 'english', accept = 'false' );");
    expect(ddl.owner).toBe('ALTER TEXT SEARCH DICTIONARY s.d OWNER TO alice;');
    expect(emitTsDict({ ...d, options: null }).create).toBe('CREATE TEXT SEARCH DICTIONARY s.d (\n    TEMPLATE = pg_catalog.simple );');
  });

  it('adds one mapping statement per token type, dictionaries in order, keyword tokens quoted', () => {
    const c: TsConfigObject = {
      ...base('pg_ts_config:4', 'c', 's'),
      kind: 'ts-config',
      parser: cat('default'),
      mappings: [
        { token: 'asciiword', dicts: [{ schema: 'My Dicts', name: 'd1' }, cat('english_stem')] },
        { token: 'int', dicts: [cat('simple')] },
      ],
    };
    expect(emitTsConfig(c).create).toBe(
      'CREATE TEXT SEARCH CONFIGURATION s.c (\n    PARSER = pg_catalog."default" );\n\n' +
        'ALTER TEXT SEARCH CONFIGURATION s.c\n    ADD MAPPING FOR asciiword WITH "My Dicts".d1, english_stem;\n\n' +
        'ALTER TEXT SEARCH CONFIGURATION s.c\n    ADD MAPPING FOR "int" WITH simple;',
    );
  });
});

describe('extended statistics emitter', () => {
  const s: StatisticsObject = {
    ...base('pg_statistic_ext:5', 'st', 's'),
    kind: 'statistics',
    tableId: 'pg_class:6',
    tableName: 't',
    definition: 'CREATE STATISTICS s.st ON a, b FROM s.t',
    statisticsTarget: null,
  };
  it('sets the target only when one was set, zero included', () => {
    expect(emitStatistics(s).create).toBe('CREATE STATISTICS s.st ON a, b FROM s.t;');
    expect(emitStatistics({ ...s, statisticsTarget: 0 }).create).toBe(
      'CREATE STATISTICS s.st ON a, b FROM s.t;\nALTER STATISTICS s.st SET STATISTICS 0;',
    );
    expect(emitStatistics(s).owner).toBe('ALTER STATISTICS s.st OWNER TO alice;');
  });
});

describe('event trigger emitter', () => {
  const e: EventTriggerObject = {
    ...base('pg_event_trigger:7', 'Evt "x"', null, 'postgres'),
    kind: 'event-trigger',
    event: 'ddl_command_end',
    tags: ['CREATE TABLE', "O'DD"],
    func: { schema: 'fns', name: 'On Ddl' },
    enabled: 'D',
  };
  it('prints tags as literals, the function qualified, and the enable state after the create', () => {
    expect(emitEventTrigger(e).create).toBe(
      'CREATE EVENT TRIGGER "Evt ""x""" ON ddl_command_end\n' +
        "         WHEN TAG IN ('CREATE TABLE', 'O''DD')\n" +
        '   EXECUTE FUNCTION fns."On Ddl"();\n\nALTER EVENT TRIGGER "Evt ""x""" DISABLE;',
    );
  });
  it('omits WHEN and ALTER for an unfiltered, enabled trigger', () => {
    expect(emitEventTrigger({ ...e, tags: [], enabled: 'O' }).create).toBe(
      'CREATE EVENT TRIGGER "Evt ""x""" ON ddl_command_end\n   EXECUTE FUNCTION fns."On Ddl"();',
    );
    expect(emitEventTrigger({ ...e, enabled: 'R' }).create).toMatch(/ENABLE REPLICA;$/);
    expect(emitEventTrigger({ ...e, enabled: 'A' }).create).toMatch(/ENABLE ALWAYS;$/);
  });
});
