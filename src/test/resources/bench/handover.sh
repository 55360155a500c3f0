#!/bin/bash
# The handover benchmark (HandoverBenchmark) against the project's separate engine, with a fresh
# engine for each side: the in-memory engine slows as its records pile up, so neither Baton nor the
# reference (the same BPMN, no-op workers) may run on an engine the other has already loaded.
# For each repeat: start an engine, run one side, stop it; start a fresh one, run the other side, stop
# it. Repeats alternate which side goes first. Prints both sides' figures side by side, with the load
# average before and after each side.
#
# usage: src/test/resources/bench/handover.sh [ACCOUNTS [REPEATS]]     (run from anywhere)
# settings (environment): JAVA_HOME (a JDK 21+), ENGINE_PORT (26700), WARM_UP (100 accounts per side),
#   BENCH_DIR (${TMPDIR:-/tmp}/baton-bench: logs), MVN_FLAGS (-o), FIRST (baton|reference: the first
#   repeat's first side, default baton), ONLY (baton|reference: that side alone, e.g. Baton's heap
#   and RSS at a large N), LIMIT_MINUTES (30: how long one side may take), HANDOVERS (1: how many
#   handovers of ACCOUNTS each side runs one after the other; see HandoverBenchmark), BENCH_DB (a
#   JDBC URL: an external PostgreSQL instead of the embedded one, e.g. one with pg_stat_statements to
#   see what each statement costs; BENCH_DB_USER and BENCH_DB_PASSWORD, default baton; the demo data
#   is loaded into it when it has nobody yet, as into the embedded one), MAIL_PORT (26725: the SMTP sink
#   Baton's side sends its mails to, a process of its own, so the benchmark's JVM pays for sending them
#   and not for receiving them; MAIL_PORT=embedded sends them to the embedded server in Baton's JVM)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)   # the project: src/test/resources/bench
[ -n "${JAVA_HOME:-}" ] && export PATH=$JAVA_HOME/bin:$PATH
accounts=${1:-1000} repeats=${2:-1}
port=${ENGINE_PORT:-26700} warm_up=${WARM_UP:-100} first=${FIRST:-baton}
out=${BENCH_DIR:-${TMPDIR:-/tmp}/baton-bench}
mkdir -p "$out"
results=$out/handover-$(date -u +%Y%m%dT%H%M%SZ).txt
engine_pid=

load() { cut -d' ' -f1-3 /proc/loadavg; }

# waits until LOG says READY (exec:java runs the process in Maven's own JVM: PID is the pid a SIGTERM
# stops); gives up when it dies or after 10 minutes (a first compile on a loaded machine takes minutes)
await_ready() {
  local pid=$1 log=$2 ready=$3 what=$4
  for _ in $(seq 1 600); do
    grep -q "$ready" "$log" && return 0
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  echo "$what not ready; see $log" >&2
  return 1
}

start_engine() {
  : >"$out/engine.log"
  (cd "$root" && exec setsid ./mvnw -q ${MVN_FLAGS--o} test-compile exec:java@engine -Dengine.port="$port") \
    >>"$out/engine.log" 2>&1 &
  engine_pid=$!
  await_ready "$engine_pid" "$out/engine.log" "engine: ready" "engine on port $port"
}

# stops the process PID (if any) and waits until it has gone
stop_process() {
  [ -n "$1" ] || return 0
  kill "$1" 2>/dev/null || true
  while kill -0 "$1" 2>/dev/null; do sleep 1; done
}

stop_engine() { stop_process "$engine_pid"; engine_pid=; }

mail_port=${MAIL_PORT:-26725} mail_pid=
start_mail_sink() {
  [ "$mail_port" = embedded ] && return 0
  : >"$out/mail-sink.log"
  (cd "$root" && exec setsid ./mvnw -q ${MVN_FLAGS--o} test-compile exec:java@mail-sink -Dmail.port="$mail_port") \
    >>"$out/mail-sink.log" 2>&1 &
  mail_pid=$!
  await_ready "$mail_pid" "$out/mail-sink.log" "mail sink: ready" "mail sink on port $mail_port"
}
stop_mail_sink() { stop_process "$mail_pid"; mail_pid=; }
trap 'stop_engine; stop_mail_sink' EXIT

