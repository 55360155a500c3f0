#!/bin/bash
# A statement census of the handover benchmark: which SQL statements each side sends per account,
# side by side. Unlike CPU time, the counts do not move with the machine's load. Each side runs once
# (handover.sh with ONLY=<side>, HANDOVERS=1) against a PostgreSQL of your own that loads
# pg_stat_statements, in a database created afresh for it; the statistics are read when the warm-up
# ends (its "timed:" line) and again at the end, so the window holds one handover of N accounts, its
# book's building and its clean-up, the same on both sides.
#
# usage: src/test/resources/bench/statements.sh [ACCOUNTS]          (run from anywhere; default 300)
# needs: a PostgreSQL 13+ started with shared_preload_libraries=pg_stat_statements (and, to see the
#   foreign-key checks too, pg_stat_statements.track=all), a login role baton/baton, and psql.
# settings (environment): ADMIN_URL (a superuser's psql URL, default postgresql://postgres@127.0.0.1:5440/postgres),
#   DB_HOST_PORT (127.0.0.1:5440: where Baton reaches it), DB_NAME (baton_census: dropped and created per side),
#   JAVA_HOME, WARM_UP (50), BENCH_DIR (${TMPDIR:-/tmp}/baton-statements), ENGINE_PORT
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
accounts=${1:-300}
admin=${ADMIN_URL:-postgresql://postgres@127.0.0.1:5440/postgres}
hostport=${DB_HOST_PORT:-127.0.0.1:5440} name=${DB_NAME:-baton_census}
out=${BENCH_DIR:-${TMPDIR:-/tmp}/baton-statements}
mkdir -p "$out"
db_url() { echo "${admin%/*}/$name"; }

snapshot() { # table name
  psql -q "$(db_url)" -c "create table $1 as select queryid, query, calls from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())"
}

for side in baton reference; do
  psql -q "$admin" -c "drop database if exists $name" -c "create database $name owner baton"
  psql -q "$(db_url)" -c "create extension if not exists pg_stat_statements"
  log=$out/$side
  rm -rf "$log"; mkdir -p "$log"
  echo "$(date -u +%T) $side: one handover of $accounts against $hostport/$name; logs in $log"
  BENCH_DIR=$log BENCH_DB="jdbc:postgresql://$hostport/$name" ONLY=$side HANDOVERS=1 WARM_UP=${WARM_UP:-50} \
    "$root/src/test/resources/bench/handover.sh" "$accounts" >"$log/run.txt" 2>&1 &
  pid=$!
  until grep -q '^timed:' "$log/$side-1.log" 2>/dev/null; do
    kill -0 $pid 2>/dev/null || { echo "$side failed: see $log" >&2; exit 1; }
    sleep 0.5
  done
  snapshot before_handover
  wait $pid || { echo "$side failed: see $log" >&2; exit 1; }
  snapshot after_handover
  # calls in the window per statement, one line each: calls <TAB> statement (white space folded)
  psql -At -F $'\t' "$(db_url)" -c "
    select a.calls - coalesce(b.calls, 0), regexp_replace(a.query, '\s+', ' ', 'g')
    from after_handover a left join before_handover b using (queryid)
    where a.calls - coalesce(b.calls, 0) > 0 and a.query not like '%before_handover%'" >"$out/$side.tsv"
  grep -h "^$side " "$log/run.txt" || true
done

# per account, side by side: statements the JVM sends (not BEGIN, not the foreign-key checks
# PostgreSQL runs itself), then by kind and table, the largest differences first
python3 - "$out" "$accounts" <<'EOF'
import collections, re, sys
out, n = sys.argv[1], int(sys.argv[2])
def load(side):
    by = collections.Counter()
    for line in open(f"{out}/{side}.tsv"):
        calls, query = line.rstrip("\n").split("\t", 1)
        if query.startswith("SELECT $2 FROM ONLY") or query.upper().startswith(("BEGIN", "COMMIT", "ROLLBACK")):
            continue  # foreign-key checks; transaction control
        kind = query.split()[0].lower()
        table = re.search(r'\b(?:from|into|update)\s+"?(?:public"?\.)?"?(\w+)', query, re.I)
        by[(kind, table.group(1) if table else "?")] += int(calls)
    return by
b, r = load("baton"), load("reference")
print(f"statements the JVM sends per account: Baton {sum(b.values()) / n:.1f}, reference {sum(r.values()) / n:.1f}"
      f" ({sum(b.values()) / max(sum(r.values()), 1):.2f}x)")
print(f"{'kind':8} {'table':32} {'Baton':>7} {'reference':>9}")
for key in sorted(set(b) | set(r), key=lambda k: -(b[k] - r[k])):
    if (b[key] + r[key]) / n >= 0.05:
        print(f"{key[0]:8} {key[1]:32} {b[key] / n:7.2f} {r[key] / n:9.2f}")
print(f"every statement: {out}/baton.tsv and {out}/reference.tsv (calls, statement)")
EOF
