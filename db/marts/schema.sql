-- Demo marts for Heartbeat: the analytics tables metrics are computed from, and the generator that fills them.
-- Idempotent: run it again at any time (db/marts/migrate.sh <database>). Times are UTC throughout.

create schema if not exists marts;

-- ## Tables

create table if not exists marts.customer (
  customer_id text primary key,
  name text not null,
  region text not null check (region in ('us', 'eu', 'au')),
  plan text not null,
  -- Zipf-like share of traffic: a few large customers dominate, as in real multi-tenant products.
  weight numeric not null check (weight > 0)
);

-- No foreign key from the event tables to marts.customer: a per-row RI check would double the backfill time.
create table if not exists marts.conversation_part (
  id bigserial primary key,
  created_at timestamptz not null,
  source text not null check (source in ('inbox_teammate', 'web_messenger', 'mobile_messenger')),
  customer_id text not null,
  region text not null check (region in ('us', 'eu', 'au')),
  platform text not null check (platform in ('web', 'desktop', 'ios', 'android'))
);
create index if not exists conversation_part_created_at_idx on marts.conversation_part (created_at);
create index if not exists conversation_part_source_created_at_idx on marts.conversation_part (source, created_at);

create table if not exists marts.ai_agent_answer (
  id bigserial primary key,
  created_at timestamptz not null,
  outcome text not null check (outcome in ('succeeded', 'failed')),
  customer_id text not null,
  region text not null check (region in ('us', 'eu', 'au')),
  platform text not null check (platform in ('web', 'desktop', 'ios', 'android'))
);
create index if not exists ai_agent_answer_created_at_idx on marts.ai_agent_answer (created_at);

create table if not exists marts.inbox_interaction (
  id bigserial primary key,
  created_at timestamptz not null,
  action text not null check (action in ('open', 'assign', 'close', 'snooze', 'note', 'search')),
  customer_id text not null,
  region text not null check (region in ('us', 'eu', 'au')),
  platform text not null check (platform in ('web', 'desktop', 'ios', 'android'))
);
create index if not exists inbox_interaction_created_at_idx on marts.inbox_interaction (created_at);

create table if not exists marts.checkout_attempt (
  id bigserial primary key,
  created_at timestamptz not null,
  customer_id text not null,
  region text not null check (region in ('us', 'eu', 'au')),
  platform text not null check (platform in ('web', 'desktop', 'ios', 'android')),
  amount_cents bigint not null check (amount_cents > 0)
);
create index if not exists checkout_attempt_created_at_idx on marts.checkout_attempt (created_at);

-- Injected outages. Kept after they end: they are the ground truth an alert should have caught.
create table if not exists marts.incident (
  id bigserial primary key,
  stream text not null check (stream in ('inbox_teammate', 'web_messenger', 'mobile_messenger', 'ai_agent_succeeded',
    'ai_agent_failed', 'inbox_interaction', 'checkout_attempt')),
  drop_share numeric not null check (drop_share between 0 and 1),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  customer_id text null references marts.customer (customer_id),
  region text null check (region in ('us', 'eu', 'au')),
  created_at timestamptz default now(),
  check (ends_at > starts_at)
);

create table if not exists marts.generator_state (
  id int primary key check (id = 1),
  generated_until timestamptz
);
insert into marts.generator_state (id, generated_until) values (1, null) on conflict (id) do nothing;
-- The demo's traffic follows the daily and weekly curve of its clock: real time, unless a test shifts the curve
-- (never the timestamps) so its minutes see the traffic of a chosen hour, e.g. a weekday afternoon at 03:00 on a
-- Sunday. History and live minutes follow the same shifted curve, so a band learned from one fits the other.
alter table marts.generator_state add column if not exists curve_shift interval not null default interval '0';

