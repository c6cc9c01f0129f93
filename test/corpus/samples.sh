#!/usr/bin/env bash
# Round-trip public sample databases (pagila, chinook, northwind, AdventureWorks,
# omdb, musicbrainz, ...) through pgdump-ts on embedded servers 13..18 and compare
# with the real pg_dump. Fetches nothing: it loads the SQL files that
# populate-samples.sh put in SAMPLES_CACHE (see README.md, "Sample databases").
#
# Usage: samples.sh [MAJOR...]                (default: 15)
# Env:   SAMPLES_CACHE  (default /tmp/pgcorpus/samples)   one dir per sample, NN-*.sql
#        SAMPLES        names to run (default: every dir in the cache)
#        CORPUS_DIR     (default /tmp/pgcorpus); servers in CORPUS_DIR/samples-pgMAJOR,
#                       port 56300 + MAJOR - 15; results in CORPUS_DIR/samples-out/NAME-pgMAJOR
#        NOBUILD=1      skip `npx tsc`; RELOAD=1 drop and reload the sample databases
# Per sample and major: load (psql, no ON_ERROR_STOP: the load error count is the
# sample's own, e.g. missing CSVs), then compare.sh (pgdump-ts dump, restore with
# ON_ERROR_STOP, real pg_dump of original vs copy where pg_dump 15 can connect,
# fixpoint), then the catalog snapshot of original vs copy (catalog-diff.ts) and,
# where pg_dump works, the statement set of pgdump-ts vs pg_dump (stmtset.py).
# Writes a results table to CORPUS_DIR/samples-out/results.md.
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE=$ROOT/test/corpus
CACHE=${SAMPLES_CACHE:-/tmp/pgcorpus/samples}
CORPUS_DIR=${CORPUS_DIR:-/tmp/pgcorpus}
OUTROOT=$CORPUS_DIR/samples-out
MAJORS=${*:-15}
log() { echo "[samples] $*" >&2; }
[[ -d $CACHE ]] || { log "no sample cache $CACHE: run populate-samples.sh first"; exit 2; }
SAMPLES=${SAMPLES:-$(cd "$CACHE" && ls -d */ | tr -d / | tr '\n' ' ')}
mkdir -p "$OUTROOT"; chmod 755 "$CORPUS_DIR"

if [[ ${NOBUILD:-0} != 1 ]]; then (cd "$ROOT" && npx tsc -p tsconfig.json) || { log "build failed"; exit 2; }; fi

start_server() { # MAJOR -> port on stdout
  local m=$1 bin=$ROOT/node_modules/pg$1/native/bin base=$CORPUS_DIR/samples-pg$1 port=$((56300 + $1 - 15))
  mkdir -p "$base"; chown postgres "$base"
  if [[ ! -f $base/data/PG_VERSION ]]; then
    su postgres -c "'$bin/initdb' -D '$base/data' -U postgres -A trust --no-sync -E UTF8 --locale=C" >"$base/initdb.log" 2>&1 || { log "initdb $m failed"; return 1; }
  fi
  if ! su postgres -c "'$bin/pg_ctl' -D '$base/data' status" >/dev/null 2>&1; then
    su postgres -c "'$bin/pg_ctl' -D '$base/data' -o \"-p $port -k '$base' -c listen_addresses=127.0.0.1 -c fsync=off\" -l '$base/server.log' -w start" >/dev/null || { log "server $m failed to start"; return 1; }
  fi
  echo "$port"
}

RESULTS=$OUTROOT/results.md
[[ -f $RESULTS ]] || printf '| database | major | load errors | restore errors | pg_dump diff lines | catalog diff rows | fixpoint lines | statements only in pg_dump / only in pgdump-ts | -Fc → pg_restore / pg_dump -Fd → pgrestore-ts -j2 (rc, pg_dump diff lines) |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n' >"$RESULTS"

