#!/usr/bin/env bash
# Build a "contrib_regression" database: the regression tests of the contrib
# modules the embedded server ships (extensions with member objects, FDWs,
# text-search dictionaries, transforms, custom types/opclasses), all into one
# database on the server that build-regression-db.sh started.
#
# Usage: build-contrib-db.sh [MAJOR]     (run build-regression-db.sh MAJOR first)
# Env:   CORPUS_DIR PORT SRC_MAJOR SRCROOT as in build-regression-db.sh;
#        DB (default contrib_regression); REBUILD=1 drops and rebuilds it.
set -euo pipefail
MAJOR=${1:-15}
SRC_MAJOR=${SRC_MAJOR:-$MAJOR}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS_DIR=${CORPUS_DIR:-/tmp/pgcorpus}
PORT=${PORT:-$((56100 + MAJOR - 15))}
DB=${DB:-contrib_regression}
SRCROOT=${SRCROOT:-/tmp/pgsrc}
BASE=$CORPUS_DIR/pg$MAJOR
LOGDIR=$BASE/logs/contrib; mkdir -p "$LOGDIR"
EXTDIR=$ROOT/node_modules/pg$MAJOR/native/share/postgresql/extension
SRC=$(ls -d "$SRCROOT"/postgresql-"$SRC_MAJOR"-*/ | head -1); SRC=${SRC%/}
export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres
q() { psql -X -q -At -d postgres -c "$1"; }
log() { echo "[contrib pg$MAJOR] $*" >&2; }

if [[ ${REBUILD:-0} == 1 ]]; then q "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)"; fi
if [[ $(q "SELECT 1 FROM pg_database WHERE datname = '$DB'") == 1 ]]; then
  log "$DB exists: leaving it"; echo "PORT=$PORT DB=$DB"; exit 0
fi
q "CREATE DATABASE \"$DB\" TEMPLATE=template0"
for s in "lc_messages TO 'C'" "lc_monetary TO 'C'" "lc_numeric TO 'C'" "lc_time TO 'C'" \
         "bytea_output TO 'hex'" "timezone_abbreviations TO 'Default'"; do q "ALTER DATABASE \"$DB\" SET $s"; done

# modules left out: need shared_preload_libraries or a special setup
# (pg_stat_statements, passwordcheck, auto_explain, basic_archive, test_decoding,
# sepgsql), or only test server internals and leave nothing behind.
SKIP=" pg_stat_statements passwordcheck auto_explain basic_archive test_decoding sepgsql adminpack amcheck pageinspect pg_surgery pg_visibility pg_walinspect pg_freespacemap pgstattuple "
export PGTZ=America/Los_Angeles PGDATESTYLE="Postgres, MDY" PGOPTIONS="-c intervalstyle=postgres_verbose" LC_MESSAGES=C
: >"$LOGDIR/tests.txt"
for mk in "$SRC"/contrib/*/Makefile; do
  dir=$(dirname "$mk"); mod=$(basename "$dir")
  [[ $SKIP == *" $mod "* ]] && continue
  tests=$(sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$mk" | grep -E '^REGRESS\s*[:+]?=' | sed -E 's/^REGRESS\s*[:+]?=\s*//; s/\$\([A-Z_]*\)//g' | tr '\n\t' '  ' || true)
  [[ -n ${tests// } ]] || continue
  ext=$(ls "$dir"/*.control 2>/dev/null | head -1 || true)
  if [[ -n $ext && ! -f $EXTDIR/$(basename "$ext") ]]; then log "skip $mod (not in this server build)"; continue; fi
  export PG_ABS_SRCDIR=$dir PG_ABS_BUILDDIR=$BASE/build PG_LIBDIR=$BASE/lib PG_DLSUFFIX=.so
  for t in $tests; do
    f=$dir/sql/$t.sql; [[ -f $f ]] || continue
    (cd "$dir" && timeout 300 psql -X -a -q -d "$DB" -f "$f" >"$LOGDIR/$mod-$t.out" 2>&1) || true
    echo "$mod/$t errors=$(grep -c 'ERROR:' "$LOGDIR/$mod-$t.out" || true) expected=$(grep -c 'ERROR:' "$dir/expected/$t.out" 2>/dev/null || true)" >>"$LOGDIR/tests.txt"
  done
done
echo "PORT=$PORT DB=$DB"
