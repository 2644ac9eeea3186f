#!/usr/bin/env bash
# Starts Heartbeat locally with live demo data, no containers:
#   PostgreSQL + Kafka (deploy/infra.sh), the demo marts (14 days of history, then live events), and the four services.
# Idempotent: what already runs is left alone. Stop everything with deploy/stop.sh.
#   deploy/start.sh [--rebuild]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
STATE="$ROOT/.heartbeat"
LOGS="$STATE/logs"
mkdir -p "$LOGS" "$STATE/pids"
t0=$(date +%s)
log() { printf '[start] %s\n' "$*"; }

deploy/infra.sh start
# shellcheck disable=SC1091
source "$STATE/env"
export HEARTBEAT_DB=heartbeat HEARTBEAT_MARTS_DB=heartbeat_marts HEARTBEAT_METRICS_DIR="$ROOT/db/metrics"
deploy/jwt.sh keys
export HEARTBEAT_JWT_PUBLIC_KEY="file:$STATE/jwt/public.pem"

running() { [ -f "$STATE/pids/$1.pid" ] && kill -0 "$(cat "$STATE/pids/$1.pid")" 2>/dev/null; }

# Demo marts: schema, then 14 days of seasonal history (only what is missing), then live events in the background.
db/marts/migrate.sh heartbeat_marts
db/marts/generate.sh backfill heartbeat_marts --days "${HEARTBEAT_BACKFILL_DAYS:-14}"
if ! running generator; then
  nohup db/marts/generate.sh live heartbeat_marts --every 5 > "$LOGS/generator.log" 2>&1 &
  echo $! > "$STATE/pids/generator.pid"
  log "live demo data generator started (log: $LOGS/generator.log)"
fi

SERVICES=(registry-service:8181 compute-service:8182 alert-service:8183 cockpit-api:8080)
needs_build=false
for s in "${SERVICES[@]}"; do
  jar="${s%%:*}/target/quarkus-app/quarkus-run.jar"
  if [ ! -f "$jar" ] || [ "${1:-}" = "--rebuild" ] || [ -n "$(find "${s%%:*}/src" "${s%%:*}/pom.xml" -newer "$jar" -print -quit)" ]; then
    needs_build=true
  fi
done
if [ "$needs_build" = true ]; then
  log "building the services (mvn package, tests skipped; run deploy/test.sh for the suite)"
  mvn -B -q package -DskipTests -pl registry-service,compute-service,alert-service,cockpit-api
fi

for s in "${SERVICES[@]}"; do
  name=${s%%:*}
  if running "$name"; then
    log "$name already running (pid $(cat "$STATE/pids/$name.pid"))"
    continue
  fi
  nohup java -Xms64m -Xmx256m -XX:+UseSerialGC -jar "$name/target/quarkus-app/quarkus-run.jar" > "$LOGS/$name.log" 2>&1 &
  echo $! > "$STATE/pids/$name.pid"
done

for s in "${SERVICES[@]}"; do
  name=${s%%:*}; port=${s##*:}
  for _ in $(seq 1 240); do
    if curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1; then break; fi
    if ! running "$name"; then
      tail -n 40 "$LOGS/$name.log" >&2
      echo "$name exited during start; log: $LOGS/$name.log" >&2; exit 1
    fi
    sleep 0.5
  done
  curl -fsS "http://127.0.0.1:$port/q/health/ready" >/dev/null || { echo "$name not ready after 120 s; log: $LOGS/$name.log" >&2; exit 1; }
  log "$name ready on http://127.0.0.1:$port (pid $(cat "$STATE/pids/$name.pid"), log: $LOGS/$name.log)"
done

log "everything started in $(( $(date +%s) - t0 )) s"
OPERATOR_TOKEN=$(deploy/jwt.sh token operator "${USER:-operator}")
cat <<TXT

  Heartbeat cockpit:  http://127.0.0.1:8080/
  Tiles API:          http://127.0.0.1:8080/api/tiles
  Registry problems:  http://127.0.0.1:8181/api/registry/problems

  Operator token (12 h; new ones: deploy/jwt.sh token operator <you>):
    $OPERATOR_TOKEN
  Edit a threshold:   curl -X PATCH -H "Authorization: Bearer \$TOKEN" -H 'If-Match: <ETag of GET /api/metrics/{id}>' \\
                        -H 'Content-Type: application/json' -d '{"norm_value": 5, "reason": "..."}' \\
                        http://127.0.0.1:8181/api/metrics/checkout_attempts

  Inject an incident: db/marts/incident.sh heartbeat_marts --stream web_messenger --drop 0.9 --minutes 10
  Stop everything:    deploy/stop.sh
TXT
