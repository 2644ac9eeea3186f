#!/usr/bin/env bash
# Injects, lists and clears outages in the marts generator (rows of marts.incident).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STREAMS="inbox_teammate web_messenger mobile_messenger ai_agent_succeeded ai_agent_failed inbox_interaction checkout_attempt"
REGIONS="us eu au"

usage() {
  cat >&2 <<USAGE
usage: $0 <database> --stream STREAM --drop SHARE --minutes N [--customer ID] [--region REGION] [--start-in MINUTES]
       $0 <database> --list     incidents, newest first, with their state
       $0 <database> --clear    end active incidents now and remove scheduled ones
  STREAM:  ${STREAMS// /, }
  SHARE:   share of events removed, 0 < SHARE <= 1 (ai_agent_succeeded: share of answers turned into failures)
  REGION:  ${REGIONS// /, }
USAGE
  exit 2
}

one_of() {
  local value=$1 word
  for word in $2; do
    [ "$value" = "$word" ] && return 0
  done
  return 1
}

add() {
  local stream='' drop='' minutes='' customer='' region='' start_in=0
  while [ $# -gt 0 ]; do
    [ $# -ge 2 ] || die "$1 needs a value"
    case $1 in
      --stream) stream=$2 ;;
      --drop) drop=$2 ;;
      --minutes) minutes=$2 ;;
      --customer) customer=$2 ;;
      --region) region=$2 ;;
      --start-in) start_in=$2 ;;
      *) die "unknown argument '$1' (allowed: --stream, --drop, --minutes, --customer, --region, --start-in, --list, --clear)" ;;
    esac
    shift 2
  done
  [ -n "$stream" ] || die "--stream is required (one of: ${STREAMS// /, })"
  one_of "$stream" "$STREAMS" || die "--stream '$stream' is not a stream (allowed: ${STREAMS// /, })"
  [ -n "$drop" ] || die "--drop is required (a share, 0 < SHARE <= 1, e.g. 0.5)"
  [[ $drop =~ ^(0?\.[0-9]+|0|1|1\.0*)$ ]] && [[ ! $drop =~ ^0?\.?0*$ ]] \
    || die "--drop '$drop' must be a share with 0 < SHARE <= 1, e.g. 0.5"
  [ -n "$minutes" ] || die "--minutes is required (whole minutes > 0)"
  [[ $minutes =~ ^[0-9]+$ ]] && [ "$minutes" -gt 0 ] || die "--minutes '$minutes' must be whole minutes > 0"
  [[ $start_in =~ ^[0-9]+$ ]] || die "--start-in '$start_in' must be whole minutes >= 0"
  [ -z "$region" ] || one_of "$region" "$REGIONS" || die "--region '$region' is not a region (allowed: ${REGIONS// /, })"
  if [ -n "$customer" ]; then
    local known
    known=$(pg -d "$db" -At -v id="$customer" <<'SQL'
select coalesce((select region from marts.customer where customer_id = :'id'),
  '?' || (select string_agg(customer_id, ', ' order by customer_id) from marts.customer));
SQL
)
    [[ $known != \?* ]] || die "--customer '$customer' is not in marts.customer (allowed: ${known#\?})"
    [ -z "$region" ] || [ "$region" = "$known" ] \
      || die "--customer '$customer' is in region $known, so --region '$region' would match nothing"
  fi

  pg -d "$db" -At -v stream="$stream" -v drop="$drop" -v minutes="$minutes" -v start_in="$start_in" \
    -v customer="$customer" -v region="$region" <<'SQL'
with s as (select now() + :'start_in'::int * interval '1 minute' as starts_at),
i as (
  insert into marts.incident (stream, drop_share, starts_at, ends_at, customer_id, region)
  select :'stream', :'drop'::numeric, s.starts_at, s.starts_at + :'minutes'::int * interval '1 minute',
    nullif(:'customer', ''), nullif(:'region', '')
  from s
  returning *
)
select format('incident %s: %s drops %s%% from %s to %s (%s, %s)', i.id, i.stream, round(i.drop_share * 100),
    to_char(i.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    to_char(i.ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
    coalesce('customer ' || i.customer_id, 'all customers'), coalesce('region ' || i.region, 'all regions'))
  -- Events are generated once: minutes already written keep their values.
  || case when g.generated_until > i.starts_at
    then format('; note: events up to %s are already generated and stay as they are',
      to_char(g.generated_until at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
    else '' end
from i cross join marts.generator_state g;
SQL
}

list() {
  pg -d "$db" <<'SQL'
select id, stream, drop_share as drop,
  to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') as starts_utc,
  to_char(ends_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') as ends_utc,
  coalesce(customer_id, 'all') as customer, coalesce(region, 'all') as region,
  case when now() < starts_at then 'scheduled' when now() < ends_at then 'active' else 'ended' end as state
from marts.incident
order by starts_at desc, id desc;
SQL
}

clear() {
  pg -d "$db" -At <<'SQL'
with ended as (
  update marts.incident set ends_at = now() where starts_at < now() and ends_at > now() returning id
), removed as (
  delete from marts.incident where starts_at >= now() returning id
)
select format('cleared: %s active incident(s) ended now, %s scheduled removed',
  (select count(*) from ended), (select count(*) from removed));
SQL
}

[ $# -ge 2 ] || usage
require_database "$1" || usage
db=$1
shift
case $1 in
  --list) [ $# -eq 1 ] || die "--list takes no other argument"; list ;;
  --clear) [ $# -eq 1 ] || die "--clear takes no other argument"; clear ;;
  *) add "$@" ;;
esac
