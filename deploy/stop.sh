#!/usr/bin/env bash
# Stops what deploy/start.sh started (services, generator, then the infrastructure it started), by PID file only.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE="$ROOT/.heartbeat"
for name in cockpit-api alert-service compute-service registry-service generator receiver; do
  file="$STATE/pids/$name.pid"
  [ -f "$file" ] || continue
  pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    echo "[stop] $name (pid $pid) stopped"
  fi
  rm -f "$file"
done
"$ROOT/deploy/infra.sh" stop
