-- Heartbeat's own alert when it cannot page a receiver (notify.outage): one row per outage of one receiver, opened
-- by the first page to it marked failed for good and closed by its next delivered page, each in the transaction of
-- that outbox update. The row's episode_key is the own alert's dedup key, and its pages are ordinary outbox rows
-- (to every other receiver), so GET /api/alerts/{key}/deliveries shows them too.
create table alert.notify_outage (
  -- heartbeat-notify:<receiver>:<sha256 of the first failed outbox row id>: the same failure, the same key.
  episode_key     text primary key,
  receiver        text not null,
  first_failed_id text not null,
  -- The episode whose page failed first: the own alert links to its deliveries.
  failed_episode  text not null,
  -- Pages to the receiver given up while the outage is open (a later one only counts: no second trigger).
  failed_pages    integer not null,
  last_error      text not null,
  -- Who got the trigger: the resolve goes to exactly these, whatever the routes say by then.
  notified        text[] not null,
  opened_at       timestamptz not null,
  updated_at      timestamptz not null,
  resolved_at     timestamptz
);
-- At most one open own alert per receiver, also when two instances give up pages to it at once.
create unique index notify_outage_open on alert.notify_outage (receiver) where resolved_at is null;
