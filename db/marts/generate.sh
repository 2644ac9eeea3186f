#!/usr/bin/env bash
# Fills the marts event tables: a one-off backfill up to now, or a live loop that keeps them current.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

usage() {
  cat >&2 <<USAGE
usage: $0 backfill <database> [--days N] [--hours N]   fill from now-N up to now (default 14 days); re-runs add only what is missing
       $0 live <database> [--every SECONDS]            generate up to now every SECONDS (default 5) until SIGTERM
USAGE
  exit 2
}

# One action: advance the generator and print one line; the SQL formats it so the numbers come from one call.
advance() {
  local label=$1 to_sql=$2 start_sql=$3 start line
  start=$(now_ms)
  line=$(pg -d "$db" -At 2>&1 <<SQL
with a as materialized (select * from marts.advance($to_sql, $start_sql)),
per_table as (select event_table, sum(inserted) as n from a group by event_table)
select case when exists (select 1 from a)
  then format('%s..%s %s rows (%s)',
    (select to_char(min(range_from) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') from a),
    (select to_char(max(range_to) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') from a),
    (select sum(n) from per_table),
    (select string_agg(event_table || '=' || n, ' ' order by event_table) from per_table))
  else format('nothing new (generated until %s)',
    (select to_char(generated_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') from marts.generator_state))
end;
SQL
) || { echo "$label $db: failed: $line" >&2; return 1; }
  echo "$label $db: $line in $(elapsed "$start")"
}

backfill() {
  local days='' hours=''
  while [ $# -gt 0 ]; do
    case $1 in
      --days) [ $# -ge 2 ] || die "--days needs a value"; days=$2; shift 2 ;;
      --hours) [ $# -ge 2 ] || die "--hours needs a value"; hours=$2; shift 2 ;;
      *) echo "error: unknown argument '$1' for backfill (allowed: --days N, --hours N)" >&2; usage ;;
    esac
  done
  [ -z "$days" ] || [[ $days =~ ^[0-9]+$ ]] || die "--days must be a whole number of days, got '$days'"
  [ -z "$hours" ] || [[ $hours =~ ^[0-9]+$ ]] || die "--hours must be a whole number of hours, got '$hours'"
  [ -n "$days$hours" ] || days=14
  local total=$(( ${days:-0} * 24 + ${hours:-0} ))
  [ "$total" -gt 0 ] || die "--days/--hours must add up to more than 0 hours"
  local end="date_trunc('minute', now(), 'UTC')" start
  advance backfill "$end" "$end - interval '$total hours'" || exit 1
  # Fresh statistics now rather than at autovacuum's leisure: metric queries are planned against these tables.
  start=$(now_ms)
  pg -d "$db" -c "analyze marts.conversation_part, marts.ai_agent_answer, marts.inbox_interaction, marts.checkout_attempt"
  echo "backfill $db: statistics refreshed in $(elapsed "$start")"
}

live() {
  local every=5
  while [ $# -gt 0 ]; do
    case $1 in
      --every) [ $# -ge 2 ] || die "--every needs a value"; every=$2; shift 2 ;;
      *) echo "error: unknown argument '$1' for live (allowed: --every SECONDS)" >&2; usage ;;
    esac
  done
  [[ $every =~ ^[0-9]+$ ]] && [ "$every" -gt 0 ] || die "--every must be a whole number of seconds > 0, got '$every'"
  local stop=0 sleeper=''
  # A signal during psql waits for it (the tick commits or not at all); during the pause it ends the wait at once.
  trap 'stop=1; [ -z "$sleeper" ] || kill "$sleeper" 2>/dev/null || true' TERM INT
  echo "live $db: generating every ${every}s (stop with SIGTERM)"
  while [ "$stop" -eq 0 ]; do
    # A failed tick (database restarting, say) is retried at the next one: the loop is meant to run for days.
    advance live null null || true
    [ "$stop" -eq 0 ] || break
    sleep "$every" &
    sleeper=$!
    wait "$sleeper" || true
    sleeper=''
  done
  echo "live $db: stopped"
}

[ $# -ge 2 ] || usage
command=$1
require_database "$2" || usage
db=$2
shift 2
case $command in
  backfill) backfill "$@" ;;
  live) live "$@" ;;
  *) echo "error: unknown command '$command' (allowed: backfill, live)" >&2; usage ;;
esac
