#!/usr/bin/env bash
# Local infrastructure for Heartbeat, no containers: PostgreSQL and a single-node KRaft Kafka.
#   deploy/infra.sh start [topic-prefix]   idempotent; reuses a PostgreSQL on 127.0.0.1:5432 and a Kafka already on its port
#   deploy/infra.sh stop                   stops only what this script started (PID files under .heartbeat/)
#   deploy/infra.sh status
# Writes .heartbeat/env (HEARTBEAT_PG_PORT, KAFKA_BOOTSTRAP_SERVERS, ...) for the other scripts to source.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
STATE="$ROOT/.heartbeat"
KAFKA_PORT=${HEARTBEAT_KAFKA_PORT:-19092}
CONTROLLER_PORT=${HEARTBEAT_KAFKA_CONTROLLER_PORT:-19093}
OWN_PG_PORT=${HEARTBEAT_OWN_PG_PORT:-55432}
# The machine's PostgreSQL, used when it answers; point it at a closed port to force a cluster of our own.
SYSTEM_PG_PORT=${HEARTBEAT_SYSTEM_PG_PORT:-5432}
PG_BIN=""
mkdir -p "$STATE"

log() { printf '[infra] %s\n' "$*"; }
now_ms() { date +%s%3N; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Run as the postgres user from /, so a working directory it cannot enter does not trouble it.
as_postgres() { (cd / && runuser -u postgres -- "$@"); }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

find_pg_bin() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
}

install_postgres() {
  log "PostgreSQL server binaries not found: installing with apt-get"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq postgresql postgresql-contrib >/dev/null
  find_pg_bin
}

start_postgres() {
  if command -v pg_isready >/dev/null && pg_isready -q -h 127.0.0.1 -p "$SYSTEM_PG_PORT"; then
    PG_PORT=$SYSTEM_PG_PORT; log "PostgreSQL answers on 127.0.0.1:$PG_PORT: using it"; return
  fi
  find_pg_bin
  [ -n "$PG_BIN" ] || install_postgres
  [ -n "$PG_BIN" ] || { echo "PostgreSQL installation failed: no /usr/lib/postgresql/*/bin" >&2; exit 1; }
  PG_PORT=$OWN_PG_PORT
  local dir
  dir=$(own_pg_dir)
  if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
    log "PostgreSQL (ours) already answers on 127.0.0.1:$PG_PORT"; return
  fi
  local t0; t0=$(now_ms)
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "initdb $dir/data"
    as_postgres "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale \
      >"$STATE/pg-initdb.log" 2>&1 || { cat "$STATE/pg-initdb.log" >&2; echo "initdb failed" >&2; exit 1; }
  fi
  as_postgres "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/pg.log" -w \
    -o "-p $PG_PORT -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
    || { tail -n 20 "$dir/pg.log" >&2; echo "PostgreSQL did not start; log: $dir/pg.log" >&2; exit 1; }
  echo "$dir" > "$STATE/pg.dir"
  touch "$STATE/pg.started-by-heartbeat"
  log "PostgreSQL started on 127.0.0.1:$PG_PORT in $(( $(now_ms) - t0 )) ms (log: $dir/pg.log)"
}

# The cluster runs as the postgres user, which must reach its folder: the project's .heartbeat when every parent
# directory lets it through, otherwise a folder of its own under /var/lib/postgresql, named after the project path.
own_pg_dir() {
  local dir="$STATE/pg"
  mkdir -p "$dir"; chown postgres:postgres "$dir" 2>/dev/null || true
  if as_postgres test -w "$dir" 2>/dev/null; then
    echo "$dir"
  else
    dir="/var/lib/postgresql/heartbeat-$(printf '%s' "$ROOT" | md5sum | cut -c1-12)"
    mkdir -p "$dir"; chown postgres:postgres "$dir"
    echo "$dir"
  fi
}

psql_admin() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -qtAX "$@"; }

create_database() {
  local db=$1
  if [ "$(psql_admin -d postgres -c "select 1 from pg_database where datname='$db'")" != 1 ]; then
    psql_admin -d postgres -c "create database $db" >/dev/null
    log "database $db created"
  fi
}

prepare_databases() {
  create_database heartbeat
  create_database heartbeat_marts
  # One role per service, each owning its schema, and the registry guard (passwords: .heartbeat/secrets/db.env).
  HEARTBEAT_PG_PORT=$PG_PORT "$ROOT/db/roles.sh" heartbeat | sed 's/^/[infra] /'
}