insert into marts.customer (customer_id, name, region, plan, weight) values
  ('northwind', 'Northwind Trading', 'us', 'expert', 1.0000),
  ('globex', 'Globex', 'eu', 'expert', 0.5000),
  ('initech', 'Initech', 'us', 'advanced', 0.3333),
  ('umbrella-health', 'Umbrella Health', 'us', 'expert', 0.2500),
  ('hooli', 'Hooli', 'us', 'advanced', 0.2000),
  ('kangaroo-post', 'Kangaroo Post', 'au', 'advanced', 0.1667),
  ('soylent-foods', 'Soylent Foods', 'eu', 'advanced', 0.1429),
  ('stark-logistics', 'Stark Logistics', 'us', 'expert', 0.1250),
  ('wayne-retail', 'Wayne Retail', 'us', 'essential', 0.1111),
  ('cyberdyne', 'Cyberdyne Systems', 'eu', 'advanced', 0.1000),
  ('vandelay', 'Vandelay Industries', 'us', 'essential', 0.0909),
  ('tyrell-bio', 'Tyrell Bio', 'eu', 'essential', 0.0833),
  ('wombat-bank', 'Wombat Bank', 'au', 'advanced', 0.0769),
  ('oceanic-air', 'Oceanic Air', 'au', 'essential', 0.0714),
  ('aperture', 'Aperture Science', 'us', 'essential', 0.0667),
  ('blue-sun', 'Blue Sun', 'eu', 'essential', 0.0625),
  ('massive-dynamic', 'Massive Dynamic', 'us', 'advanced', 0.0588),
  ('gringotts', 'Gringotts', 'eu', 'essential', 0.0556),
  ('duff', 'Duff Brewing', 'us', 'essential', 0.0526),
  ('sirius', 'Sirius Cybernetics', 'eu', 'essential', 0.0500)
on conflict (customer_id) do update
  set name = excluded.name, region = excluded.region, plan = excluded.plan, weight = excluded.weight;

-- ## Generator
-- Per minute and stream, a Poisson count with mean base_rate * seasonality; each arrival gets a uniform time
-- inside its (part of a) minute and a customer drawn by weight, and survives active incidents by thinning.

-- Average events per minute over a week (seasonality averages to 1).
create or replace function marts.base_rate(stream text) returns double precision
language sql immutable parallel safe as $$
  select case stream
    when 'inbox_teammate' then 25 when 'web_messenger' then 30 when 'mobile_messenger' then 15
    when 'ai_agent_answer' then 20 when 'inbox_interaction' then 40 when 'checkout_attempt' then 10
  end::double precision
$$;

-- Daily cosine peaking at 15:00 UTC with its trough (25% of peak) at 03:00; weekends at 45% of weekdays.
-- 7 / 5.9 rescales the week to a mean of 1 so base_rate stays the weekly average.
create or replace function marts.seasonality(ts timestamptz) returns double precision
language sql immutable parallel safe as $$
  select (1 + 0.6 * cos(2 * pi() * (extract(epoch from ts)::double precision / 3600 - 15) / 24))
    * case when extract(isodow from ts at time zone 'UTC') >= 6 then 0.45 else 1 end * 7 / 5.9
$$;

-- Poisson sample. Exact inversion for small means (a live tick covers seconds, so means are often below 1 and a
-- clipped normal would overcount); above 30 the normal approximation is indistinguishable and does not loop.
create or replace function marts.poisson(mean double precision) returns integer
language plpgsql volatile as $$
declare
  u double precision := random();
  k integer := 0;
  p double precision;
  cdf double precision;
begin
  if mean is null or mean <= 0 then
    return 0;
  end if;
  if mean > 30 then
    return greatest(0, round(mean + sqrt(mean) * sqrt(-2 * ln(1 - u)) * cos(2 * pi() * random())))::integer;
  end if;
  p := exp(-mean);
  cdf := p;
  while u > cdf and k < 1000 loop
    k := k + 1;
    p := p * mean / k;
    cdf := cdf + p;
  end loop;
  return k;
end $$;

-- Whether an incident takes this event: every matching incident draws on its own, so overlapping ones compound.
create or replace function marts.incident_hit(stream_name text, at_ts timestamptz, customer text, customer_region text)
returns boolean
language sql volatile as $$
  select exists (
    select 1 from marts.incident i
    where i.stream = stream_name and i.starts_at <= at_ts and at_ts < i.ends_at
      and (i.customer_id is null or i.customer_id = customer)
      and (i.region is null or i.region = customer_region)
      and random() < i.drop_share)
$$;

