-- Definitions in force. previous_* keeps the replaced definition until effective_from (the next window
-- after the change arrived); active_since is when the metric was first seen, so it is not back-computed.
create table compute.metric (
  metric_id           text primary key,
  version             text not null,
  definition          jsonb not null,
  state               text not null check (state in ('valid', 'invalid')),
  updated_at          timestamptz not null default now(),
  published_at        timestamptz,
  active_since        timestamptz not null,
  previous_version    text,
  previous_definition jsonb,
  effective_from      timestamptz
);

-- One row per computed window: a window is never published twice and a restart resumes after the last one.
create table compute.window_run (
  metric_id          text not null,
  window_start       timestamptz not null,
  window_end         timestamptz not null,
  definition_version text not null,
  status             text not null check (status in ('ok', 'empty', 'error')),
  computed_at        timestamptz not null,
  observations       integer not null,
  error              text,
  primary key (metric_id, window_start)
);