kafka_jars() {
  if [ ! -d "$ROOT/deploy/kafka/lib" ] || [ -z "$(ls "$ROOT/deploy/kafka/lib" 2>/dev/null)" ]; then
    log "resolving Apache Kafka jars through Maven"
    (cd "$ROOT/deploy/kafka" && mvn -q -B dependency:copy-dependencies -DoutputDirectory=lib -DincludeScope=runtime)
  fi
}

start_kafka() {
  local kdir="$STATE/kafka"
  mkdir -p "$kdir"
  kafka_jars
  if port_open "$KAFKA_PORT"; then
    log "Kafka answers on 127.0.0.1:$KAFKA_PORT: using it"; return
  fi
  sed -e "s#@KAFKA_PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$CONTROLLER_PORT#g" -e "s#@DATA_DIR@#$kdir/data#g" \
    "$ROOT/deploy/kafka/server.properties.template" > "$kdir/server.properties"
  local L=(-Dlog4j2.configurationFile="$ROOT/deploy/kafka/log4j2.properties" -cp "$ROOT/deploy/kafka/lib/*")
  if [ ! -f "$kdir/data/meta.properties" ]; then
    [ -f "$kdir/cluster.id" ] || java "${L[@]}" kafka.tools.StorageTool random-uuid > "$kdir/cluster.id"
    java "${L[@]}" kafka.tools.StorageTool format --standalone --ignore-formatted -t "$(cat "$kdir/cluster.id")" \
      -c "$kdir/server.properties" >"$kdir/format.log" 2>&1
  fi
  local t0; t0=$(now_ms)
  : > "$kdir/kafka.log"
  nohup java -Xms128m -Xmx384m -XX:+UseSerialGC "${L[@]}" kafka.Kafka "$kdir/server.properties" >"$kdir/kafka.log" 2>&1 &
  echo $! > "$kdir/kafka.pid"
  for _ in $(seq 1 600); do
    if grep -q "Kafka Server started" "$kdir/kafka.log" 2>/dev/null; then
      log "Kafka started on 127.0.0.1:$KAFKA_PORT in $(( $(now_ms) - t0 )) ms (pid $(cat "$kdir/kafka.pid"), log: $kdir/kafka.log)"
      return
    fi
    kill -0 "$(cat "$kdir/kafka.pid")" 2>/dev/null || { tail -n 30 "$kdir/kafka.log" >&2; echo "Kafka exited; log: $kdir/kafka.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "Kafka did not start within 60 s; log: $kdir/kafka.log" >&2; exit 1
}

create_topics() {
  local prefix=${1:-}
  kafka_jars
  java -cp "$ROOT/deploy/kafka/lib/*" "$ROOT/deploy/kafka/CreateTopics.java" "127.0.0.1:$KAFKA_PORT" "$prefix" 2>&1 \
    | grep -v -e SLF4J -e log4j | sed 's/^/[infra] /'
}

write_env() {
  cat > "$STATE/env" <<ENV
export HEARTBEAT_PG_HOST=127.0.0.1
export HEARTBEAT_PG_PORT=$PG_PORT
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT
ENV
}

stop_pid_file() {
  local file=$1 name=$2
  [ -f "$file" ] || return 0
  local pid; pid=$(cat "$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
    log "$name (pid $pid) stopped"
  fi
  rm -f "$file"
}

case "${1:-start}" in
  start)
    start_postgres
    prepare_databases
    start_kafka
    create_topics "${2:-}"
    write_env
    ;;
  topics)
    create_topics "${2:-}"
    ;;
  stop)
    stop_pid_file "$STATE/kafka/kafka.pid" Kafka
    if [ -f "$STATE/pg.started-by-heartbeat" ]; then
      find_pg_bin
      as_postgres "$PG_BIN/pg_ctl" -D "$(cat "$STATE/pg.dir" 2>/dev/null || echo "$STATE/pg")/data" -m fast -w stop \
        >/dev/null && log "PostgreSQL (ours) stopped"
      rm -f "$STATE/pg.started-by-heartbeat"
    fi
    ;;
  status)
    pg_isready -h 127.0.0.1 -p "$SYSTEM_PG_PORT" || pg_isready -h 127.0.0.1 -p "$OWN_PG_PORT" || true
    port_open "$KAFKA_PORT" && log "Kafka answers on $KAFKA_PORT" || log "Kafka is down"
    ;;
  *) echo "usage: $0 start [topic-prefix] | topics <prefix> | stop | status" >&2; exit 2 ;;
esac
