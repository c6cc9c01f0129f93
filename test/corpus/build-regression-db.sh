#!/usr/bin/env bash
# Build PostgreSQL's own regression database (the one pg_upgrade's test dumps)
# on an embedded server from node_modules/pgNN, and cache it as a pg_dump -Fc
# archive so later runs restore it instead of replaying the whole schedule.
#
# Usage: build-regression-db.sh [MAJOR]        (MAJOR defaults to 15)
# Env:   CORPUS_DIR   work/cache dir           (default /tmp/pgcorpus)
#        PORT         server port              (default 56100 + MAJOR - 15: 13->56098, 17->56102)
#        REBUILD=1    ignore the cached archive and replay the schedule again
#        DB           database name            (default regression)
#        SRC_MAJOR    whose regression tests to run (default MAJOR; Debian bookworm
#                     only carries postgresql-15 sources, so other majors run 15's
#                     tests: e.g. SRC_MAJOR=15 build-regression-db.sh 17)
#
# Idempotent: reuses a running server, an existing database, the cached dump.
# Prints "PORT=... DATA=... DB=..." at the end.
set -euo pipefail

MAJOR=${1:-15}
SRC_MAJOR=${SRC_MAJOR:-$MAJOR}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS_DIR=${CORPUS_DIR:-/tmp/pgcorpus}
PORT=${PORT:-$((56100 + MAJOR - 15))}
DB=${DB:-regression}
BIN=$ROOT/node_modules/pg$MAJOR/native/bin
PKGLIB=$ROOT/node_modules/pg$MAJOR/native/lib/postgresql
BASE=$CORPUS_DIR/pg$MAJOR
DATA=$BASE/data
SOCK=$BASE
CACHE=$CORPUS_DIR/cache
DUMP=$CACHE/regression-pg$MAJOR.dump
SRCROOT=${SRCROOT:-/tmp/pgsrc}
LIBDIR=$BASE/lib            # PG_LIBDIR: regress.so, autoinc.so, refint.so
BUILDDIR=$BASE/build        # PG_ABS_BUILDDIR: results/ written by COPY TO
LOGDIR=$BASE/logs

mkdir -p "$BASE" "$CACHE" "$LIBDIR" "$BUILDDIR/results" "$LOGDIR"
chown postgres "$LOGDIR"
chmod 777 "$BUILDDIR" "$BUILDDIR/results"
chown postgres "$BASE" 2>/dev/null || true
chmod 755 "$CORPUS_DIR" "$BASE"

log() { echo "[corpus pg$MAJOR] $*" >&2; }

# Real client tools: Debian's postgresql-client (pg_dump 15.18 here). psql from
# any version >= server's is fine for replaying the tests.
PSQL=${PSQL:-psql}
PG_DUMP=${PG_DUMP:-pg_dump}
PG_RESTORE=${PG_RESTORE:-pg_restore}

# ---- 1. source tree --------------------------------------------------------
SRC=$(ls -d "$SRCROOT"/postgresql-"$SRC_MAJOR"-*/ 2>/dev/null | head -1 || true)
if [[ -z "$SRC" ]]; then
  log "fetching postgresql-$SRC_MAJOR source with apt-get source"
  if ! grep -rqs "deb-src" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    cat > /etc/apt/sources.list.d/debian-src.sources <<'SRCS'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb-src
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRCS
    apt-get update -qq
  fi
  command -v dpkg-source >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dpkg-dev
  mkdir -p "$SRCROOT"
  ver=$("$BIN/postgres" --version | awk '{print $3}')
  # prefer the exact minor of the embedded server, else whatever apt has
  (cd "$SRCROOT" && { apt-get source -qq "postgresql-$SRC_MAJOR=$ver-0+deb12u1" 2>/dev/null || apt-get source -qq "postgresql-$SRC_MAJOR"; }) \
    || { log "no postgresql-$SRC_MAJOR source in apt; try SRC_MAJOR=15"; exit 1; }
  SRC=$(ls -d "$SRCROOT"/postgresql-"$SRC_MAJOR"-*/ | head -1)
fi
REG=${SRC%/}/src/test/regress
[[ -f $REG/parallel_schedule ]] || { log "no $REG/parallel_schedule"; exit 1; }
chmod -R a+rX "$SRCROOT"

# ---- 2. regress.so (C test functions) ---------------------------------------
if [[ ! -f $LIBDIR/regress.so && $SRC_MAJOR == "$MAJOR" ]]; then
  INC=/usr/include/postgresql/$MAJOR/server
  if [[ ! -d $INC ]]; then
    ver=$("$BIN/postgres" --version | awk '{print $3}')
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-server-dev-$MAJOR=$ver-0+deb12u1" \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "postgresql-server-dev-$MAJOR" || true
  fi
  if [[ -d $INC ]]; then
    log "compiling regress.so"
    gcc -O2 -fPIC -shared -fno-strict-aliasing -fwrapv -I"$INC" -I"$REG" \
      -o "$LIBDIR/regress.so" "$REG/regress.c" || log "regress.so build failed (C-function tests will fail)"
  else
    log "no server headers for $MAJOR: C-function tests will fail"
  fi
