-- Transforms, with functions of the user's own declared over built-in C functions that
-- take internal (LANGUAGE internal, nothing compiled): FROM and TO SQL, either alone; for a
-- built-in type and for a user base type; for plpgsql (an extension's language, not
-- dumped) and for a language made here; comments; a function using a transform.
CREATE SCHEMA transforms;

CREATE LANGUAGE pl_transforms HANDLER plpgsql_call_handler INLINE plpgsql_inline_handler VALIDATOR plpgsql_validator;

CREATE FUNCTION transforms.from_sql(internal) RETURNS internal
    LANGUAGE internal IMMUTABLE STRICT AS 'gtsvector_compress';
CREATE FUNCTION transforms."Int To SQL"(internal) RETURNS integer
    LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
CREATE FUNCTION transforms.text_to_sql(internal) RETURNS text
    LANGUAGE internal IMMUTABLE STRICT AS 'textrecv';

CREATE TRANSFORM FOR integer LANGUAGE plpgsql (
    FROM SQL WITH FUNCTION transforms.from_sql(internal),
    TO SQL WITH FUNCTION transforms."Int To SQL"(internal));
CREATE TRANSFORM FOR text LANGUAGE pl_transforms (TO SQL WITH FUNCTION transforms.text_to_sql(internal));
CREATE TRANSFORM FOR integer LANGUAGE pl_transforms (FROM SQL WITH FUNCTION transforms.from_sql(internal));

-- A base type of the user's own (I/O functions over bytea's) with a transform.
CREATE TYPE transforms."Blob";
CREATE FUNCTION transforms.blob_in(cstring) RETURNS transforms."Blob" LANGUAGE internal IMMUTABLE STRICT AS 'byteain';
CREATE FUNCTION transforms.blob_out(transforms."Blob") RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'byteaout';
CREATE TYPE transforms."Blob" (INPUT = transforms.blob_in, OUTPUT = transforms.blob_out, INTERNALLENGTH = variable, STORAGE = extended);
CREATE FUNCTION transforms.blob_to_sql(internal) RETURNS transforms."Blob"
    LANGUAGE internal IMMUTABLE STRICT AS 'bytearecv';
CREATE TRANSFORM FOR transforms."Blob" LANGUAGE pl_transforms (
    FROM SQL WITH FUNCTION transforms.from_sql(internal),
    TO SQL WITH FUNCTION transforms.blob_to_sql(internal));

COMMENT ON TRANSFORM FOR integer LANGUAGE plpgsql IS 'integers for plpgsql';
COMMENT ON TRANSFORM FOR transforms."Blob" LANGUAGE pl_transforms IS 'it''s a blob';

CREATE FUNCTION transforms.uses_transform(x text) RETURNS text
    LANGUAGE pl_transforms TRANSFORM FOR TYPE text
    AS $$ BEGIN RETURN x; END $$;
