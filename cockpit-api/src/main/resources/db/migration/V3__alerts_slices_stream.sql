-- Issue 12: the cockpit reads alert episodes, deploys and dimension slices from the topics, and keeps its own journal
-- of what it pushed on the live stream so a reconnecting client resumes where it left off.

-- Recent points of every dimension slice (series 'customer=acme'), for drill-down charts and top movers.
create table cockpit.slice_point (
  metric_id     text not null,
  series        text not null,
  window_start  timestamptz not null,
  value         double precision,
  status        text not null,
  evaluated_at  timestamptz not null,
  band_expected double precision,
  band_lower    double precision,
  band_upper    double precision,
  primary key (metric_id, series, window_start)
);
create index slice_point_window_idx on cockpit.slice_point (metric_id, window_start);

-- One row per alert episode (dedup key), folded from heartbeat.alerts steps. steps are kept whole as jsonb: they are
-- shown, never queried into.
create table cockpit.alert_episode (
  dedup_key     text primary key,
  metric_id     text not null,
  series        text not null,
  state         text not null,
  status        text not null,
  worst_status  text not null,
  episode_start timestamptz not null,
  fired_at      timestamptz not null,
  resolved_at   timestamptz,
  reason        text not null,
  steps         jsonb not null default '[]',
  updated_at    timestamptz not null
);

-- What alert-service's acting half did about an episode (heartbeat.notifications): the responder context, the
-- rollback, and per receiver and step the latest delivery attempt. A separate table, joined when read: the two topics
-- have no order between them, so a notice may well arrive before the step that opened its episode.
create table cockpit.alert_notice (
  dedup_key   text not null,
  slot        text not null,
  kind        text not null,
  rank        bigint not null,
  body        jsonb not null,
  occurred_at timestamptz not null,
  primary key (dedup_key, slot)
);
create index alert_episode_state_idx on cockpit.alert_episode (state, fired_at desc, dedup_key);
create index alert_episode_metric_idx on cockpit.alert_episode (metric_id, episode_start);

-- Deploys of every service (never their rollback URL: a capability the cockpit has no use for).
create table cockpit.deployment (
  id          text primary key,
  service     text not null,
  version     text not null,
  environment text not null,
  started_at  timestamptz not null,
  finished_at timestamptz not null,
  commit      text,
  author      text
);
create index deployment_service_idx on cockpit.deployment (service, finished_at desc);

-- What the live stream pushed, in order: a client reconnecting with Last-Event-ID gets every row after its id.
-- event_key makes a replayed source event a no-op (the same tile change or alert step is journaled once).
create table cockpit.stream_event (
  id         bigserial primary key,
  kind       text not null,
  event_key  text not null unique,
  metric_id  text not null,
  payload    jsonb not null,
  created_at timestamptz not null default now()
);

-- A tile the cockpit's own clock called stale is announced on the stream once per silence.
alter table cockpit.tile add column stale_announced_at timestamptz;
