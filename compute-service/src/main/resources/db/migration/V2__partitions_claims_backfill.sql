-- The heartbeat.registry partition the metric's events arrive on: only the instance the consumer group assigned
-- that partition computes the metric. Null (rows written before this column) means any instance may.
alter table compute.metric add column registry_partition integer;

-- A window is claimed by inserting its row BEFORE publishing (insert ... on conflict do nothing): of two
-- instances computing the same window, only the one whose insert wins publishes. The observations wait in
-- payload until the broker acknowledged them (then published_at is set and payload dropped), so a crash in
-- between republishes the very same records instead of losing the window or computing it again.
alter table compute.window_run
  add column computed_by  text,
  add column payload      jsonb,
  add column published_at timestamptz;
-- Rows of V1 were written only after the broker's acknowledgement.
update compute.window_run set published_at = computed_at;
create index window_run_unpublished on compute.window_run (metric_id, window_start) where published_at is null;

-- Backfill jobs: historical windows of one metric computed at a bounded rate. The row is the job's state, so a
-- restart resumes at next_start; a runner holds it with select ... for update skip locked, so two instances
-- never run the same job at once.
create table compute.backfill (
  id             uuid primary key,
  metric_id      text not null,
  requested_from timestamptz not null,
  requested_to   timestamptz not null,
  range_start    timestamptz not null,
  range_end      timestamptz not null,
  period_seconds integer not null,
  next_start     timestamptz not null,
  total          integer not null,
  done           integer not null default 0,
  computed       integer not null default 0,
  state          text not null check (state in ('running', 'done', 'failed')),
  requested_by   text,
  created_at     timestamptz not null,
  updated_at     timestamptz not null,
  resumed_at     timestamptz,
  done_at_resume integer not null default 0,
  finished_at    timestamptz,
  error          text
);
create index backfill_running on compute.backfill (created_at) where state = 'running';
