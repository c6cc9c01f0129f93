-- Table columns: types with typmods, arrays (incl. multi-dimensional), defaults
-- (constants, expressions, function calls, sequences), NOT NULL, column
-- collations, per-column storage/statistics/options, comments.
CREATE SCHEMA tables_columns;

CREATE FUNCTION tables_columns.default_label(n integer) RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT 'label-' || n $$;

CREATE TABLE tables_columns.typmods (
    id integer NOT NULL,
    n numeric(12,3),
    n_prec numeric(5),
    n_plain numeric,
    vc varchar(20),
    ch char(5),
    ch1 character,
    b bit(3),
    vb bit varying(10),
    ts timestamp(3) without time zone,
    tstz timestamp(3) with time zone,
    ts0 timestamp(0),
    iv interval day to second(2),
    iv_ym interval year to month,
    iv_p interval(3),
    t time(0),
    ttz time(2) with time zone,
    f4 real,
    f8 double precision,
    fp float(10),
    d date,
    bo boolean,
    by bytea,
    vc_arr varchar(8)[],
    num_arr numeric(6,2)[],
    int_2d integer[][],
    text_3d text[][][],
    ts_arr timestamp(1)[]
);

CREATE TABLE tables_columns.defaults (
    id bigint NOT NULL DEFAULT 1,
    c_const text DEFAULT 'it''s a "default"',
    c_null text DEFAULT NULL,
    c_expr integer DEFAULT (2 + 3) * 7,
    c_neg numeric DEFAULT -1.5,
    c_func text DEFAULT tables_columns.default_label(42),
    c_builtin text DEFAULT upper(md5('x')),
    c_now timestamp with time zone DEFAULT now(),
    c_stamp timestamp DEFAULT CURRENT_TIMESTAMP(2),
    c_user name DEFAULT CURRENT_USER,
    c_date date DEFAULT CURRENT_DATE,
    c_arr integer[] DEFAULT '{1,2,3}',
    c_arr2 text[] DEFAULT ARRAY['a', 'b"c', NULL],
    c_bool boolean NOT NULL DEFAULT true,
    c_case text DEFAULT CASE WHEN random() > 2 THEN 'never' ELSE 'always' END,
    c_cast varchar(10) DEFAULT 'abc'::character varying,
    c_interval interval DEFAULT '1 day 02:03:04'::interval,
    c_json jsonb DEFAULT '{"k": [1, "two", null]}',
    c_nextval bigint DEFAULT nextval('pg_catalog.pg_class_oid_index'::regclass) -- replaced below
);
-- A default that uses nextval() on a sequence that is not owned by the column.
CREATE SEQUENCE tables_columns.free_seq;
ALTER TABLE tables_columns.defaults ALTER COLUMN c_nextval SET DEFAULT nextval('tables_columns.free_seq');

CREATE TABLE tables_columns.not_nulls (
    a integer NOT NULL,
    b text NOT NULL DEFAULT '',
    c text
);
ALTER TABLE tables_columns.not_nulls ALTER COLUMN c SET NOT NULL;

CREATE TABLE tables_columns.collations (
    id integer,
    c_c text COLLATE "C",
    c_posix varchar(10) COLLATE "POSIX",
    c_default text COLLATE "default",
    c_arr text[] COLLATE "C",
    c_ucs text COLLATE pg_catalog."ucs_basic"
);

-- Column attributes that pg_dump emits as ALTER TABLE ... ALTER COLUMN.
CREATE TABLE tables_columns.attributes (
    id integer,
    big_text text,
    stats_col integer,
    opts_col integer,
    ext_col bytea
);
ALTER TABLE tables_columns.attributes ALTER COLUMN big_text SET STORAGE EXTERNAL;
ALTER TABLE tables_columns.attributes ALTER COLUMN ext_col SET STORAGE MAIN;
ALTER TABLE tables_columns.attributes ALTER COLUMN id SET STORAGE PLAIN;
ALTER TABLE tables_columns.attributes ALTER COLUMN stats_col SET STATISTICS 1000;
ALTER TABLE tables_columns.attributes ALTER COLUMN opts_col SET (n_distinct = -0.5, n_distinct_inherited = 100);

COMMENT ON TABLE tables_columns.typmods IS 'every typmod-carrying type';
COMMENT ON COLUMN tables_columns.typmods.n IS 'numeric(12,3)';
COMMENT ON COLUMN tables_columns.typmods.iv IS E'interval day to second(2)\nsecond line';
COMMENT ON COLUMN tables_columns.defaults.c_const IS '';

INSERT INTO tables_columns.typmods VALUES
  (1, 123456789.123, 12345, 1.5, 'twenty chars max', 'abc', 'x', B'101', B'1100110011',
   '2020-01-02 03:04:05.123', '2020-01-02 03:04:05.123+02', '2020-01-02 03:04:05',
   '1 day 02:03:04.56', '1 year 2 months', '00:00:01.123', '23:59:59', '12:00:00.12+05:30',
   1.5, 2.25, 3.5, '2020-02-29', true, '\x00ff', '{abc,"d,e"}', '{1.25,NULL}',
   '{{1,2},{3,4}}', '{{{a,b},{c,d}},{{e,f},{g,h}}}', '{"2020-01-01 00:00:00.1"}'),
  (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO tables_columns.defaults (id, c_now, c_stamp, c_user, c_date)
  VALUES (1, '2000-01-01 00:00:00+00', '2000-01-01', 'someone', '2000-01-01');
INSERT INTO tables_columns.not_nulls VALUES (1, 'b', 'c');
INSERT INTO tables_columns.collations VALUES (1, 'B', 'a', 'c', '{Z,a}', 'u');
INSERT INTO tables_columns.attributes VALUES (1, repeat('x', 10000), 2, 3, '\xdeadbeef');
