-- The feed of the acting half on heartbeat.notifications (notify.event): one row per event, written in the
-- transaction of the state change it tells (a step stored with its context, a delivery attempt recorded, a rollback
-- decided or finished), published by notify.event.NotificationRelay after commit and marked once Kafka acknowledged
-- it. A crash between the commit and the send leaves the row unpublished: the next relay sends it, so an event can
-- come twice (same id) but is never lost. The id is the event's own deterministic id: a duplicate inserts nothing.
create table alert.notification_event (
  id           text primary key,
  -- Insertion order: the relay publishes in it, so one episode's events reach the topic as they happened.
  seq          bigint generated always as identity,
  metric_id    text not null,
  kind         text not null check (kind in ('context', 'delivery', 'rollback')),
  payload      text not null,
  created_at   timestamptz not null,
  published_at timestamptz
);
create index notification_event_unpublished on alert.notification_event (seq) where published_at is null;
-- Published rows are kept a while (heartbeat.notifications.keep) for inspection, then deleted by the relay.
create index notification_event_published on alert.notification_event (published_at) where published_at is not null;
