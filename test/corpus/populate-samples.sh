#!/usr/bin/env bash
# Fill the sample-database cache that samples.sh reads, from git snapshots of the
# upstream repositories (bare git dirs, e.g. what the search tool's `fetch` leaves
# in /work/.mirror/OWNER+NAME/repo, or any `git clone --bare`). Nothing here is
# committed to this repository: the cache lives outside the worktree.
#
# Usage: populate-samples.sh [MIRROR_ROOT]     (default /work/.mirror)
# Env:   SAMPLES_CACHE  (default /tmp/pgcorpus/samples)
#
# Layout written: SAMPLES_CACHE/NAME/NN-file.sql (loaded in name order by
# samples.sh) plus SAMPLES_CACHE/NAME/SOURCE (repository, commit, license).
set -euo pipefail
MIRROR=${1:-/work/.mirror}
CACHE=${SAMPLES_CACHE:-/tmp/pgcorpus/samples}
mkdir -p "$CACHE"
log() { echo "[populate] $*" >&2; }

# take NAME OWNER+REPO LICENSE FILE... : copy FILEs (repo paths) as NAME/01-..., 02-...
take() {
  local name=$1 repo=$2 license=$3; shift 3
  local gd=$MIRROR/$repo/repo
  if [[ ! -d $gd ]]; then log "skip $name: no snapshot $gd"; return; fi
  rm -rf "${CACHE:?}/$name"; mkdir -p "$CACHE/$name"
  local i=1 f
  for f in "$@"; do
    if ! git --git-dir="$gd" cat-file -e "HEAD:$f" 2>/dev/null; then log "$name: $f missing from the snapshot (too large?)"; continue; fi
    git --git-dir="$gd" show "HEAD:$f" >"$CACHE/$name/$(printf %02d $i)-$(basename "$f")"
    i=$((i + 1))
  done
  printf 'repo: %s\ncommit: %s\nlicense: %s\nfiles: %s\n' "${repo/+//}" "$(git --git-dir="$gd" rev-parse HEAD)" "$license" "$*" >"$CACHE/$name/SOURCE"
  log "$name: $(ls "$CACHE/$name" | grep -c '\.sql$') files"
}

# pagila: the data files are over the snapshot size limit, so schema only
take pagila devrimgunduz+pagila "PostgreSQL-style permissive (LICENSE.txt)" pagila-schema.sql
take chinook lerocha+chinook-database "MIT (LICENSE.md)" ChinookDatabase/DataSources/Chinook_PostgreSql.sql
take chinook_serial lerocha+chinook-database "MIT (LICENSE.md)" ChinookDatabase/DataSources/Chinook_PostgreSql_SerialPKs.sql
take northwind pthom+northwind_psql "Ms-PL (Microsoft Northwind sample)" northwind.sql
# AdventureWorks: install.sql \copy-s CSVs that are not in the repository; the
# schema (5 schemas, domains, tables, views, comments) still loads
take adventureworks lorint+AdventureWorks-for-Postgres "MIT (LICENSE)" install.sql
# omdb: the schema parts of its import (the CSV import step needs downloads)
take omdb credativ+omdb-postgresql "CC BY 2.0 DE (data), scripts GPL-ish: see debian/copyright" \
  12-kind.sql 13-schema.sql 31-primary-keys.sql 41-foreign-keys.sql 50-views.sql 60-log.sql
