#!/usr/bin/env bash
# Self-test of db/marts on a scratch database (created here, dropped at the end): schema, rates, seasonality,
# incidents, idempotence, live loop, scripts and the reader's rights
# (db/marts/reader.sql). Exits non-zero when any check fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

db=${1:-heartbeat_marts_selftest}
require_database "$db" || die "usage: $0 [scratch_database]  (default heartbeat_marts_selftest)"
# The database is dropped at the end: never point this at a real one.
[[ $db == *_selftest ]] || die "refusing '$db': the scratch database name must end in _selftest"

passed=0
failed=0
work=$(mktemp -d)
live_pid=''

cleanup() {
  [ -z "$live_pid" ] || kill "$live_pid" 2>/dev/null || true
  PGOPTIONS='--client-min-messages=warning' pg -d postgres -c "drop database if exists $db with (force)" || true
  rm -rf "$work"
}
trap cleanup EXIT

report() {
  if [ "$1" = t ]; then
    passed=$((passed + 1)); echo "ok    $2${3:+ ($3)}"
  else
    failed=$((failed + 1)); echo "FAIL  $2${3:+ ($3)}"
  fi
}

# check NAME SQL: SQL returns one row "ok|detail", ok being t or f.
check() {
  local out
  if out=$(pg -d "$db" -At -F '|' -c "$2" 2>&1); then
    report "${out%%|*}" "$1" "${out#*|}"
  else
    report f "$1" "$out"
  fi
}

# reader_fails NAME PATTERN SQL: as heartbeat_marts_reader, SQL must fail with an error matching PATTERN.
reader_fails() {
  local out
  if out=$(psql -h "$PG_HOST" -p "$PG_PORT" -U heartbeat_marts_reader -d "$db" -X -q -v ON_ERROR_STOP=1 -c "$3" 2>&1); then
    report f "$1" "succeeded: $out"
  elif [[ $out =~ $2 ]]; then
    report t "$1" "${BASH_REMATCH[0]}"
  else
    report f "$1" "$out"
  fi
}

# script_fails NAME PATTERN COMMAND...: the command must exit 2 and name the problem.
script_fails() {
  local name=$1 pattern=$2 out rc=0
  shift 2
  out=$("$@" 2>&1) || rc=$?
  if [ "$rc" -eq 2 ] && [[ $out =~ $pattern ]]; then report t "$name" "$pattern"; else report f "$name" "rc=$rc $out"; fi
}

scalar() {
  pg -d "$db" -At -c "$1"
}

# Expected events of one stream in [from, to) from the published model, to compare generated counts with.
expected() {
  echo "(select marts.base_rate('$1') * sum(marts.seasonality(m)) from generate_series($2::timestamptz,
    $3::timestamptz - interval '1 minute', interval '1 minute') m)"
}

within() {
  echo "abs($1 / $2 - 1) <= $3"
}

echo "== schema"
PGOPTIONS='--client-min-messages=warning' pg -d postgres -c "drop database if exists $db with (force)" -c "create database $db"
"$MARTS_DIR/migrate.sh" "$db"
"$MARTS_DIR/migrate.sh" "$db"
check "tables and columns as agreed" "
  select string_agg(table_name || '.' || column_name, ',' order by table_name, ordinal_position) = 'ai_agent_answer.id,ai_agent_answer.created_at,ai_agent_answer.outcome,ai_agent_answer.customer_id,ai_agent_answer.region,ai_agent_answer.platform,checkout_attempt.id,checkout_attempt.created_at,checkout_attempt.customer_id,checkout_attempt.region,checkout_attempt.platform,checkout_attempt.amount_cents,conversation_part.id,conversation_part.created_at,conversation_part.source,conversation_part.customer_id,conversation_part.region,conversation_part.platform,customer.customer_id,customer.name,customer.region,customer.plan,customer.weight,generator_state.id,generator_state.generated_until,generator_state.curve_shift,inbox_interaction.id,inbox_interaction.created_at,inbox_interaction.action,inbox_interaction.customer_id,inbox_interaction.region,inbox_interaction.platform,incident.id,incident.stream,incident.drop_share,incident.starts_at,incident.ends_at,incident.customer_id,incident.region,incident.created_at', count(*)
  from information_schema.columns where table_schema = 'marts'"
check "created_at indexes" "
  select count(*) = 5, string_agg(indexname, ' ') from pg_indexes
  where schemaname = 'marts' and indexdef ~ '\(created_at\)|\(source, created_at\)'"
