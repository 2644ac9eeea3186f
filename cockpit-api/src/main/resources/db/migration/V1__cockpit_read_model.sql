-- The cockpit read model: rebuilt from heartbeat.registry and heartbeat.evaluations, never written by people.

-- One row per metric in force; the latest registry event per metric wins (updated_at = its publishedAt).
create table cockpit.metric (
  metric_id       text primary key,
  version         text not null,
  code            text not null,
  name            text not null,
  unit            text not null,
  direction       text not null,
  period          text not null,
  how_to_read     text,
  norm_value      double precision,
  alert_value     double precision,
  target_value    double precision,
  target_due_date date,
  stage           text not null,
  definition      jsonb not null,
  updated_at      timestamptz not null
);

-- The latest metric-level evaluation per metric. No foreign key to metric: an evaluation may arrive
-- before its definition (two topics, no ordering between them) and shows once the definition lands.
create table cockpit.tile (
  metric_id     text primary key,
  evaluation_id text not null,
  status        text not null,
  value         double precision,
  rule          text not null,
  window_start  timestamptz not null,
  window_end    timestamptz not null,
  evaluated_at  timestamptz not null
);

-- Recent metric-level points for the sparkline, pruned past the retention (48 h by default).
-- evaluated_at lets a re-judged window replace its point while a late, older judgement does not.
create table cockpit.series_point (
  metric_id    text not null,
  window_start timestamptz not null,
  value        double precision,
  status       text not null,
  evaluated_at timestamptz not null,
  primary key (metric_id, window_start)
);

create index series_point_window_start_idx on cockpit.series_point (window_start);
