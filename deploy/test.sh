#!/usr/bin/env bash
# Runs Heartbeat's complete test suite against real infrastructure:
#   starts PostgreSQL and Kafka (deploy/infra.sh), recreates the test databases, installs the browser the end-to-end
#   test drives, runs `mvn verify` over every module (unit, @QuarkusTest, end-to-end), then the marts self-test.
# Each run uses its own topic prefix, so it never reads a developer's live topics or an earlier run's messages.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
STATE="$ROOT/.heartbeat"
mkdir -p "$STATE"
t0=$(date +%s)

kafka_was_running=false
(exec 3<>/dev/tcp/127.0.0.1/${HEARTBEAT_KAFKA_PORT:-19092}) 2>/dev/null && kafka_was_running=true
export HEARTBEAT_TOPIC_PREFIX="test-$(date +%s)-"
deploy/infra.sh start "$HEARTBEAT_TOPIC_PREFIX"
deploy/infra.sh topics "e2e-${HEARTBEAT_TOPIC_PREFIX}"
# shellcheck disable=SC1091
source "$STATE/env"
cleanup() {
  # Leave the machine as we found it: stop the broker only when this run started it.
  if [ "$kafka_was_running" = false ]; then deploy/infra.sh stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

psql_admin() { psql -h 127.0.0.1 -p "$HEARTBEAT_PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtAX "$@"; }
for db in heartbeat_test heartbeat_marts_test heartbeat_e2e heartbeat_marts_e2e heartbeat_e2e_delivery; do
  psql_admin -d postgres -c "drop database if exists $db with (force)" -c "create database $db" >/dev/null
done
# The services' test databases get the same roles, schemas and guard as a real one: tests log in as the services do.
db/roles.sh heartbeat_test heartbeat_e2e heartbeat_e2e_delivery
# shellcheck disable=SC1091
source "$STATE/secrets/db.env"
db/marts/migrate.sh heartbeat_marts_test
db/marts/migrate.sh heartbeat_marts_e2e
echo "[test] fresh databases ready ($(( $(date +%s) - t0 )) s)"

deploy/browser.sh
deploy/jwt.sh keys

mvn -B verify
db/marts/test.sh

echo "[test] summary:"
for report in */target/surefire-reports/*.txt; do
  grep -h "Tests run:" "$report" | sed "s#^#  $(dirname "$(dirname "$(dirname "$report")")"): #"
done
echo "[test] all tests passed in $(( $(date +%s) - t0 )) s"
