-- alert-service tables (schema alert, set by quarkus.flyway.schemas).

-- Definitions in force, from heartbeat.registry; a tombstone or metric.removed deletes the row.
create table metric (
  metric_id       text primary key,
  version         text not null,
  direction       text not null check (direction in ('higher_is_better', 'lower_is_better')),
  norm_value      double precision,
  alert_value     double precision,
  target_value    double precision,
  target_due_date date,
  period_seconds  integer not null check (period_seconds > 0),
  stage           text not null,
  definition      jsonb not null,
  updated_at      timestamptz not null
);

-- One row per evaluation published; the deterministic id makes replays no-ops.
create table evaluation (
  id              text primary key,
  observation_id  text not null,
  metric_id       text not null,
  dimension_kind  text,
  dimension_value text,
  window_start    timestamptz not null,
  window_end      timestamptz not null,
  value           double precision,
  status          text not null,
  rule            text not null,
  evaluated_at    timestamptz not null,
  payload         jsonb not null
);
create index evaluation_latest on evaluation (metric_id, window_start desc, evaluated_at desc);

-- Observations that arrived before their definition; judged again, then deleted, once it arrives.
create table pending_observation (
  id          text primary key,
  metric_id   text not null,
  payload     jsonb not null,
  received_at timestamptz not null
);
create index pending_observation_metric on pending_observation (metric_id);

-- The latest metric-level observation per metric and when it arrived (service clock): the stale check's input.
create table last_observation (
  metric_id      text primary key,
  observation_id text not null,
  window_end     timestamptz not null,
  observed_at    timestamptz not null
);