db=()
mail=()
[ "$mail_port" = embedded ] || mail=(-Dspring.mail.host=127.0.0.1 -Dspring.mail.port="$mail_port")
if [ -n "${BENCH_DB:-}" ]; then
  db=(-Dspring.datasource.url="$BENCH_DB" -Dspring.datasource.username="${BENCH_DB_USER:-baton}"
      -Dspring.datasource.password="${BENCH_DB_PASSWORD:-baton}" -Dbaton.demo-data.enabled=true)
fi

# one side on a fresh engine; appends "BENCH side=... load_before=... load_after=..." to $results
run_side() {
  local side=$1 log=$out/$1-$2.log
  start_engine
  local before
  before=$(load)
  echo "$(date -u +%T) $side, repeat $2: N=$accounts on a fresh engine at 127.0.0.1:$port (load $before); log $log"
  (cd "$root" && ./mvnw -B ${MVN_FLAGS--o} test -Dspotless.check.skip=true -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbenchmark.excludedGroups= -Dgroups=benchmark -Dtest=HandoverBenchmark \
    -Dbaton.bench.side="$side" -Dbaton.bench.accounts="$accounts" -Dbaton.bench.warm-up="$warm_up" -Dbaton.bench.limit-minutes="${LIMIT_MINUTES:-30}" \
    -Dbaton.bench.handovers="${HANDOVERS:-1}" \
    -Dcamunda.client.mode=self-managed -Dcamunda.client.grpc-address="http://127.0.0.1:$port" \
    -Dcamunda.client.prefer-rest-over-grpc=false ${db[@]+"${db[@]}"} ${mail[@]+"${mail[@]}"}) >"$log" 2>&1 || { echo "$side failed: see $log" >&2; return 1; }
  local line
  line=$(grep -o "^BENCH side=$side .*" "$log" | tail -1)
  echo "$line repeat=$2 load_before=${before// /,} load_after=$(load | tr ' ' ,)" >>"$results"
  stop_engine
}

other() { [ "$1" = baton ] && echo reference || echo baton; }
start_mail_sink
for r in $(seq 1 "$repeats"); do
  if [ -n "${ONLY:-}" ]; then
    run_side "$ONLY" "$r"
    continue
  fi
  a=$first
  [ $((r % 2)) -eq 0 ] && a=$(other "$first")
  run_side "$a" "$r"
  run_side "$(other "$a")" "$r"
done

# side by side: one row per side and repeat, then the ratios of the sums
awk '
  { delete f; for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
    s = f["side"]; wall[s] += f["wall_ms"]; cpu[s] += f["cpu_ms"]; jit[s] += f["jit_ms"]; gc[s] += f["gc_ms"]; alloc[s] += f["alloc_kb"]; runs[s]++
    printf "%-9s #%s  wall %7.1f s  %5.1f accounts/s  p50 %6.1f s  p95 %6.1f s  CPU %5.1f ms/account (JIT compilation %.1f, garbage collection %.1f)  allocated %d KB/account  heap after GC %4d MB (before %d)  RSS %4d MB (before %d)  load %s -> %s\n",
      s, f["repeat"], f["wall_ms"] / 1000, f["accounts"] * 1000 / f["wall_ms"], f["p50_ms"] / 1000, f["p95_ms"] / 1000,
      f["cpu_ms"] / f["accounts"], f["jit_ms"] / f["accounts"], f["gc_ms"] / f["accounts"], f["alloc_kb"] / f["accounts"], f["heap_mb"], f["heap_before_mb"], f["rss_mb"], f["rss_before_mb"], f["load_before"], f["load_after"] }
  END { if (runs["baton"] && runs["reference"])
          printf "Baton / reference (fresh engine per side, %d run(s) each): wall %.2fx, CPU per account %.2fx, without JIT compilation %.2fx, garbage collection per account %.2fx, allocation per account %.2fx\n",
            runs["baton"], wall["baton"] / runs["baton"] / (wall["reference"] / runs["reference"]),
            cpu["baton"] / runs["baton"] / (cpu["reference"] / runs["reference"]),
            (cpu["baton"] - jit["baton"]) / runs["baton"] / ((cpu["reference"] - jit["reference"]) / runs["reference"]),
            (gc["reference"] > 0 ? gc["baton"] / runs["baton"] / (gc["reference"] / runs["reference"]) : 0),
            (alloc["reference"] > 0 ? alloc["baton"] / runs["baton"] / (alloc["reference"] / runs["reference"]) : 0) }
' "$results" | tee "$results.summary"
echo "figures: $results"
