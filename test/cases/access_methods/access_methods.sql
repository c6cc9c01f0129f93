-- Access methods: table AMs (one with a hostile name) and an index AM, all with
-- pg_catalog handlers; tables using the table AMs (USING needs quoting); an
-- operator family and class for the index AM built from the stock gist point
-- support functions, with STORAGE and an ordering operator (FOR ORDER BY), and an
-- index using it; comments.
CREATE SCHEMA access_methods;

CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler;
CREATE ACCESS METHOD "Heap ""Three""" TYPE TABLE HANDLER heap_tableam_handler;
CREATE ACCESS METHOD gist2 TYPE INDEX HANDLER gisthandler;
COMMENT ON ACCESS METHOD heap2 IS 'heap under another name';
COMMENT ON ACCESS METHOD gist2 IS 'it''s gist';

CREATE TABLE access_methods.on_heap2 (id integer PRIMARY KEY, p point, note text) USING heap2;
CREATE TABLE access_methods."On Heap ""Three""" (id integer, "Note" text) USING "Heap ""Three""";
INSERT INTO access_methods.on_heap2 SELECT g, point(g, g * 2), 'row ' || g FROM generate_series(1, 25) g;
INSERT INTO access_methods."On Heap ""Three""" VALUES (1, 'one'), (2, NULL);

CREATE OPERATOR FAMILY access_methods.point2_ops USING gist2;
CREATE OPERATOR CLASS access_methods.point2_ops DEFAULT FOR TYPE point USING gist2 AS
    OPERATOR 1 << ,
    OPERATOR 5 >> ,
    OPERATOR 6 ~= ,
    OPERATOR 10 <^ ,
    OPERATOR 11 >^ ,
    OPERATOR 15 <-> (point, point) FOR ORDER BY pg_catalog.float_ops,
    OPERATOR 28 <@ (point, box),
    FUNCTION 1 gist_point_consistent(internal, point, smallint, oid, internal),
    FUNCTION 2 gist_box_union(internal, internal),
    FUNCTION 3 gist_point_compress(internal),
    FUNCTION 5 gist_box_penalty(internal, internal, internal),
    FUNCTION 6 gist_box_picksplit(internal, internal),
    FUNCTION 7 gist_box_same(box, box, internal),
    FUNCTION 8 gist_point_distance(internal, point, smallint, oid, internal),
    FUNCTION 9 gist_point_fetch(internal),
    STORAGE box;
COMMENT ON OPERATOR CLASS access_methods.point2_ops USING gist2 IS 'points on gist2';
ALTER OPERATOR CLASS access_methods.point2_ops USING gist2 OWNER TO regress_owner_a;

CREATE INDEX on_heap2_p ON access_methods.on_heap2 USING gist2 (p);
CREATE INDEX on_heap2_p_explicit ON access_methods.on_heap2 USING gist2 (p access_methods.point2_ops);