for m in $MAJORS; do
  port=$(start_server "$m") || continue
  export PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres
  for s in $SAMPLES; do
    db=$s out=$OUTROOT/$s-pg$m
    mkdir -p "$out"
    sp=$(sed -n 's/^search_path: //p' "$CACHE/$s/SOURCE" 2>/dev/null)
    if [[ ${RELOAD:-0} == 1 ]]; then psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"; fi
    if [[ $(psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'") != 1 ]]; then
      psql -X -q -d postgres -c "CREATE DATABASE \"$db\" TEMPLATE template0"
      for ts in $(sed -n 's/^tablespaces: //p' "$CACHE/$s/SOURCE" 2>/dev/null); do  # cluster-wide, made once
        tdir=$CORPUS_DIR/samples-pg$m/tablespaces/$ts
        [[ -d $tdir ]] || { mkdir -p "$tdir"; chown postgres "$tdir" "$(dirname "$tdir")"; psql -X -q -d postgres -c "CREATE TABLESPACE \"$ts\" LOCATION '$tdir'"; }
      done
      : >"$out/load.out"
      for f in "$CACHE/$s"/[0-9]*.sql; do
        echo "== $f" >>"$out/load.out"
        PGOPTIONS=${sp:+"-c search_path=${sp// /}"} psql -X -q -d "$db" -f "$f" >>"$out/load.out" 2>&1
      done
      log "$s pg$m loaded: $(grep -c 'ERROR:' "$out/load.out") load errors ($out/load.out)"
    fi
    loaderr=$(grep -c "ERROR:" "$out/load.out" 2>/dev/null); loaderr=${loaderr:-?}
    NOBUILD=1 bash "$HERE/compare.sh" "$port" "$db" "$out" >/dev/null 2>"$out/compare.out"
    rerr=0; [[ -s $out/restore-all.log ]] && rerr=$(grep -c 'ERROR:' "$out/restore-all.log")
    pgd='-'; [[ -f $out/pgdump.diff ]] && pgd=$(grep -c '^[-+][^-+]' "$out/pgdump.diff")
    fix=$(grep -c "^[-+][^-+]" "$out/fixpoint.diff" 2>/dev/null); fix=${fix:-?}
    node "$ROOT/dist/test/corpus/catalog-diff.js" "postgresql://postgres@127.0.0.1:$port/$db" "postgresql://postgres@127.0.0.1:$port/${db}_rt" >"$out/catalog.diff" 2>&1
    cat=$(grep -c '^[-+]' "$out/catalog.diff")
    st='-'
    if [[ -s $out/orig.sql ]]; then
      python3 "$HERE/stmtset.py" "$out/orig.sql" "$out/ts.sql" >"$out/stmts.diff"
      st="$(grep -c '^-' "$out/stmts.diff") / $(grep -c '^+' "$out/stmts.diff")"
    fi
    # archives, where the real pg_dump/pg_restore 15 can work with the server: pgdump-ts -Fc
    # restored by pg_restore, and pg_dump -Fd restored by pgrestore-ts -j2, each compared by
    # pg_dump with the original (pgdump.diff's normalisation)
    arc='-'
    if [[ -s $out/orig.sql ]]; then
      arc=""
      for way in fc pr; do
        adb=${db}_$way; rm -rf "$out/pgd.dir"
        psql -X -q -d postgres -c "DROP DATABASE IF EXISTS \"$adb\" WITH (FORCE)" -c "CREATE DATABASE \"$adb\" TEMPLATE template0" 2>/dev/null
        if [[ $way == fc ]]; then
          node "$ROOT/dist/src/cli/pgdump.js" --restrict-key=x -Fc -f "$out/ts.dump" "$db" 2>"$out/$way.err" &&
            pg_restore --exit-on-error -d "$adb" "$out/ts.dump" 2>>"$out/$way.err"
        else
          pg_dump -Fd -j2 -f "$out/pgd.dir" "$db" 2>"$out/$way.err" &&
            node "$ROOT/dist/src/cli/pgrestore.js" -e -j 2 -d "$adb" "$out/pgd.dir" 2>>"$out/$way.err"
        fi
        rc=$?
        pg_dump --restrict-key=x -d "$adb" -f "$out/$way.sql" 2>>"$out/$way.err"
        python3 "$HERE/normalize.py" "$out/$way.sql" "$out/$way.norm.sql"
        diff -u "$out/orig.norm.sql" "$out/$way.norm.sql" >"$out/$way.diff"
        arc+="${arc:+ / }$([[ $rc == 0 ]] && echo ok || echo FAIL) $(grep -c '^[-+][^-+]' "$out/$way.diff")"
      done
      rm -rf "$out/pgd.dir" "$out/ts.dump"
    fi
    log "$s pg$m: load errors $loaderr, restore errors $rerr, pg_dump diff $pgd, catalog diff $cat, fixpoint $fix, statements $st, archives $arc ($out)"
    grep -v "^| $s | $m |" "$RESULTS" >"$RESULTS.tmp"; mv "$RESULTS.tmp" "$RESULTS"
    echo "| $s | $m | $loaderr | $rerr | $pgd | $cat | $fix | $st | $arc |" >>"$RESULTS"
  done
done
cat "$RESULTS"
