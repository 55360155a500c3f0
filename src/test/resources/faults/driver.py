#!/usr/bin/env python3
"""Complete the handover's human steps as the right users through the task API until the handover is
COMPLETED. Tolerates Baton being down. Logs every task seen (first time seen, per account+form) and
every completion to <prefix>-driver.jsonl.  usage: driver.py PREFIX"""
import json, sys, time
from baton_api import call, ApiError, work

prefix = sys.argv[1]
cfg = json.load(open(work(f"{prefix}.json")))
H = cfg["handoverId"]
log = open(work(f"{prefix}-driver.jsonl"), "a", buffering=1)
def ev(kind, **kw):
    kw.update(t=round(time.time(), 3), ev=kind); log.write(json.dumps(kw) + "\n")

VALUES = {
    "handover-note": lambda t: {"relationshipSummary": f"Long relationship, account {t['accountId']}",
        "keyContacts": "The primary contact", "historyHighlights": "Renewed twice",
        "openCommitmentsAndRisks": "See the commitments list", "contactsToReverify": ""},
    "handover-acknowledge": lambda t: {"acknowledgement": "acknowledge"},
    "handover-intro-call": lambda t: {"callSummary": "Call held, customer happy"},
    "handover-answer": lambda t: {"answer": "n/a"},
    "handover-resolve-orphans": lambda t: {"resolution": "driver resolved"},
    "handover-choose-successor": lambda t: {"successorUsername": cfg["heir"]},
}
seen = set()
BATCH = int(sys.argv[2]) if len(sys.argv) > 2 else 15
down_since = None
completed_ids = set()

def mine(user):
    out, page = [], 0
    while True:
        r = call(user, "GET", f"/api/tasks?scope=mine&size=200&page={page}&sort=created")
        out += r["content"]
        page += 1
        if page >= r["totalPages"]:
            return out

ev("start", handover=H)
while True:
    try:
        d = call("maria", "GET", f"/api/handovers/{H}")
        if down_since:
            ev("baton-back", down_s=round(time.time() - down_since, 1)); down_since = None
        status = d["handover"].get("status")
        if status == "COMPLETED":
            ev("handover-completed", items=d["handover"]["accounts"]); break
        worked = 0
        for user in (cfg["leaver"], cfg["heir"], "maria"):
            batch = 0
            for t in mine(user):
                if t.get("subjectType") != "handover" or t.get("subjectId") != H:
                    continue
                batch += 1
                if batch > BATCH:  # interleave users so a crash hits every step in flight
                    break
                key = (t["accountId"], t["formKey"], t["id"])
                if key not in seen:
                    seen.add(key)
                    ev("seen", user=user, task=t["id"], account=t["accountId"], form=t["formKey"],
                       name=t["name"], created=t["createdAt"])
                if t["id"] in completed_ids and t["status"] == "OPEN":
                    ev("reappeared-after-complete", task=t["id"], account=t["accountId"], form=t["formKey"])
                f = VALUES.get(t["formKey"])
                if f is None:
                    ev("unknown-form", task=t["id"], form=t["formKey"]); continue
                try:
                    call(user, "POST", f"/api/tasks/{t['id']}/complete", f(t))
                    completed_ids.add(t["id"]); worked += 1
                    ev("completed", user=user, task=t["id"], account=t["accountId"], form=t["formKey"])
                except ApiError as e:
                    ev("complete-refused", user=user, task=t["id"], account=t["accountId"], form=t["formKey"],
                       status=e.status, body=e.body[:300])
        if worked == 0:
            time.sleep(2)
    except ApiError as e:
        ev("api-error", status=e.status, body=e.body[:300]); time.sleep(2)
    except Exception as e:  # connection refused / reset while Baton is down
        if not down_since:
            down_since = time.time(); ev("baton-down", err=repr(e)[:200])
        time.sleep(1)
ev("end")
