#!/usr/bin/env bash
# Applies db/marts/schema.sql (idempotent) to the given database.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  echo "usage: $0 <database>    e.g. $0 heartbeat_marts" >&2
  exit 2
}

[ $# -eq 1 ] || usage
require_database "$1" || usage
db=$1

start=$(now_ms)
# Notices ("relation already exists, skipping") are expected on every re-run.
PGOPTIONS='--client-min-messages=warning' pg -d "$db" -f "$MARTS_DIR/schema.sql"
echo "migrate $db: schema marts applied in $(elapsed "$start")"