# musicbrainz: the server's schema scripts in the order admin/InitDb.pl runs them
# (core + caa/eaa/documentation/json_dump/report/sitemaps/statistics/wikidocs),
# after the schemas it creates first; the scripts expect search_path
# musicbrainz,public (InitDb sets it with PGOPTIONS), samples.sh does the same.
if [[ -d $MIRROR/metabrainz+musicbrainz-server/repo ]]; then
  sub() { local f; for f in "$@"; do echo "admin/sql/$f"; done; }
  take musicbrainz metabrainz+musicbrainz-server "GPL-2.0-or-later (COPYING.md)" \
    $(sub Extensions.sql CreateCollations.sql CreateTypes.sql CreateTables.sql caa/CreateTables.sql eaa/CreateTables.sql \
      documentation/CreateTables.sql json_dump/CreateTables.sql report/CreateTables.sql sitemaps/CreateTables.sql \
      statistics/CreateTables.sql wikidocs/CreateTables.sql CreatePrimaryKeys.sql caa/CreatePrimaryKeys.sql \
      documentation/CreatePrimaryKeys.sql eaa/CreatePrimaryKeys.sql json_dump/CreatePrimaryKeys.sql \
      statistics/CreatePrimaryKeys.sql wikidocs/CreatePrimaryKeys.sql CreateSearchConfiguration.sql \
      CreateFunctions.sql caa/CreateFunctions.sql eaa/CreateFunctions.sql CreateMirrorOnlyFunctions.sql \
      CreateIndexes.sql caa/CreateIndexes.sql eaa/CreateIndexes.sql json_dump/CreateIndexes.sql sitemaps/CreateIndexes.sql \
      statistics/CreateIndexes.sql CreateFKConstraints.sql caa/CreateFKConstraints.sql documentation/CreateFKConstraints.sql \
      eaa/CreateFKConstraints.sql caa/CreateEditFKConstraints.sql eaa/CreateEditFKConstraints.sql sitemaps/CreateFKConstraints.sql \
      CreateConstraints.sql SetSequences.sql statistics/SetSequences.sql CreateViews.sql caa/CreateViews.sql eaa/CreateViews.sql \
      CreateTriggers.sql caa/CreateTriggers.sql eaa/CreateTriggers.sql CreateSearchIndexes.sql)
  # the schemas InitDb.pl creates before the scripts (MusicBrainz::Server::Constants @FULL_SCHEMA_LIST)
  printf 'CREATE SCHEMA %s;\n' musicbrainz cover_art_archive documentation event_art_archive json_dump report \
    sitemaps statistics wikidocs dbmirror2 >"$CACHE/musicbrainz/00-schemas.sql"
  echo "search_path: musicbrainz, public" >>"$CACHE/musicbrainz/SOURCE"
fi
# neondatabase/postgres-sample-dbs: ready-made dumps (pagila here has its data)
take neon_pagila neondatabase+postgres-sample-dbs "MIT (LICENSE); data per README" pagila.sql
take netflix neondatabase+postgres-sample-dbs "MIT (LICENSE); data per README" netflix.sql
take periodic_table neondatabase+postgres-sample-dbs "MIT (LICENSE); data ISC per README" periodic_table.sql
take titanic neondatabase+postgres-sample-dbs "MIT (LICENSE); data CC0 per README" titanic.sql
take happiness_index neondatabase+postgres-sample-dbs "MIT (LICENSE); data CC0 per README" happiness_index.sql
# world (PostgreSQL port of MySQL's world): COPY FROM server-side CSVs, pointed at the cache
take world ghusta+docker-postgres-world-db "no license file; data (c) Statistics Finland" scripts/world.sql
if [[ -d $CACHE/world ]]; then
  for c in city country country_flag country_language; do
    git --git-dir="$MIRROR/ghusta+docker-postgres-world-db/repo" show "HEAD:scripts/${c}_utf8.csv" >"$CACHE/world/${c}_utf8.csv"
  done
  sed -i "s|/docker-entrypoint-initdb.d/|$CACHE/world/|" "$CACHE/world/01-world.sql"
  chmod -R a+rX "$CACHE/world"
fi
# SKalt/pg_inventory sample_dbs: pg_dumpall --schema-only outputs (Apache-2.0) of
# airflow, Django polls, sakila, sportsdb, omnibus (a schema exercising every
# object kind), ...: keep the roles and the section dumped from database "postgres"
PGI=$MIRROR/SKalt+pg_inventory/repo
if [[ -d $PGI ]]; then
  for n in airflow clubdata covid omnibus polls retail_analytics sakila sportsdb; do
    d=$CACHE/pgi_$n; rm -rf "$d"; mkdir -p "$d"
    git --git-dir="$PGI" show "HEAD:sample_dbs/$n.schema.dump.sql" | python3 -c '
import re, sys
d, text = sys.argv[1], sys.stdin.read()
parts = re.split(r"^\\connect (\S+)\n", text, flags=re.M)
head, sections = parts[0], dict(zip(parts[1::2], parts[2::2]))
roles = [l for l in head.splitlines() if re.match(r"(CREATE|ALTER) ROLE (?!postgres\b)|GRANT \S+ TO ", l)]
open(d + "/00-roles.sql", "w").write("\n".join(roles) + "\n")
ts = re.findall(r"^CREATE TABLESPACE (\S+)", head, flags=re.M)
open(d + "/01-schema.sql", "w").write(sections.get("postgres", ""))
open(d + "/SOURCE", "a").write("tablespaces: " + " ".join(ts) + "\n" if ts else "")
' "$d"
    printf 'repo: SKalt/pg_inventory\ncommit: %s\nlicense: Apache-2.0 (LICENSE)\nfiles: sample_dbs/%s.schema.dump.sql (roles + database "postgres")\n' \
      "$(git --git-dir="$PGI" rev-parse HEAD)" "$n" >>"$d/SOURCE"
    log "pgi_$n: $(wc -l <"$d/01-schema.sql") lines"
  done
fi
ls -1 "$CACHE"
