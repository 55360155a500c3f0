#!/bin/bash
# Two Baton instances on one PostgreSQL and one engine: a book of N accounts handed over with the
# driver's requests alternating between them; instance b is killed (-9) once a third of the accounts
# are done and not restarted; instance a finishes alone. Then the exactly-once checks (check.py) and
# how long the accounts whose steps b held waited. Needs the engine, the SMTP sink and an empty
# database as for fault-run.sh; starts both instances itself.
# usage: two-instances.sh PREFIX N
set -u
PREFIX=$1 N=$2
source "$(dirname "$0")/env.sh"
PORT_B=${BATON_PORT_B:-8096}
URL_A=$BATON_URL URL_B=http://127.0.0.1:$PORT_B
"$faults/run-baton.sh" || exit 1
INSTANCE=b BATON_PORT=$PORT_B BATON_URL=$URL_B "$faults/run-baton.sh" || exit 1
echo "$(ts) setup $PREFIX with $N accounts (through a)"
python3 "$faults/setup_book.py" "$PREFIX" "$N" || exit 1
H=$(python3 -c "import json;print(json.load(open('$FAULTS_DIR/$PREFIX.json'))['handoverId'])")
echo "$(ts) handover $H launched; driver alternates between $URL_A and $URL_B"
BATON_URLS="$URL_A $URL_B" python3 "$faults/driver.py" "$PREFIX" > "$FAULTS_DIR/$PREFIX-driver.out" 2>&1 &
DRIVER=$!
while [ "$(psq "select count(*) from handover_item where handover_id=$H and completed_at is not null")" -lt $((N / 3)) ]; do
  sleep 2
done
KILLED=$(date +%s)
echo "$(ts) a third done; kill -9 instance b (pid $(cat "$FAULTS_DIR/baton-b.pid")); a carries on alone"
kill -9 "$(cat "$FAULTS_DIR/baton-b.pid")"
for i in $(seq 1 1800); do kill -0 $DRIVER 2>/dev/null || break; sleep 1; done
if kill -0 $DRIVER 2>/dev/null; then echo "$(ts) driver still running after 30 min; stopping it"; kill $DRIVER; fi
echo "$(ts) driver done, $(( $(date +%s) - KILLED )) s after the kill"
psq "select step, count(*) from handover_item where handover_id=$H group by 1 order by 1"
# the slowest steps after the kill: jobs b had taken wait for their timeout before a gets them
psq "select max(extract(epoch from (t.created_at - to_timestamp($KILLED))))::int as last_new_task_s_after_kill,
            count(*) filter (where t.created_at > to_timestamp($KILLED)) as tasks_after_kill
       from task t where t.subject_type='handover' and t.subject_id=$H"
python3 "$faults/latency.py" "$PREFIX" "$KILLED" || true
python3 "$faults/check.py" "$PREFIX"
