#!/usr/bin/env bash
# Round-trip a database through pgdump-ts and compare with the real pg_dump.
#
# Usage: compare.sh PORT DB [OUTDIR]
#   1. build pgdump-ts (tsc; retried, since others may be mid-edit) unless NOBUILD=1
#   2. pgdump-ts DB                         -> OUT/ts.sql
#   3. psql -v ON_ERROR_STOP=1 into DB_rt   (on failure: first error + a full
#      run without ON_ERROR_STOP to count every error)  -> OUT/restore*.log
#   4. real pg_dump --restrict-key=x of DB and DB_rt    -> OUT/orig.sql, OUT/rt.sql, OUT/pgdump.diff
#   5. pgdump-ts of DB_rt (fixpoint)                    -> OUT/ts_rt.sql, OUT/fixpoint.diff
#   BASELINE=1 also round-trips the real pg_dump's own output (DB_base) to show
#   which differences are inherent to a logical dump (OUT/baseline.diff).
# Env: HOST (127.0.0.1) USER (postgres) ROOT (repo) DIST (ROOT/dist) PSQL PG_DUMP
set -uo pipefail

PORT=${1:?usage: compare.sh PORT DB [OUTDIR]}
DB=${2:?usage: compare.sh PORT DB [OUTDIR]}
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
OUT=${3:-/tmp/pgcorpus/compare/$DB-$PORT}
DIST=${DIST:-$ROOT/dist}
PSQL=${PSQL:-psql}
PG_DUMP=${PG_DUMP:-pg_dump}
export PGHOST=${HOST:-127.0.0.1} PGPORT=$PORT PGUSER=${USER_PG:-postgres}
unset PGDATABASE PGOPTIONS
RT=${DB}_rt
mkdir -p "$OUT"
rm -f "$OUT"/*.diff "$OUT"/*.sql "$OUT"/*.txt "$OUT"/*.log "$OUT"/*.err
log() { echo "[compare] $*" >&2; }
q() { "$PSQL" -X -q -At -d postgres -c "$1"; }

# ---- 1. build ---------------------------------------------------------------
if [[ ${NOBUILD:-0} != 1 ]]; then
  for i in 1 2 3 4 5; do
    if (cd "$ROOT" && npx tsc -p tsconfig.json ${DIST:+--outDir "$DIST"}) >"$OUT/build.log" 2>&1; then break; fi
    log "build failed (attempt $i), retrying in 60s: $(head -3 "$OUT/build.log" | tr '\n' ' ')"
    [[ $i == 5 ]] && { log "giving up on build; see $OUT/build.log"; exit 2; }
    sleep 60
  done
fi
CLI=$DIST/src/cli/pgdump.js

# ---- 2. dump with pgdump-ts ----------------------------------------------------
log "pgdump-ts $DB"
start=$(date +%s.%N)
if ! node "$CLI" --restrict-key=x -h "$PGHOST" -p "$PORT" -U "$PGUSER" -f "$OUT/ts.sql" "$DB" 2>"$OUT/ts.err"; then
  log "pgdump-ts FAILED: $(tail -5 "$OUT/ts.err")"; exit 3
fi
log "pgdump-ts took $(echo "$(date +%s.%N) - $start" | bc)s, $(wc -l <"$OUT/ts.sql") lines"

# ---- 3. restore ---------------------------------------------------------------
fresh() { q "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" && q "CREATE DATABASE \"$1\" TEMPLATE template0"; }
fresh "$RT"
if "$PSQL" -X -q -v ON_ERROR_STOP=1 -d "$RT" -f "$OUT/ts.sql" >"$OUT/restore-stop.log" 2>&1; then
  log "restore: OK, no errors"
  : >"$OUT/restore-all.log"
else
  first=$(grep -m1 -E 'ERROR|FATAL' "$OUT/restore-stop.log")
  log "restore stopped: $first"
  fresh "$RT"
  "$PSQL" -X -q -d "$RT" -f "$OUT/ts.sql" >"$OUT/restore-all.log" 2>&1
  log "restore without ON_ERROR_STOP: $(grep -c 'ERROR:' "$OUT/restore-all.log") errors (see $OUT/restore-all.log, $OUT/errors.txt)"
fi
# annotate each error with the object it belongs to (nearest "-- Name: ...; Type: ..." above it)
python3 - "$OUT/ts.sql" "$OUT/restore-all.log" "$OUT/restore-stop.log" >"$OUT/errors.txt" <<'PY'
import re, sys
sql = open(sys.argv[1], encoding='utf-8', errors='replace').read().split('\n')
logf = sys.argv[2] if open(sys.argv[2]).read().strip() else sys.argv[3]
hdr = [None] * (len(sql) + 2); cur = None
for i, l in enumerate(sql, 1):
    if l.startswith('-- Name: ') or l.startswith('-- Data for Name: '): cur = (i, l)
    hdr[i] = cur
lines = open(logf, encoding='utf-8', errors='replace').read().split('\n')
for k, l in enumerate(lines):
    m = re.match(r'psql:[^:]+:(\d+): (ERROR|FATAL):\s+(.*)', l)
    if not m: continue
    n = int(m.group(1)); h = hdr[n] if n < len(hdr) else None
    kind = re.search(r'Type: ([^;]+);', h[1]).group(1) if h else '?'
    ctx = []
    for x in lines[k+1:k+6]:
        if x.startswith('psql:'): break
        if x.startswith(('LINE', 'DETAIL', 'HINT', 'CONTEXT')): ctx.append(x)
    print(f'{n}\t{kind}\t{m.group(3)}\t{h[1] if h else ""}\t' + ' | '.join(ctx))
PY

# ---- 4. compare with the real pg_dump ----------------------------------------
pgd() { "$PG_DUMP" --restrict-key=x -d "$1" -f "$2" 2>>"$OUT/pg_dump.err"; }
if ! pgd "$DB" "$OUT/orig.sql"; then
  log "real pg_dump failed on $DB: $(tail -2 "$OUT/pg_dump.err" | tr '\n' ' ') -- only the fixpoint is compared"
  NOPGDUMP=1
fi
NORM="python3 $(dirname "$0")/normalize.py"
if [[ ${NOPGDUMP:-0} != 1 ]]; then
pgd "$RT" "$OUT/rt.sql"
$NORM "$OUT/orig.sql" "$OUT/orig.norm.sql"; $NORM "$OUT/rt.sql" "$OUT/rt.norm.sql"
diff -u "$OUT/orig.norm.sql" "$OUT/rt.norm.sql" >"$OUT/pgdump.diff"
log "pg_dump(orig) vs pg_dump(restored): $(grep -c '^-[^-]' "$OUT/pgdump.diff") lines only in orig, $(grep -c '^+[^+]' "$OUT/pgdump.diff") only in restored ($OUT/pgdump.diff)"
fi

# ---- 5. fixpoint -------------------------------------------------------------
node "$CLI" --restrict-key=x -h "$PGHOST" -p "$PORT" -U "$PGUSER" -f "$OUT/ts_rt.sql" "$RT" 2>"$OUT/ts_rt.err" || log "pgdump-ts of $RT failed"
$NORM "$OUT/ts.sql" "$OUT/ts.norm.sql"; $NORM "$OUT/ts_rt.sql" "$OUT/ts_rt.norm.sql"
diff -u "$OUT/ts.norm.sql" "$OUT/ts_rt.norm.sql" >"$OUT/fixpoint.diff"
log "fixpoint pgdump-ts(orig) vs pgdump-ts(restored): $(grep -c '^[-+][^-+]' "$OUT/fixpoint.diff") changed lines ($OUT/fixpoint.diff)"

if [[ ${BASELINE:-0} == 1 && ${NOPGDUMP:-0} != 1 ]]; then
  fresh "${DB}_base"
  "$PSQL" -X -q -d "${DB}_base" -f "$OUT/orig.sql" >"$OUT/baseline-restore.log" 2>&1
  pgd "${DB}_base" "$OUT/base.sql"
  $NORM "$OUT/base.sql" "$OUT/base.norm.sql"
  diff -u "$OUT/orig.norm.sql" "$OUT/base.norm.sql" >"$OUT/baseline.diff"
  log "baseline (real pg_dump round trip): $(grep -c 'ERROR:' "$OUT/baseline-restore.log") restore errors, $(grep -c '^[-+][^-+]' "$OUT/baseline.diff") changed lines"
fi
# ---- 6. summaries -------------------------------------------------------------
# kinds.txt: TOC entries per "Type:" in the real pg_dump vs pgdump-ts output;
# pgdump-beyond-baseline.txt: changed lines of pgdump.diff that the real pg_dump's
# own round trip does not also show (inherited column order, row order).
python3 - "$OUT" <<'PY'
import collections, os, re, sys
out = sys.argv[1]
def kinds(f):
    c = collections.Counter()
    if os.path.exists(f):
        for l in open(f, encoding='utf-8', errors='replace'):
            m = re.match(r'-- (?:Data for )?Name: .*; Type: ([^;]+);', l)
            if m: c[m.group(1)] += 1
    return c
a, b = kinds(f'{out}/orig.sql'), kinds(f'{out}/ts.sql')
if not a: a = collections.Counter({k: '-' for k in b})  # no real pg_dump for this server
with open(f'{out}/kinds.txt', 'w') as f:
    for k in sorted(set(a) | set(b)):
        f.write(f'{k:32} pg_dump={a[k]:<6} pgdump-ts={b[k]:<6} {"<<" if a[k] not in (b[k], "-") else ""}\n')
def changed(f):
    if not os.path.exists(f): return collections.Counter()
    return collections.Counter(l for l in open(f, encoding='utf-8', errors='replace')
                               if l[:1] in '+-' and not l.startswith(('+++', '---')))
if os.path.exists(f'{out}/baseline.diff') and os.path.exists(f'{out}/pgdump.diff'):
    extra = changed(f'{out}/pgdump.diff') - changed(f'{out}/baseline.diff')
    with open(f'{out}/pgdump-beyond-baseline.txt', 'w') as f:
        f.writelines(sorted(extra.elements()))
PY
[[ -f $OUT/pgdump-beyond-baseline.txt ]] && log "pg_dump diff beyond the real pg_dump's own round-trip noise: $(wc -l <"$OUT/pgdump-beyond-baseline.txt") lines ($OUT/pgdump-beyond-baseline.txt)"
log "TOC kinds with different counts: $(grep -c '<<' "$OUT/kinds.txt") ($OUT/kinds.txt)"
echo "$OUT"
