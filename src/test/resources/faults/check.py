#!/usr/bin/env python3
"""Check the fault-run invariants for one handover. usage: check.py PREFIX
Reads <prefix>.json (setup), <prefix>-driver.jsonl (driver), PostgreSQL (psql) and smtp.log (SMTP sink)."""
import collections, json, os, re, subprocess, sys
from baton_api import call, psql_args, work

prefix = sys.argv[1]
cfg = json.load(open(work(f"{prefix}.json")))
H, accounts = cfg["handoverId"], cfg["accounts"]
N = len(accounts)
env = dict(os.environ); env.setdefault("PGPASSWORD", "baton")  # env.sh sets it
def q(sql):
    r = subprocess.run([*psql_args(), "-At", "-F", "\t", "-c", sql],
                       capture_output=True, text=True, env=env, check=True)
    return [l.split("\t") for l in r.stdout.splitlines() if l]
ok = True
def report(name, good, detail):
    global ok
    ok &= bool(good)
    print(f"[{'PASS' if good else 'FAIL'}] {name}: {detail}")

acc = ",".join(map(str, accounts))
# 1. handover completes
status = q(f"select status from handover where id={H}")[0][0]
steps = collections.Counter(r[0] for r in q(f"select step from handover_item where handover_id={H}"))
done = q(f"select count(*) from handover_item where handover_id={H} and completed_at is not null")[0][0]
report("handover completed", status == "COMPLETED" and int(done) == N,
       f"status={status}, items={sum(steps.values())}/{N}, completed_at set={done}, steps={dict(steps)}")
# 2. no account changes owner twice
tr = q(f"select entity_id, before_state->>'owner', after_state->>'owner' from audit_event "
       f"where action='account.transferred' and entity_id in ({acc})")
per = collections.Counter(int(r[0]) for r in tr)
twice = {a: c for a, c in per.items() if c > 1}
wrong = [r for r in tr if (r[1], r[2]) != (cfg["leaver"], cfg["heir"])]
report("each account transferred exactly once (audit account.transferred)",
       len(per) == N and not twice and not wrong,
       f"accounts with 1 event={sum(1 for c in per.values() if c == 1)}/{N}, >1={twice}, none={N - len(per)}, not leaver->heir={wrong[:3]}")
ot = q(f"select count(*), count(distinct entity_id) from audit_event where action='handover.ownership-transferred' "
       f"and entity_type='handover_item' and entity_id in (select id from handover_item where handover_id={H})")[0]
report("handover.ownership-transferred once per item", ot[0] == ot[1] == str(N), f"events={ot[0]}, distinct items={ot[1]}")
owners = collections.Counter(r[0] for r in q(f"select p.username from account a join person p on p.id=a.owner_id where a.id in ({acc})"))
report("every account now owned by the successor", owners == {cfg['heir']: N}, dict(owners))
if cfg["commitments"]:
    cm = ",".join(map(str, cfg["commitments"]))
    cr = collections.Counter(int(r[0]) for r in q(f"select entity_id from audit_event where action='commitment.reassigned' and entity_id in ({cm})"))
    report("each open commitment reassigned exactly once", len(cr) == len(cfg["commitments"]) and max(cr.values()) == 1,
           f"{dict(cr)}")
# 3. every task appeared in the inbox (driver saw it) and each step's task completed once
evs = [json.loads(l) for l in open(work(f"{prefix}-driver.jsonl"))]
seen = collections.defaultdict(set); compl = collections.Counter()
for e in evs:
    if e["ev"] == "seen": seen[e["form"]].add(e["account"])
    if e["ev"] == "completed": compl[(e["form"], e["account"])] += 1
for form in ("handover-note", "handover-acknowledge", "handover-intro-call"):
    n = len(seen[form] & set(accounts))
    dup = [k for k, c in compl.items() if k[0] == form and c > 1]
    report(f"every '{form}' task seen in an inbox and completed", n == N and not dup,
           f"seen for {n}/{N} accounts, completed for {sum(1 for k in compl if k[0]==form)}, completed twice: {dup[:5]}")
extra = [e for e in evs if e["ev"] in ("complete-refused", "reappeared-after-complete", "unknown-form")]
print(f"       driver anomalies: {collections.Counter((e['ev'], e.get('status'), e.get('form')) for e in extra)}")
for e in extra[:5]: print("        ", e)
tasks = q(f"select element_id, status, count(*), count(distinct element_instance_key) from task where subject_type='handover' and subject_id={H} group by 1,2 order by 1,2")
print("       task rows (element, status, rows, distinct element instances):", tasks)
dups = q(f"select element_instance_key, count(*) from task where subject_type='handover' and subject_id={H} group by 1 having count(*)>1")
report("no duplicate task rows per element instance", not dups, f"duplicates={dups[:5]}")
openleft = q(f"select count(*) from task where subject_type='handover' and subject_id={H} and status <> 'COMPLETED'")[0][0]
report("no task left open/completing", openleft == "0", f"non-completed task rows={openleft}")
# 4. exactly one intro email per account (first let the outbox dispatcher, every 5 s, drain: up to 60 s)
import time
for _ in range(30):
    if q(f"select count(*) from handover_item i join outbox_message o on o.dedup_key = 'handover-intro:' || i.id "
         f"where i.handover_id={H} and o.status='PENDING'")[0][0] == "0": break
    time.sleep(2)
ob = q(f"select i.account_id, o.status, o.to_address, o.attempts from handover_item i join outbox_message o "
       f"on o.dedup_key = 'handover-intro:' || i.id where i.handover_id={H}")
obs = collections.Counter(r[1] for r in ob); oba = collections.Counter(int(r[0]) for r in ob)
report("outbox: one handover-intro row per account, all SENT", len(oba) == N and max(oba.values(), default=0) == 1 and obs == {"SENT": N},
       f"rows={len(ob)}, accounts={len(oba)}, status={dict(obs)}, attempts>1: {[r for r in ob if int(r[3])>1][:5]}")
# SMTP sink
msgs, cur = [], None
for line in open(work("smtp.log"), errors="replace"):
    if line.startswith("---------- MESSAGE FOLLOWS"): cur = {}
    elif line.startswith("------------ END MESSAGE"): msgs.append(cur); cur = None
    elif cur is not None and "to" not in cur or (cur is not None and "mid" not in cur):
        m = re.match(r"b'(To|Message-ID): (.*)'$", line.strip())
        if m: cur["to" if m.group(1) == "To" else "mid"] = m.group(2)
rx = re.compile(rf"contact-{re.escape(prefix)}-\d+@customer\.test")
intro = [m for m in msgs if rx.search(m.get("to", ""))]
byto = collections.Counter(rx.search(m["to"]).group(0) for m in intro)
bymid = collections.Counter(m.get("mid") for m in intro)
multi = {k: v for k, v in byto.items() if v > 1}
report("SMTP sink: exactly one intro mail per account", len(byto) == N and not multi,
       f"intro mails={len(intro)}, distinct recipients={len(byto)}/{N}, recipients with >1: {multi}, same Message-ID repeated: {[k for k, v in bymid.items() if v > 1]}")
print("ALL PASS" if ok else "SOME CHECKS FAILED")
