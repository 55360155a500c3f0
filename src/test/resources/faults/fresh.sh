#!/bin/bash
# Every run starts from an empty database and a fresh engine: this stops the Baton instances these
# scripts started (baton.pid, baton-b.pid), restarts the engine (its state dies with it), empties the
# baton database (Baton's Flyway recreates the schema at start), and starts the SMTP sink unless it
# runs. Then, with "baton", it starts Baton (fault-run.sh needs it up; two-instances.sh starts its own).
# usage: fresh.sh [baton]   |   fresh.sh stop (stops Baton, the engine and the sink, empties nothing)
source "$(dirname "$0")/env.sh"
for name in baton baton-b; do
  p=$FAULTS_DIR/$name.pid
  if [ -f "$p" ] && kill -0 "$(cat "$p")" 2>/dev/null; then
    kill "$(cat "$p")"; echo "$(ts) $name (pid $(cat "$p")) stopping"
    for _ in $(seq 1 60); do kill -0 "$(cat "$p")" 2>/dev/null || break; sleep 1; done
    kill -0 "$(cat "$p")" 2>/dev/null && kill -9 "$(cat "$p")"
  fi
  rm -f "$p"
done
"$faults/run-engine.sh" stop
if [ "${1:-}" = stop ]; then
  p=$FAULTS_DIR/smtp.pid
  [ -f "$p" ] && kill "$(cat "$p")" 2>/dev/null && echo "$(ts) SMTP sink stopped"; rm -f "$p"
  exit 0
fi
# the schema public belongs to the database's owner (baton): dropping it takes every table with it
PGOPTIONS="-c client_min_messages=warning" psq "drop schema public cascade; create schema public" >/dev/null || { echo "cannot empty the database $PG_DB on $PG_HOST:$PG_PORT" >&2; exit 1; }
echo "$(ts) database $PG_DB emptied"
"$faults/run-engine.sh" start || exit 1
{ [ -f "$FAULTS_DIR/smtp.pid" ] && kill -0 "$(cat "$FAULTS_DIR/smtp.pid")" 2>/dev/null; } || "$faults/run-smtp.sh"
[ "${1:-}" = baton ] && exec "$faults/run-baton.sh"
exit 0
