-- Text search parsers, templates, dictionaries and configurations. Parsers and templates
-- are copies of the built-in ones (pg_catalog prsd_* / dsimple_* / dsnowball_* functions,
-- or user-schema wrappers of them); dictionaries use stopword files shipped with every
-- server, never synonym/thesaurus/ispell files.
CREATE SCHEMA text_search;
CREATE SCHEMA "Text Search ""Other""";

-- Parsers: the full set with a headline function, without one, and one built on
-- LANGUAGE internal wrappers in a user schema (support functions must come first).
CREATE TEXT SEARCH PARSER text_search.prs_copy (
    START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end,
    LEXTYPES = prsd_lextype, HEADLINE = prsd_headline);
COMMENT ON TEXT SEARCH PARSER text_search.prs_copy IS 'copy of the default parser';

CREATE TEXT SEARCH PARSER text_search."Prs No ""Headline""" (
    START = pg_catalog.prsd_start, GETTOKEN = pg_catalog.prsd_nexttoken,
    END = pg_catalog.prsd_end, LEXTYPES = pg_catalog.prsd_lextype);

CREATE FUNCTION "Text Search ""Other""".wrap_start(internal, integer) RETURNS internal
    LANGUAGE internal STRICT AS 'prsd_start';
CREATE FUNCTION "Text Search ""Other"""."Wrap Token"(internal, internal, internal) RETURNS internal
    LANGUAGE internal STRICT AS 'prsd_nexttoken';
CREATE FUNCTION "Text Search ""Other""".wrap_end(internal) RETURNS void
    LANGUAGE internal STRICT AS 'prsd_end';
CREATE FUNCTION "Text Search ""Other""".wrap_lextype(internal) RETURNS internal
    LANGUAGE internal STRICT AS 'prsd_lextype';
CREATE TEXT SEARCH PARSER "Text Search ""Other""".prs_wrapped (
    START = "Text Search ""Other""".wrap_start,
    GETTOKEN = "Text Search ""Other"""."Wrap Token",
    END = "Text Search ""Other""".wrap_end,
    LEXTYPES = "Text Search ""Other""".wrap_lextype);
COMMENT ON TEXT SEARCH PARSER "Text Search ""Other""".prs_wrapped IS 'parser on wrapper functions: it''s "qualified"';

-- Templates: with and without INIT.
CREATE TEXT SEARCH TEMPLATE text_search.tmpl_simple (INIT = dsimple_init, LEXIZE = dsimple_lexize);
COMMENT ON TEXT SEARCH TEMPLATE text_search.tmpl_simple IS 'copy of the simple template';
CREATE TEXT SEARCH TEMPLATE text_search."Tmpl Snowball" (INIT = dsnowball_init, LEXIZE = dsnowball_lexize);
CREATE TEXT SEARCH TEMPLATE "Text Search ""Other""".tmpl_lexize_only (LEXIZE = dsimple_lexize);

-- Dictionaries: built-in and user templates, with and without options, owners, comments.
CREATE TEXT SEARCH DICTIONARY text_search.dict_simple (TEMPLATE = pg_catalog.simple);
CREATE TEXT SEARCH DICTIONARY text_search."Dict Stop ""English""" (
    TEMPLATE = simple, STOPWORDS = english, ACCEPT = false);
COMMENT ON TEXT SEARCH DICTIONARY text_search."Dict Stop ""English""" IS 'drops English stop words';
ALTER TEXT SEARCH DICTIONARY text_search."Dict Stop ""English""" OWNER TO regress_owner_a;
CREATE TEXT SEARCH DICTIONARY text_search.dict_snowball (
    TEMPLATE = snowball, LANGUAGE = russian, STOPWORDS = russian);
ALTER TEXT SEARCH DICTIONARY text_search.dict_snowball OWNER TO "regress_Weird Role";
CREATE TEXT SEARCH DICTIONARY text_search.dict_on_user_tmpl (
    TEMPLATE = text_search.tmpl_simple, STOPWORDS = french);
CREATE TEXT SEARCH DICTIONARY "Text Search ""Other""".dict_user_snowball (
    TEMPLATE = text_search."Tmpl Snowball", LANGUAGE = 'english');
COMMENT ON TEXT SEARCH DICTIONARY "Text Search ""Other""".dict_user_snowball IS 'snowball on a user template';

-- Configurations: a copy of english with mappings altered, replaced and dropped; one on
-- the copied parser; one on the wrapper parser; one with no mappings at all.
CREATE TEXT SEARCH CONFIGURATION text_search.cfg_english (COPY = english);
ALTER TEXT SEARCH CONFIGURATION text_search.cfg_english
    ALTER MAPPING FOR asciiword, word WITH text_search."Dict Stop ""English""", "Text Search ""Other""".dict_user_snowball, english_stem;
ALTER TEXT SEARCH CONFIGURATION text_search.cfg_english
    ALTER MAPPING REPLACE simple WITH text_search.dict_simple;
ALTER TEXT SEARCH CONFIGURATION text_search.cfg_english DROP MAPPING FOR email, url, url_path;
ALTER TEXT SEARCH CONFIGURATION text_search.cfg_english ADD MAPPING FOR blank WITH simple;
COMMENT ON TEXT SEARCH CONFIGURATION text_search.cfg_english IS 'english with local dictionaries';
ALTER TEXT SEARCH CONFIGURATION text_search.cfg_english OWNER TO regress_owner_b;

CREATE TEXT SEARCH CONFIGURATION text_search."Cfg Copied ""Parser""" (PARSER = text_search.prs_copy);
ALTER TEXT SEARCH CONFIGURATION text_search."Cfg Copied ""Parser"""
    ADD MAPPING FOR asciiword, asciihword, hword_asciipart WITH text_search.dict_snowball, simple;
ALTER TEXT SEARCH CONFIGURATION text_search."Cfg Copied ""Parser"""
    ADD MAPPING FOR int, float, "version" WITH text_search.dict_on_user_tmpl;

CREATE TEXT SEARCH CONFIGURATION "Text Search ""Other""".cfg_wrapped (PARSER = "Text Search ""Other""".prs_wrapped);
ALTER TEXT SEARCH CONFIGURATION "Text Search ""Other""".cfg_wrapped ADD MAPPING FOR word WITH english_stem;

CREATE TEXT SEARCH CONFIGURATION text_search.cfg_empty (PARSER = "default");
COMMENT ON TEXT SEARCH CONFIGURATION text_search.cfg_empty IS NULL;

-- Something that uses a configuration, so the restore proves it still works.
CREATE TABLE text_search.docs (id integer PRIMARY KEY, body text, tsv tsvector);
INSERT INTO text_search.docs VALUES
    (1, 'The quick brown foxes jumped', to_tsvector('text_search.cfg_english', 'The quick brown foxes jumped')),
    (2, 'version 1.2 of 42 items', to_tsvector('text_search."Cfg Copied ""Parser"""', 'version 1.2 of 42 items'));
