-- Extended statistics on columns: every kind list, defaults, targets, owners, comments,
-- a statistics object in another schema than its table, hostile names.
CREATE SCHEMA statistics;
CREATE SCHEMA "Statistics ""Elsewhere""";

CREATE TABLE statistics.measures (
    id integer PRIMARY KEY,
    a integer,
    b integer,
    "Mixed Col" text,
    "select" date
);
INSERT INTO statistics.measures SELECT g, g % 10, g % 5, (g % 3)::text, date '2024-01-01' + g % 7
  FROM generate_series(1, 50) g;

-- All three kinds: the server prints no kind list.
CREATE STATISTICS statistics.st_all (ndistinct, dependencies, mcv) ON a, b FROM statistics.measures;
CREATE STATISTICS statistics.st_ndistinct (ndistinct) ON a, b, "Mixed Col" FROM statistics.measures;
CREATE STATISTICS statistics."St Deps ""x""" (dependencies) ON b, "select" FROM statistics.measures;
COMMENT ON STATISTICS statistics."St Deps ""x""" IS 'functional dependencies: it''s "quoted"';
CREATE STATISTICS statistics.st_mcv (mcv, ndistinct) ON "Mixed Col", "select" FROM statistics.measures;
ALTER STATISTICS statistics.st_mcv SET STATISTICS 500;
ALTER STATISTICS statistics.st_mcv OWNER TO regress_owner_a;
CREATE STATISTICS statistics.st_zero (dependencies) ON a, "Mixed Col" FROM statistics.measures;
ALTER STATISTICS statistics.st_zero SET STATISTICS 0;
-- Set and reset: back to the default, nothing to dump.
CREATE STATISTICS statistics.st_reset (mcv) ON a, "select" FROM statistics.measures;
ALTER STATISTICS statistics.st_reset SET STATISTICS 42;
ALTER STATISTICS statistics.st_reset SET STATISTICS -1;

-- The statistics object's schema is not its table's.
CREATE STATISTICS "Statistics ""Elsewhere""".st_remote (ndistinct) ON a, b FROM statistics.measures;
COMMENT ON STATISTICS "Statistics ""Elsewhere""".st_remote IS 'lives apart from its table';
ALTER STATISTICS "Statistics ""Elsewhere""".st_remote OWNER TO "regress_Weird Role";

CREATE TABLE "Statistics ""Elsewhere"""."Odd Table" ("Col A" integer, "Col B" integer);
CREATE STATISTICS "Statistics ""Elsewhere"""."St Odd" ON "Col A", "Col B" FROM "Statistics ""Elsewhere"""."Odd Table";

-- On a partitioned table.
CREATE TABLE statistics.parted (k integer, v integer) PARTITION BY RANGE (k);
CREATE TABLE statistics.parted_1 PARTITION OF statistics.parted FOR VALUES FROM (0) TO (100);
CREATE STATISTICS statistics.st_parted (dependencies) ON k, v FROM statistics.parted;
