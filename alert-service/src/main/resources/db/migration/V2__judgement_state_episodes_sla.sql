-- Judgement state, alert episodes and the SLA ledger (issue 6).

-- The evaluation is stored as published, byte for byte, and only ever read back whole: text spares PostgreSQL
-- parsing a jsonb document per row, the largest cost of writing a batch.
alter table evaluation alter column payload type text;

-- What the judgement remembers per series (metric total '*' or one dimension 'kind=value'): last window judged in
-- order, recent values, breach, episode and open red interval (state, see model.SeriesSnapshot) and the anomaly
-- band's learned state (band, BandState.toBytes, a few KB). Written by checkpoints together with the Kafka offsets
-- they cover, so a restart resumes where the last checkpoint stopped and judges the rest again, identically.
create table series_state (
  metric_id  text not null,
  series     text not null,
  state      jsonb not null,
  band       bytea,
  updated_at timestamptz not null,
  primary key (metric_id, series)
);
-- The band state is float arrays that compress poorly: skip pglz on every checkpoint.
alter table series_state alter column band set storage external;

-- One row per alert episode that fired; pending episodes live in series_state only (they may never fire).
create table episode (
  dedup_key       text primary key,
  metric_id       text not null,
  dimension_kind  text,
  dimension_value text,
  state           text not null check (state in ('firing', 'resolved')),
  status          text not null,
  peak_status     text not null,
  started_at      timestamptz not null,
  fired_at        timestamptz not null,
  resolved_at     timestamptz,
  reason          text not null,
  updated_at      timestamptz not null
);
create index episode_metric on episode (metric_id, started_at desc);
create index episode_open on episode (state) where state = 'firing';

-- Every alert step published on heartbeat.alerts; the deterministic id makes a replay publish nothing.
create table alert_event (
  id           text primary key,
  dedup_key    text not null,
  type         text not null check (type in ('firing', 'escalated', 'resolved')),
  metric_id    text not null,
  window_start timestamptz not null,
  occurred_at  timestamptz not null,
  payload      jsonb not null
);
create index alert_event_episode on alert_event (dedup_key, window_start);

-- The SLA ledger: red intervals of metric totals, with the SLAs the metric belonged to when it was red.
create table downtime (
  metric_id  text not null,
  started_at timestamptz not null,
  ended_at   timestamptz not null check (ended_at > started_at),
  slas       text[] not null,
  primary key (metric_id, started_at)
);
create index downtime_slas on downtime using gin (slas);
