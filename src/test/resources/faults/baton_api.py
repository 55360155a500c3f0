"""Tiny stdlib HTTP client for Baton's API (HTTP Basic)."""
import base64, json, os, tempfile, time, urllib.request, urllib.error

BASE = os.environ.get("BATON_URL", "http://127.0.0.1:8095")
# BATON_URLS="http://a http://b": requests alternate between instances, and go to the next one when one
# does not answer (the two-instance run); otherwise every request goes to BATON_URL
BASES = os.environ.get("BATON_URLS", BASE).split()
_turn = [0]
# where the runs' files live (set by env.sh for the shell scripts)
WORK = os.environ.get("FAULTS_DIR", os.path.join(tempfile.gettempdir(), "baton-faults"))

def work(name):
    """A file of the runs, e.g. work("b1.json")."""
    os.makedirs(WORK, exist_ok=True)
    return os.path.join(WORK, name)

def psql_args():
    """psql's connection to Baton's database (the same PG_* settings as env.sh)."""
    return ["psql", "-h", os.environ.get("PG_HOST", "127.0.0.1"), "-p", os.environ.get("PG_PORT", "5432"),
            "-U", "baton", "-d", os.environ.get("PG_DB", "baton")]
PASSWORDS = {"ada": "demo", "maria": "demo"}

class ApiError(Exception):
    def __init__(self, status, body):
        super().__init__(f"HTTP {status}: {body[:300]}")
        self.status, self.body = status, body

def call(user, method, path, body=None, password=None, timeout=30):
    _turn[0] += 1
    for i in range(len(BASES)):
        base = BASES[(_turn[0] + i) % len(BASES)]
        try:
            return _call(base, user, method, path, body, password, timeout)
        except (urllib.error.URLError, ConnectionError) as e:
            if isinstance(e, urllib.error.HTTPError) or i == len(BASES) - 1:
                raise

def _call(base, user, method, path, body, password, timeout):
    pw = password or PASSWORDS.get(user, "fault-check-1")
    req = urllib.request.Request(base + path, method=method)
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{pw}".encode()).decode())
    req.add_header("Accept", "application/json")
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, data=data, timeout=timeout) as r:
            raw = r.read()
            return json.loads(raw) if raw else None
    except urllib.error.HTTPError as e:
        raise ApiError(e.code, e.read().decode(errors="replace"))
