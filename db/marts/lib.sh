# Shared by the db/marts scripts (sourced, not run): connection settings, psql wrapper, errors, timing.

MARTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PG_HOST=${HEARTBEAT_PG_HOST:-127.0.0.1}
PG_PORT=${HEARTBEAT_PG_PORT:-5432}

# psql as the owner; -X skips ~/.psqlrc so output stays machine-readable.
pg() {
  psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -X -q "$@"
}

die() {
  echo "error: $*" >&2
  exit 2
}

now_ms() {
  date +%s%3N
}

# Milliseconds since $1 as seconds with one decimal.
elapsed() {
  local ms=$(( $(now_ms) - $1 ))
  printf '%d.%d s' $((ms / 1000)) $((ms % 1000 / 100))
}

require_database() {
  [ -n "${1:-}" ] || return 1
  [[ $1 =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "database name '$1' must be letters, digits and underscores"
}
