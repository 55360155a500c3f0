#!/usr/bin/env python3
"""How long each next task took to appear in the inbox after the driver completed the previous step,
split by whether the wait spanned the crash/outage window. usage: latency.py PREFIX CRASH_EPOCH [RECOVERED_EPOCH]"""
import datetime, json, os, sys, statistics
from baton_api import work
CREATED = os.environ.get('BY', 'created') == 'created'  # task row createdAt, else first seen by the driver
prefix, crash = sys.argv[1], float(sys.argv[2])
rec = float(sys.argv[3]) if len(sys.argv) > 3 else crash
evs = [json.loads(l) for l in open(work(f"{prefix}-driver.jsonl"))]
nxt = {"handover-note": "handover-acknowledge", "handover-acknowledge": "handover-intro-call"}
done = {(e["account"], e["form"]): e["t"] for e in evs if e["ev"] == "completed"}
seen = {}
for e in evs:
    if e["ev"] == "seen":
        c = datetime.datetime.fromisoformat(e["created"].replace("Z", "+00:00")).timestamp()
        seen.setdefault((e["account"], e["form"]), c if CREATED else e["t"])
for span in (False, True):
    lat = []
    for (acc, form), t in done.items():
        if form in nxt and (acc, nxt[form]) in seen:
            s = seen[(acc, nxt[form])]
            if (t <= crash <= s) == span: lat.append((s - t, acc, form))
    if lat:
        v = [x[0] for x in lat]
        print(f"{'spanning the fault' if span else 'not spanning'}: n={len(v)} median={statistics.median(v):.1f}s max={max(v):.1f}s"
              f" worst={sorted(lat)[-3:]}")
odd = [e for e in evs if e["ev"] in ("baton-down", "baton-back", "api-error", "complete-refused")]
for e in odd[:20]: print(e)
last = [e for e in evs if e["ev"] == "completed" and e["t"] < crash][-3:]
print("last completions before the fault:", last)
