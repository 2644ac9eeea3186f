#!/usr/bin/env bash
# Applies db/marts/schema.sql, then the reader's rights (db/marts/reader.sql), to the given database. Idempotent.
# HEARTBEAT_MARTS_SCHEMAS (comma-separated, default marts): the schemas heartbeat_marts_reader may read.
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
# Functions and their privileges belong to each database: every marts database needs its own reader.sql.
PGOPTIONS='--client-min-messages=warning' pg -d "$db" -v reader_schemas="${HEARTBEAT_MARTS_SCHEMAS:-marts}" \
  -f "$MARTS_DIR/reader.sql" >/dev/null
echo "migrate $db: schema marts and reader rights applied in $(elapsed "$start")"
