# Settings shared by the fault scripts (sourced, not run). Everything can be overridden from the
# environment; the runs' files (logs, pids, <prefix>.json, the Baton jar) live in $FAULTS_DIR.
faults=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$faults/../../../.." && pwd)   # the project's root: src/test/resources/faults
export FAULTS_DIR=${FAULTS_DIR:-${TMPDIR:-/tmp}/baton-faults}
mkdir -p "$FAULTS_DIR"
export ENGINE_PORT=${ENGINE_PORT:-26500} BATON_PORT=${BATON_PORT:-8095} SMTP_PORT=${SMTP_PORT:-2525}
export PG_HOST=${PG_HOST:-127.0.0.1} PG_PORT=${PG_PORT:-5432} PG_DB=${PG_DB:-baton} PGPASSWORD=${PGPASSWORD:-baton}
export BATON_URL=${BATON_URL:-http://127.0.0.1:$BATON_PORT}
BATON_JAR=${BATON_JAR:-$FAULTS_DIR/baton.jar}
ts() { date -u +%FT%TZ; }
psq() { psql -h "$PG_HOST" -p "$PG_PORT" -U baton -d "$PG_DB" -At -c "$1"; }
