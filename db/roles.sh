#!/usr/bin/env bash
# Creates Heartbeat's PostgreSQL roles and, in each services' database given, one schema per service owned by its
# role plus the registry guard (db/roles/*.sql). Idempotent; run as the database administrator.
#   db/roles.sh [database ...]        default: heartbeat
#
# Passwords come from the environment (HEARTBEAT_REGISTRY_DB_PASSWORD, HEARTBEAT_COMPUTE_DB_PASSWORD,
# HEARTBEAT_ALERT_DB_PASSWORD, HEARTBEAT_COCKPIT_DB_PASSWORD, HEARTBEAT_MARTS_PASSWORD). One not set is taken from
# .heartbeat/secrets/db.env, and one not there either is generated and written there (mode 600), which the local
# scripts source. A password equal to its role's name is refused. docs/operations.md says how to rotate them.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECRETS="$ROOT/.heartbeat/secrets/db.env"
# shellcheck disable=SC1091
[ -z "${HEARTBEAT_PG_PORT:-}" ] && [ -f "$ROOT/.heartbeat/env" ] && source "$ROOT/.heartbeat/env"
PG_HOST=${HEARTBEAT_PG_HOST:-127.0.0.1}
PG_PORT=${HEARTBEAT_PG_PORT:-5432}
ADMIN=${HEARTBEAT_PG_ADMIN_USER:-postgres}
databases=("$@")
[ ${#databases[@]} -gt 0 ] || databases=(heartbeat)

mkdir -p "$(dirname "$SECRETS")"; chmod 700 "$(dirname "$SECRETS")"
touch "$SECRETS"; chmod 600 "$SECRETS"

# role:environment variable:psql variable
ROLES=(heartbeat_registry:HEARTBEAT_REGISTRY_DB_PASSWORD:registry_password
       heartbeat_compute:HEARTBEAT_COMPUTE_DB_PASSWORD:compute_password
       heartbeat_alert:HEARTBEAT_ALERT_DB_PASSWORD:alert_password
       heartbeat_cockpit:HEARTBEAT_COCKPIT_DB_PASSWORD:cockpit_password
       heartbeat_marts_reader:HEARTBEAT_MARTS_PASSWORD:marts_reader_password)

stored() { sed -n "s/^export $1=//p" "$SECRETS" | tail -n 1; }

settings=""
for entry in "${ROLES[@]}"; do
  IFS=: read -r role var psqlvar <<<"$entry"
  value=${!var:-}
  [ -n "$value" ] || value=$(stored "$var")
  if [ -z "$value" ]; then
    value=$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)
    printf 'export %s=%s\n' "$var" "$value" >> "$SECRETS"
  fi
  if [ "$value" = "$role" ]; then
    echo "[roles] $var equals the role name $role: choose another password" >&2; exit 1
  fi
  # psql's \set takes the value as one word: keep passwords to characters that need no quoting.
  if [[ ! "$value" =~ ^[A-Za-z0-9._~+/=-]{16,}$ ]]; then
    echo "[roles] $var: expected at least 16 characters of A-Z a-z 0-9 . _ ~ + / = -" >&2; exit 1
  fi
  settings+="\\set $psqlvar $value"$'\n'
done

# Passwords go through stdin, never the command line (visible to every user in the process list).
psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$ADMIN" -v ON_ERROR_STOP=1 -qX "$@"; }
{ printf '%s' "$settings"; cat "$ROOT/db/roles/roles.sql"; } | psql_admin -d postgres >/dev/null
for db in "${databases[@]}"; do
  psql_admin -d "$db" -f "$ROOT/db/roles/database.sql" >/dev/null
done
echo "[roles] roles ready; schemas and registry guard in ${databases[*]}"