fi
for m in autoinc refint; do
  [[ -e $LIBDIR/$m.so ]] || ln -sf "$PKGLIB/$m.so" "$LIBDIR/$m.so"
done

# ---- 3. server --------------------------------------------------------------
if [[ ! -f $DATA/PG_VERSION ]]; then
  log "initdb $DATA"
  su postgres -c "'$BIN/initdb' -D '$DATA' -U postgres -A trust --no-sync -E UTF8 --locale=C" >"$LOGDIR/initdb.log"
fi
if ! su postgres -c "'$BIN/pg_ctl' -D '$DATA' status" >/dev/null 2>&1; then
  log "starting server on port $PORT"
  su postgres -c "'$BIN/pg_ctl' -D '$DATA' -o \"-p $PORT -k $SOCK -c listen_addresses=127.0.0.1 -c wal_level=logical -c max_prepared_transactions=2 -c fsync=off\" -l '$LOGDIR/server.log' -w start" >/dev/null
fi
export PGHOST=127.0.0.1 PGPORT=$PORT PGUSER=postgres
psql_q() { "$PSQL" -X -q -At -d postgres -c "$1"; }

have_db() { [[ $(psql_q "SELECT 1 FROM pg_database WHERE datname = '$DB'") == 1 ]]; }
create_db() {
  # what pg_regress does before running the tests
  psql_q "CREATE DATABASE \"$DB\" TEMPLATE=template0"
  psql_q "ALTER DATABASE \"$DB\" SET lc_messages TO 'C'; ALTER DATABASE \"$DB\" SET lc_monetary TO 'C';
          ALTER DATABASE \"$DB\" SET lc_numeric TO 'C'; ALTER DATABASE \"$DB\" SET lc_time TO 'C';
          ALTER DATABASE \"$DB\" SET bytea_output TO 'hex'; ALTER DATABASE \"$DB\" SET timezone_abbreviations TO 'Default';"
}

# ---- 4. database -------------------------------------------------------------
if [[ ${REBUILD:-0} == 1 ]] && have_db; then psql_q "DROP DATABASE \"$DB\" WITH (FORCE)"; rm -f "$DUMP"; fi
if have_db; then
  log "database $DB already exists on port $PORT: leaving it"
elif [[ -s $DUMP ]]; then
  log "restoring cached $DUMP"
  # roles are cluster-wide and not in the archive: the tests create them, and a
  # cached restore onto a fresh cluster needs them, so keep a roles script too
  [[ -f $CACHE/regression-pg$MAJOR.roles.sql ]] && "$PSQL" -X -q -d postgres -f "$CACHE/regression-pg$MAJOR.roles.sql" >/dev/null 2>&1 || true
  create_db
  "$PG_RESTORE" -d "$DB" "$DUMP" 2>"$LOGDIR/restore-cache.err" || log "pg_restore reported $(grep -c ERROR "$LOGDIR/restore-cache.err") errors (see $LOGDIR/restore-cache.err)"
else
  log "running the regression schedule (serially) into $DB"
  create_db
  export PG_ABS_SRCDIR=$REG PG_ABS_BUILDDIR=$BUILDDIR PG_LIBDIR=$LIBDIR PG_DLSUFFIX=.so
  export PGTZ=America/Los_Angeles PGDATESTYLE="Postgres, MDY" PGOPTIONS="-c intervalstyle=postgres_verbose"
  export LC_MESSAGES=C PGAPPNAME=pg_regress
  unset PGDATABASE
  : >"$LOGDIR/tests.txt"
  (cd "$REG" && grep -E '^(test|ignore):' parallel_schedule | grep '^test:' | sed 's/^test: *//' | tr ' ' '\n' | grep .) |
  while read -r t; do
    f=$REG/sql/$t.sql
    [[ -f $f ]] || { log "missing $f"; continue; }
    start=$(date +%s)
    (cd "$REG" && timeout 600 "$PSQL" -X -a -q -d "$DB" -f "$f" >"$LOGDIR/$t.out" 2>&1) || true
    errs=$(grep -c 'ERROR:' "$LOGDIR/$t.out" || true)
    echo "$t $(( $(date +%s) - start ))s errors=$errs" >>"$LOGDIR/tests.txt"
  done
  unset PGOPTIONS PGTZ PGDATESTYLE
  log "caching $DUMP"
  "$PG_DUMP" -Fc -d "$DB" -f "$DUMP" || { log "real pg_dump cannot dump this server (older than the server?): no cache"; rm -f "$DUMP"; }
  "${PG_DUMP}all" --roles-only 2>/dev/null | grep -v -E '^(CREATE|ALTER) ROLE postgres( |;)' >"$CACHE/regression-pg$MAJOR.roles.sql" || true
fi

echo "PORT=$PORT DATA=$DATA DB=$DB HOST=127.0.0.1 USER=postgres BIN=$BIN"
