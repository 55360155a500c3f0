#!/usr/bin/env python3
"""Create a departing rep + successor and N accounts owned by the departing rep (each with a primary
contact with an email; a few open commitments), preview, and launch one handover (maria, ONE successor,
LEAVING, effective in 4 days). Prints a JSON line with the ids; writes it to <prefix>.json.
usage: setup_book.py PREFIX N"""
import datetime, json, sys
from baton_api import call, work

prefix, n = sys.argv[1], int(sys.argv[2])
leaver_u, heir_u = f"{prefix}-leaver", f"{prefix}-heir"

# both report to maria, who launches the handover: her id and team from the API, not numbers that
# shift when the demo people change (a demo user added before her made id 2 someone who manages nobody)
maria = call("maria", "GET", "/api/people/me")

def person(u, name):
    return call("ada", "POST", "/api/people", {"username": u, "fullName": name, "email": f"{u}@baton.test",
        "password": "fault-check-1", "roles": ["REP"], "teamId": maria["teamId"], "managerId": maria["id"],
        "timeZone": None})

leaver = person(leaver_u, f"Leaver {prefix}")
heir = person(heir_u, f"Heir {prefix}")
accounts = []
for i in range(n):
    a = call("maria", "POST", "/api/accounts", {"name": f"{prefix} Account {i:03d}", "ownerId": leaver["id"],
        "segment": "SMB", "territory": "DACH"})
    call("maria", "POST", f"/api/accounts/{a['id']}/contacts", {"fullName": f"Contact {prefix} {i:03d}",
        "email": f"contact-{prefix}-{i:03d}@customer.test", "primary": True})
    accounts.append(a["id"])
due = (datetime.date.today() + datetime.timedelta(days=20)).isoformat()
commitments = []
for i in range(0, min(n, 10)):
    c = call("maria", "POST", "/api/commitments", {"accountId": accounts[i * (n // 10)],
        "description": f"Promise {i} to customer", "ownerId": leaver["id"], "dueDate": due})
    commitments.append(c["id"])
pv = call("maria", "GET", f"/api/handovers/preview?person={leaver['id']}")
print(f"preview: accounts={len(pv['accounts'])} openCommitments={len(pv['openCommitments'])} openTasks={pv['openTasks']} staleContacts={len(pv['staleContacts'])}", file=sys.stderr)
eff = (datetime.date.today() + datetime.timedelta(days=4)).isoformat()
h = call("maria", "POST", "/api/handovers", {"departingId": leaver["id"], "reason": "LEAVING", "effectiveDate": eff,
    "plan": {"mode": "ONE", "successorId": heir["id"]}, "introOptOut": []}, timeout=300)
out = {"prefix": prefix, "handoverId": h["handover"]["id"], "leaver": leaver_u, "leaverId": leaver["id"],
       "heir": heir_u, "heirId": heir["id"], "accounts": accounts, "commitments": commitments,
       "launchedItems": h["handover"]["accounts"]}
json.dump(out, open(work(f"{prefix}.json"), "w"))
print(json.dumps({k: v for k, v in out.items() if k != "accounts"}))