check "about 20 customers in us, eu, au" "
  select count(*) between 15 and 25 and count(distinct region) = 3, count(*) || ' customers' from marts.customer"

echo "== backfill 2 days"
"$MARTS_DIR/generate.sh" backfill "$db" --days 2
until1=$(scalar "select generated_until from marts.generator_state")
from1=$(scalar "select '$until1'::timestamptz - interval '2 days'")
for t in conversation_part:inbox_teammate conversation_part:web_messenger conversation_part:mobile_messenger \
  ai_agent_answer:ai_agent_answer inbox_interaction:inbox_interaction checkout_attempt:checkout_attempt; do
  table=${t%%:*} stream=${t#*:}
  filter=$([ "$table" = conversation_part ] && echo "source = '$stream'" || echo true)
  check "$stream count matches its seasonal rate" "
    select $(within "count(*)::float8" "$(expected "$stream" "'$from1'" "'$until1'")" 0.04), count(*) || ' rows'
    from marts.$table where $filter and created_at >= '$from1' and created_at < '$until1'"
done
check "nothing outside the backfilled range" "
  select count(*) = 0, count(*) || ' rows outside' from marts.conversation_part
  where created_at < '$from1' or created_at >= '$until1'"
check "each row's region is its customer's" "
  select count(*) = 0, count(*) || ' mismatches' from (
    select customer_id, region from marts.conversation_part union all select customer_id, region from marts.ai_agent_answer
    union all select customer_id, region from marts.inbox_interaction union all select customer_id, region from marts.checkout_attempt
  ) e left join marts.customer c using (customer_id) where c.region is distinct from e.region"
check "platform follows the source" "
  select bool_and(case source when 'web_messenger' then platform = 'web' when 'mobile_messenger' then platform in ('ios', 'android')
    else platform in ('web', 'desktop') end) and count(distinct platform) = 4, string_agg(distinct platform, ' ')
  from marts.conversation_part"
check "about 4% of AI answers fail" "
  select avg((outcome = 'failed')::int) between 0.03 and 0.05, round(100 * avg((outcome = 'failed')::int), 2) || '%'
  from marts.ai_agent_answer"
check "customers skewed: every customer present, the largest near 1/H(20) = 27.8%" "
  select count(*) = (select count(*) from marts.customer) and max(share) between 0.25 and 0.31, round(100 * max(share)::numeric, 1) || '% top'
  from (select count(*)::float8 / sum(count(*)) over () as share from marts.inbox_interaction group by customer_id) s"

echo "== idempotence"
rows1=$(scalar "select count(*) from marts.conversation_part where created_at < '$until1'")
"$MARTS_DIR/generate.sh" backfill "$db" --days 2
check "re-running the backfill duplicates nothing" "
  select count(*) = $rows1, count(*) || ' rows, was $rows1' from marts.conversation_part where created_at < '$until1'"
"$MARTS_DIR/generate.sh" backfill "$db" --days 3
from3=$(scalar "select date_trunc('minute', min(created_at), 'UTC') from marts.conversation_part")
check "a longer backfill leaves generated minutes alone" "
  select count(*) = $rows1, count(*) || ' rows, was $rows1' from marts.conversation_part
  where created_at >= '$from1' and created_at < '$until1'"
check "a longer backfill fills the older day at its seasonal rate" "
  select $(within "count(*)::float8" "$(expected web_messenger "'$from3'" "'$from1'")" 0.05), count(*) || ' rows from $from3'
  from marts.conversation_part where source = 'web_messenger' and created_at < '$from1'"

echo "== live"
until2=$(scalar "select generated_until from marts.generator_state")
rows2=$(scalar "select count(*) from marts.conversation_part")
"$MARTS_DIR/generate.sh" live "$db" --every 1 > "$work/live.log" 2>&1 &
live_pid=$!
deadline=$(( $(date +%s) + 60 ))
until [ "$(scalar "select generated_until > clock_timestamp() - interval '2 s' and generated_until > '$until2'::timestamptz
  + interval '3 s' from marts.generator_state")" = t ] || [ "$(date +%s)" -ge "$deadline" ]; do
  sleep 0.5
done
kill -TERM "$live_pid"
live_rc=0
wait "$live_pid" || live_rc=$?
live_pid=''
cat "$work/live.log"
report "$([ "$live_rc" -eq 0 ] && tail -1 "$work/live.log" | grep -q stopped && echo t || echo f)" \
  "live loop exits cleanly on SIGTERM" "rc=$live_rc"
check "live keeps up with the clock and never writes the future" "
  select g.generated_until > clock_timestamp() - interval '30 s' and (select max(created_at) from marts.conversation_part) <= now(),
    'generated until ' || g.generated_until from marts.generator_state g"
check "live adds only new minutes" "
  select count(*) filter (where created_at < '$until2') = $rows2, count(*) - $rows2 || ' new rows'
  from marts.conversation_part"

echo "== reader rights"
out=$(psql -h "$PG_HOST" -p "$PG_PORT" -U heartbeat_marts_reader -d "$db" -X -At -c "select count(*) from marts.checkout_attempt" 2>&1) \
  && report t "heartbeat_marts_reader can SELECT" "$out rows" || report f "heartbeat_marts_reader can SELECT" "$out"
write="insert into marts.checkout_attempt (created_at, customer_id, region, platform, amount_cents) values (now(), 'globex', 'eu', 'web', 1)"
reader_fails "reader INSERT fails (read-only session)" "read-only transaction" "$write"
reader_fails "reader INSERT fails even read-write" "permission denied for table checkout_attempt" "begin read write; $write"
reader_fails "reader UPDATE fails" "permission denied for table customer" "begin read write; update marts.customer set weight = 1"
reader_fails "reader DELETE fails" "permission denied for table incident" "begin read write; delete from marts.incident"
reader_fails "reader CREATE TABLE in marts fails" "permission denied for schema marts" "begin read write; create table marts.x (i int)"
reader_fails "reader CREATE TABLE in public fails" "permission denied for schema public" "begin read write; create table public.x (i int)"
reader_fails "reader cannot run the generator" "permission denied for function" "select * from marts.advance()"
reader_fails "reader CREATE TEMP TABLE fails even read-write" "permission denied to create temporary tables" \
  "begin read write; create temp table x (i int)"
reader_fails "reader DO block fails" "permission denied for language plpgsql" "begin read write; do \$\$ begin end \$\$"
# db/marts/reader.sql revokes these by name, every overload: each must be refused by the privilege, not by luck.
for call in "pg_advisory_lock(1)" "pg_catalog.pg_try_advisory_xact_lock(1)" "pg_try_advisory_lock_shared(1, 2)" \
  "pg_advisory_unlock_all()" "pg_cancel_backend(pg_backend_pid())" "pg_terminate_backend(pg_backend_pid())" \
  "pg_reload_conf()" "pg_notify('c', 'm')" "lo_creat(-1)" "lo_from_bytea(0, 'x')" "loread(0, 1)" \
  "set_config('work_mem', '1GB', false)" "pg_sleep(0)" "txid_current()" "pg_logical_emit_message(true, 'p', 'm')" \
  "repeat('x', 2)" "lpad('x', 2)" "rpad('x', 2)" "array_fill(0, array[2])" "query_to_xml('select 1', true, true, '')" \
  "pg_read_file('/etc/hostname')"; do
  name=${call%%(*}
  reader_fails "reader cannot call $call" "permission denied for function ${name#pg_catalog.}" "begin read write; select $call"
done
check "reader settings in this database" "
  select s.setconfig @> array['default_transaction_read_only=on', 'statement_timeout=10s', 'lock_timeout=2s',
    'idle_in_transaction_session_timeout=30s', 'temp_file_limit=512MB', 'work_mem=8MB'], array_to_string(s.setconfig, ' ')
  from pg_db_role_setting s join pg_database d on d.oid = s.setdatabase
  where d.datname = current_database() and s.setrole = 'heartbeat_marts_reader'::regrole"
out=$(psql -h "$PG_HOST" -p "$PG_PORT" -U heartbeat_marts_reader -d "$db" -X -At -c "show temp_file_limit" 2>&1)
report "$([ "$out" = 512MB ] && echo t || echo f)" "the reader's sessions get temp_file_limit" "$out"

echo "== incident.sh"
script_fails "rejects an unknown stream" "--stream 'web'.*allowed: inbox_teammate" \
  "$MARTS_DIR/incident.sh" "$db" --stream web --drop 0.5 --minutes 10
script_fails "rejects a share above 1" "--drop '1.5'" "$MARTS_DIR/incident.sh" "$db" --stream web_messenger --drop 1.5 --minutes 10
script_fails "rejects an unknown region" "--region 'mars'.*us, eu, au" \
  "$MARTS_DIR/incident.sh" "$db" --stream web_messenger --drop 0.5 --minutes 10 --region mars
script_fails "rejects an unknown customer" "--customer 'nobody'.*globex" \
  "$MARTS_DIR/incident.sh" "$db" --stream web_messenger --drop 0.5 --minutes 10 --customer nobody
script_fails "generate.sh rejects a bad command" "unknown command 'run'" "$MARTS_DIR/generate.sh" run "$db"
"$MARTS_DIR/incident.sh" "$db" --stream checkout_attempt --drop 0.3 --minutes 10 --customer globex --start-in 60
check "incident.sh stores the incident" "
  select count(*) = 1, count(*) || ' row' from marts.incident where stream = 'checkout_attempt' and drop_share = 0.3
    and customer_id = 'globex' and ends_at - starts_at = interval '10 minutes' and starts_at > now() + interval '59 minutes'"
"$MARTS_DIR/incident.sh" "$db" --list | grep -q scheduled && report t "incident.sh --list shows it" || report f "incident.sh --list shows it"
"$MARTS_DIR/incident.sh" "$db" --clear
check "incident.sh --clear removes scheduled incidents" "select count(*) = 0, count(*) || ' left' from marts.incident"

echo "== model on a fixed week (2024-01-01 Monday to 2024-01-08)"
pg -d "$db" -c "truncate marts.conversation_part, marts.ai_agent_answer, marts.inbox_interaction, marts.checkout_attempt"
start=$(now_ms)
scalar "select sum(inserted) || ' rows' from marts.generate('2024-01-01Z', '2024-01-08Z')"
echo "one week generated in $(elapsed "$start")"
for t in inbox_teammate:25 web_messenger:30 mobile_messenger:15; do
  check "${t%%:*} averages ${t#*:}/min over the week" "
    select abs(count(*) / 10080.0 / ${t#*:} - 1) < 0.03, round(count(*) / 10080.0, 2) || '/min'
    from marts.conversation_part where source = '${t%%:*}'"
done
for t in ai_agent_answer:20 inbox_interaction:40 checkout_attempt:10; do
  check "${t%%:*} averages ${t#*:}/min over the week" "
    select abs(count(*) / 10080.0 / ${t#*:} - 1) < 0.03, round(count(*) / 10080.0, 2) || '/min' from marts.${t%%:*}"
done
check "hour-of-day curve peaks in the afternoon, troughs near 03:00 at about 25% of peak" "
  with h as (select extract(hour from created_at at time zone 'UTC') as hour, count(*) as n from marts.conversation_part group by 1)
  select (select hour from h order by n desc limit 1) between 13 and 16 and (select hour from h order by n limit 1) between 2 and 4
    and min(n)::float8 / max(n) between 0.2 and 0.32,
    format('peak %s:00, trough %s:00, trough/peak %s', (select hour from h order by n desc limit 1),
      (select hour from h order by n limit 1), round(min(n)::numeric / max(n), 2)) from h"
check "weekend days at about 45% of weekdays" "
  with d as (select extract(isodow from created_at at time zone 'UTC') >= 6 as weekend, count(*) as n
    from marts.inbox_interaction group by created_at::date, 1)
  select avg(n) filter (where weekend) / avg(n) filter (where not weekend) between 0.40 and 0.50,
    round(avg(n) filter (where weekend) / avg(n) filter (where not weekend), 3) || ' weekend/weekday' from d"

echo "== incidents (2024-01-10 12:00-14:00, compared with the same hours a day earlier)"
pg -d "$db" -o /dev/null <<'SQL'
insert into marts.incident (stream, drop_share, starts_at, ends_at, customer_id, region) values
  ('web_messenger', 0.5, '2024-01-10 12:00Z', '2024-01-10 14:00Z', null, null),
  ('mobile_messenger', 1, '2024-01-10 12:00Z', '2024-01-10 14:00Z', null, 'eu'),
  ('checkout_attempt', 1, '2024-01-10 12:00Z', '2024-01-10 14:00Z', 'northwind', null),
  ('ai_agent_succeeded', 0.5, '2024-01-10 12:00Z', '2024-01-10 14:00Z', null, null);
select count(*) from marts.generate('2024-01-09 10:00Z', '2024-01-09 16:00Z');
select count(*) from marts.generate('2024-01-10 10:00Z', '2024-01-10 16:00Z');
SQL
ratio() {
  echo "(select count(*) filter (where created_at >= '2024-01-10 12:00Z' and created_at < '2024-01-10 14:00Z' and $2)::float8
    / nullif(count(*) filter (where created_at >= '2024-01-09 12:00Z' and created_at < '2024-01-09 14:00Z' and $2), 0)
    from marts.$1)"
}
check "drop 0.5 on web_messenger halves that window" "
  select $(ratio conversation_part "source = 'web_messenger'") between 0.44 and 0.56,
    round($(ratio conversation_part "source = 'web_messenger'")::numeric, 3) || ' of the day before'"
check "web_messenger outside the window is untouched" "
  select abs(a::float8 / b - 1) < 0.1, round(a::numeric / b, 3) || ' of the day before' from (select
    count(*) filter (where created_at >= '2024-01-10 14:00Z') a, count(*) filter (where created_at >= '2024-01-09 14:00Z'
    and created_at < '2024-01-09 16:00Z') b from marts.conversation_part where source = 'web_messenger') t"
check "other streams are untouched" "
  select abs($(ratio conversation_part "source = 'inbox_teammate'") - 1) < 0.1, round($(ratio conversation_part "source = 'inbox_teammate'")::numeric, 3) || ' inbox_teammate'"
check "a region-scoped incident removes only that region" "
  select $(ratio conversation_part "source = 'mobile_messenger' and region = 'eu'") = 0
    and abs($(ratio conversation_part "source = 'mobile_messenger' and region = 'us'") - 1) < 0.15,
    round($(ratio conversation_part "source = 'mobile_messenger' and region = 'us'")::numeric, 3) || ' us, eu gone'"
check "a customer-scoped incident removes only that customer" "
  select $(ratio checkout_attempt "customer_id = 'northwind'") = 0
    and abs($(ratio checkout_attempt "customer_id <> 'northwind'") - 1) < 0.15,
    round($(ratio checkout_attempt "customer_id <> 'northwind'")::numeric, 3) || ' for the others'"
check "ai_agent_succeeded 0.5 turns half the answers into failures" "
  select $(ratio ai_agent_answer "outcome = 'succeeded'") between 0.44 and 0.56 and abs($(ratio ai_agent_answer true) - 1) < 0.1,
    round($(ratio ai_agent_answer "outcome = 'succeeded'")::numeric, 3) || ' succeeded, total ' || round($(ratio ai_agent_answer true)::numeric, 3)"

echo "== live-sized steps give the backfill rates (2024-01-11 12:00-14:00 in 5 s steps)"
pg -d "$db" -c "do \$\$ begin for i in 0..1439 loop
  perform marts.generate('2024-01-11 12:00Z'::timestamptz + i * interval '5 s', '2024-01-11 12:00Z'::timestamptz + (i + 1) * interval '5 s');
  end loop; end \$\$"
for t in conversation_part:web_messenger checkout_attempt:checkout_attempt; do
  filter=$([ "${t%%:*}" = conversation_part ] && echo "source = 'web_messenger'" || echo true)
  check "${t#*:} from 5 s steps matches its seasonal rate" "
    select $(within "count(*)::float8" "$(expected "${t#*:}" "'2024-01-11 12:00Z'" "'2024-01-11 14:00Z'")" 0.10), count(*) || ' rows'
    from marts.${t%%:*} where $filter and created_at >= '2024-01-11 12:00Z' and created_at < '2024-01-11 14:00Z'"
done

echo "== 14-day backfill timing"
pg -d "$db" -c "truncate marts.conversation_part, marts.ai_agent_answer, marts.inbox_interaction, marts.checkout_attempt" \
  -c "update marts.generator_state set generated_until = null"
start=$(now_ms)
"$MARTS_DIR/generate.sh" backfill "$db" --days 14
seconds=$(( ($(now_ms) - start) / 1000 ))
echo "14-day backfill took $(elapsed "$start")"
report "$([ "$seconds" -lt 60 ] && echo t || echo f)" "14-day backfill under 60 s" "${seconds} s"
check "14 days hold two full weeks at 140 events/min" "
  select abs(n / (140.0 * 20160) - 1) < 0.02, n || ' rows' from (select (select count(*) from marts.conversation_part)
    + (select count(*) from marts.ai_agent_answer) + (select count(*) from marts.inbox_interaction)
    + (select count(*) from marts.checkout_attempt) as n) t"

echo "== $passed passed, $failed failed"
[ "$failed" -eq 0 ]
