-- History jobs (warm start): when a metric is first seen or its value_sql or period changes, the windows before its
-- first live window under that definition version are computed in chunks and published before any live window of
-- the version. The row is the job's state, so a restart resumes at next_start after the last chunk the broker
-- acknowledged; a runner holds it with select ... for update skip locked. While a version's job is running, the
-- schedule computes no live window of that version.
create table compute.history (
  metric_id          text not null,
  definition_version text not null,
  definition         jsonb not null,
  period_seconds     integer not null,
  range_start        timestamptz not null,
  -- Start of the first live window of this version: the history is [history_start, history_end).
  history_end        timestamptz not null,
  -- The first window with data, once a chunk found it; windows = windows in [history_start, history_end).
  history_start      timestamptz,
  windows            integer,
  next_start         timestamptz not null,
  chunks             integer not null default 0,
  published          integer not null default 0,
  -- Dimension values seen in the history so far (value -> last window start), for zero fill across chunks.
  seen               jsonb not null default '{}'::jsonb,
  state              text not null check (state in ('running', 'done', 'failed')),
  error              text,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  finished_at        timestamptz,
  primary key (metric_id, definition_version)
);
create index history_running on compute.history (created_at) where state = 'running';

-- Dimension values each metric returned recently, so a restart still zero-fills a value that vanished.
create table compute.dimension_seen (
  metric_id        text not null,
  kind             text not null,
  value            text not null,
  last_seen_window timestamptz not null,
  primary key (metric_id, kind, value)
);
