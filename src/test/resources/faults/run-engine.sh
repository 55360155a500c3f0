#!/bin/bash
# The in-memory engine as a process of its own on 127.0.0.1:$ENGINE_PORT, started with the project's
# own command (README, "Separate engine"). Its state dies with it (record log in memory, RocksDB state
# in a temporary directory removed at stop): killing it loses every process instance, so the engine's
# fault here is an outage (pause = SIGSTOP, resume = SIGCONT).
# usage: run-engine.sh start|stop|pause|resume|status
source "$(dirname "$0")/env.sh"
pidfile=$FAULTS_DIR/engine.pid
running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }
case "${1:-}" in
  start)
    running && { echo "engine already running (pid $(cat "$pidfile"))"; exit 0; }
    : >"$FAULTS_DIR/engine.log"
    # exec:java runs the engine in Maven's own JVM: $! is the pid that the signals below reach
    cd "$root"
    setsid ./mvnw -q test-compile exec:java@engine -Dengine.port="$ENGINE_PORT" >>"$FAULTS_DIR/engine.log" 2>&1 &
    echo $! >"$pidfile"
    for _ in $(seq 1 180); do
      grep -q "engine: ready" "$FAULTS_DIR/engine.log" && { echo "$(ts) engine ready on 127.0.0.1:$ENGINE_PORT (pid $(cat "$pidfile"))"; exit 0; }
      running || break
      sleep 1
    done
    echo "engine not ready; see $FAULTS_DIR/engine.log" >&2; exit 1 ;;
  stop) running && kill "$(cat "$pidfile")"; rm -f "$pidfile"; echo "$(ts) engine stopped" ;;
  pause) running && kill -STOP "$(cat "$pidfile")" && echo "$(ts) engine paused" ;;
  resume) running && kill -CONT "$(cat "$pidfile")" && echo "$(ts) engine resumed" ;;
  status) if running; then echo "running (pid $(cat "$pidfile"))"; else echo "stopped"; exit 3; fi ;;
  *) sed -n '2,5p' "$0"; exit 2 ;;
esac
