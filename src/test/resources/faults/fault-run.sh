#!/bin/bash
# One fault run: set up a book of N accounts, launch the handover, drive it, hit MODE once a third of
# the accounts are done (baton: kill -9 and restart Baton; engine: a 10 s engine outage, SIGSTOP then
# SIGCONT; smtp: the SMTP server gone for 60 s, connections refused; OUTAGE=seconds to change either),
# recover, wait for completion, check.
# usage: [KILL_AT=items|notes] fault-run.sh baton|engine|smtp PREFIX N
# SKIP_SETUP=1: reuse an existing <PREFIX>.json (handover already launched).
# KILL_AT=items (default): crash when N/3 accounts are DONE; notes: when N/3 notes are completed.
set -u
MODE=$1 PREFIX=$2 N=$3
source "$(dirname "$0")/env.sh"
case "$MODE" in baton|engine|smtp) ;; *) echo "MODE is baton, engine or smtp, not $MODE" >&2; exit 2 ;; esac
echo "$(ts) setup $PREFIX with $N accounts"
[ -n "${SKIP_SETUP:-}" ] || python3 "$faults/setup_book.py" "$PREFIX" "$N" || exit 1
H=$(python3 -c "import json;print(json.load(open('$FAULTS_DIR/$PREFIX.json'))['handoverId'])")
echo "$(ts) handover $H launched; starting driver"
python3 "$faults/driver.py" "$PREFIX" > "$FAULTS_DIR/$PREFIX-driver.out" 2>&1 &
DRIVER=$!
while :; do
  if [ "${KILL_AT:-items}" = notes ]; then  # crash while notes are being written (transfers, new tasks in flight)
    d=$(psq "select count(*) from task where subject_type='handover' and subject_id=$H and element_id='task_write_handover_note' and status<>'OPEN'")
  else
    d=$(psq "select count(*) from handover_item where handover_id=$H and completed_at is not null")
  fi
  [ "$d" -ge $((N / 3)) ] && break
  sleep 2
done
echo "$(ts) $d/$N ${KILL_AT:-items} done; state before crash:"
psq "select step, count(*) from handover_item where handover_id=$H group by 1 order by 1"
psq "select element_id, status, count(*) from task where subject_type='handover' and subject_id=$H group by 1,2 order by 1,2"
if [ "$MODE" = baton ]; then
  P=$(cat "$FAULTS_DIR/baton.pid"); echo "$(ts) kill -9 baton pid $P"; kill -9 "$P"
  sleep 5
  echo "$(ts) restarting baton"; "$faults/run-baton.sh"
elif [ "$MODE" = engine ]; then
  "$faults/run-engine.sh" pause
  sleep "${OUTAGE:-10}"
  "$faults/run-engine.sh" resume
else
  # intro mails are going out now: each refused one waits its back-off (30 s, doubling) and goes again
  P=$(cat "$FAULTS_DIR/smtp.pid"); echo "$(ts) SMTP server (pid $P) stopped: connections refused"; kill "$P"
  sleep "${OUTAGE:-60}"
  echo "$(ts) SMTP server back"; "$faults/run-smtp.sh"
fi
echo "$(ts) recovered; waiting for the driver (max 20 min)"
for i in $(seq 1 1200); do kill -0 $DRIVER 2>/dev/null || break; sleep 1; done
if kill -0 $DRIVER 2>/dev/null; then echo "$(ts) driver still running after 20 min; stopping it"; kill $DRIVER; fi
echo "$(ts) driver done"
psq "select step, count(*) from handover_item where handover_id=$H group by 1 order by 1"
python3 "$faults/check.py" "$PREFIX"