-- Arrivals of the given streams in [from_ts, to_ts), incidents applied. A partial minute at either end gets the
-- covered share of the minute's mean, so many short live ticks and one long backfill yield the same rates.
create or replace function marts.arrivals(from_ts timestamptz, to_ts timestamptz, streams text[])
returns table (stream text, created_at timestamptz, customer_id text, region text)
-- The planner cannot size the arrivals and would JIT-compile every call: 200+ ms on a live tick that needs 5.
language sql volatile set jit = off as $$
  with cust as (
    select array_agg(c.customer_id order by c.rank) as ids, array_agg(c.region order by c.rank) as regions,
      array_agg(c.lower_bound order by c.rank) as lower_bounds
    from (
      select c.customer_id, c.region, row_number() over w as rank,
        ((sum(c.weight) over w - c.weight) / sum(c.weight) over ())::double precision as lower_bound
      from marts.customer c
      window w as (order by c.weight desc, c.customer_id)
    ) c
  ),
  -- Rows outside [lo, hi) skip the per-row incident lookup: without incidents a backfill never pays for it.
  guard as (
    select min(i.starts_at) as lo, max(i.ends_at) as hi from marts.incident i
    where i.stream = any (streams) and i.starts_at < to_ts and i.ends_at > from_ts
  ),
  curve as (select coalesce((select g.curve_shift from marts.generator_state g where g.id = 1), interval '0') as shift)
  select e.stream, e.created_at, k.ids[e.idx], k.regions[e.idx]
  from (
    -- Volatile select lists keep this subquery from being flattened, so each arrival draws its customer once.
    select n.stream, n.s0 + (n.s1 - n.s0) * random() as created_at, width_bucket(random(), k.lower_bounds) as idx
    from (
      select s.stream, m.s0, m.s1,
        marts.poisson(marts.base_rate(s.stream) * marts.seasonality(m.minute + c.shift)
          * extract(epoch from m.s1 - m.s0)::double precision / 60) as n
      from (
        select minute, greatest(minute, from_ts) as s0, least(minute + interval '1 minute', to_ts) as s1
        from generate_series(date_trunc('minute', from_ts, 'UTC'), to_ts - interval '1 microsecond',
          interval '1 minute') as minute
      ) m
      cross join unnest(streams) as s (stream)
      cross join curve c
    ) n
    cross join lateral generate_series(1, n.n)
    cross join cust k
  ) e
  cross join cust k
  cross join guard g
  where g.lo is null or e.created_at < g.lo or e.created_at >= g.hi
    or not marts.incident_hit(e.stream, e.created_at, k.ids[e.idx], k.regions[e.idx])
$$;

-- Inserts the events of [from_ts, to_ts) into every event table. Not idempotent by itself: marts.advance is.
create or replace function marts.generate(from_ts timestamptz, to_ts timestamptz)
returns table (event_table text, inserted bigint)
language plpgsql volatile set jit = off as $$
declare
  ai_lo timestamptz;
  ai_hi timestamptz;
begin
  if from_ts is null or to_ts is null or to_ts <= from_ts then
    return;
  end if;

  insert into marts.conversation_part (created_at, source, customer_id, region, platform)
  select a.created_at, a.stream, a.customer_id, a.region,
    case a.stream
      when 'web_messenger' then 'web'
      when 'mobile_messenger' then case when random() < 0.55 then 'ios' else 'android' end
      else case when random() < 0.8 then 'web' else 'desktop' end
    end
  from marts.arrivals(from_ts, to_ts, array['inbox_teammate', 'web_messenger', 'mobile_messenger']) a;
  event_table := 'conversation_part';
  get diagnostics inserted = row_count;
  return next;

  -- An ai_agent_succeeded incident turns that share of answers into failures (the agent answers, badly);
  -- an ai_agent_failed one removes failures. Outside [ai_lo, ai_hi) the lookup is skipped.
  select coalesce(min(i.starts_at), to_ts), coalesce(max(i.ends_at), to_ts) into ai_lo, ai_hi
  from marts.incident i
  where i.stream in ('ai_agent_succeeded', 'ai_agent_failed') and i.starts_at < to_ts and i.ends_at > from_ts;
  insert into marts.ai_agent_answer (created_at, outcome, customer_id, region, platform)
  select a.created_at,
    case
      when a.failed then 'failed'
      when a.created_at >= ai_lo and a.created_at < ai_hi
        and marts.incident_hit('ai_agent_succeeded', a.created_at, a.customer_id, a.region) then 'failed'
      else 'succeeded'
    end,
    a.customer_id, a.region,
    case when a.p < 0.70 then 'web' when a.p < 0.88 then 'ios' else 'android' end
  from (
    select x.*, random() < 0.04 as failed, random() as p
    from marts.arrivals(from_ts, to_ts, array['ai_agent_answer']) x
  ) a
  where not (a.failed and a.created_at >= ai_lo and a.created_at < ai_hi
    and marts.incident_hit('ai_agent_failed', a.created_at, a.customer_id, a.region));
  event_table := 'ai_agent_answer';
  get diagnostics inserted = row_count;
  return next;

  insert into marts.inbox_interaction (created_at, action, customer_id, region, platform)
  select a.created_at,
    case
      when a.p < 0.35 then 'open' when a.p < 0.55 then 'close' when a.p < 0.70 then 'search'
      when a.p < 0.83 then 'note' when a.p < 0.95 then 'assign' else 'snooze'
    end,
    a.customer_id, a.region,
    case when random() < 0.8 then 'web' else 'desktop' end
  from (select x.*, random() as p from marts.arrivals(from_ts, to_ts, array['inbox_interaction']) x) a;
  event_table := 'inbox_interaction';
  get diagnostics inserted = row_count;
  return next;

  insert into marts.checkout_attempt (created_at, customer_id, region, platform, amount_cents)
  select a.created_at, a.customer_id, a.region,
    case when a.p < 0.75 then 'web' when a.p < 0.90 then 'ios' else 'android' end,
    -- Log-normal basket with a median of $49.
    greatest(100, round(exp(ln(4900) + 0.9 * sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random()))))::bigint
  from (select x.*, random() as p from marts.arrivals(from_ts, to_ts, array['checkout_attempt']) x) a;
  event_table := 'checkout_attempt';
  get diagnostics inserted = row_count;
  return next;
end $$;

-- Generates what is missing up to to_ts (default: the clock) and, when start_ts is given, back to it.
-- The generator_state row lock serialises backfills and the live loop, so no minute is generated twice.
create or replace function marts.advance(to_ts timestamptz default null, start_ts timestamptz default null)
returns table (range_from timestamptz, range_to timestamptz, event_table text, inserted bigint)
language plpgsql volatile as $$
declare
  until_ts timestamptz;
  first_ts timestamptz;
begin
  insert into marts.generator_state (id, generated_until) values (1, null) on conflict (id) do nothing;
  select s.generated_until into until_ts from marts.generator_state s where s.id = 1 for update;
  -- Read the clock after taking the lock: a tick that waited behind a backfill must still never write the future.
  to_ts := least(coalesce(to_ts, clock_timestamp()), clock_timestamp());

  if until_ts is null then
    until_ts := coalesce(start_ts, date_trunc('minute', to_ts, 'UTC'));
    return query select until_ts, to_ts, g.event_table, g.inserted from marts.generate(until_ts, to_ts) g;
  else
    if start_ts < until_ts then
      -- Extending backwards: what lies before the earliest event has not been generated.
      select date_trunc('minute', min(t.first_at), 'UTC') into first_ts from (
        select min(c.created_at) as first_at from marts.conversation_part c
        union all select min(a.created_at) from marts.ai_agent_answer a
        union all select min(i.created_at) from marts.inbox_interaction i
        union all select min(k.created_at) from marts.checkout_attempt k
      ) t;
      first_ts := least(coalesce(first_ts, until_ts), until_ts);
      if start_ts < first_ts then
        return query select start_ts, first_ts, g.event_table, g.inserted from marts.generate(start_ts, first_ts) g;
      end if;
    end if;
    if to_ts > until_ts then
      return query select until_ts, to_ts, g.event_table, g.inserted from marts.generate(until_ts, to_ts) g;
    end if;
  end if;

  update marts.generator_state s set generated_until = greatest(s.generated_until, to_ts) where s.id = 1;
end $$;

-- ## Privileges: db/marts/reader.sql (run after this file by migrate.sh) gives the metric reader SELECT on marts
-- and nothing else.
