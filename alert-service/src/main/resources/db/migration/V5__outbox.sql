-- The notification outbox (issue 11): one row per page, i.e. per (episode, receiver, step), written in the same
-- transaction as the episode step it tells, and drained by the delivery worker (notify.delivery). The row is the
-- retry state, so a restart resumes, and its id, sha256(episode key|receiver|step), makes a replayed or duplicated
-- step insert nothing: at most one trigger per episode per receiver, whatever the instances or restarts.
create table alert.outbox (
  id              text primary key,
  -- Insertion order: the pages of one episode to one receiver go out in it (a resolve never before its trigger).
  seq             bigint generated always as identity,
  episode_key     text not null,
  receiver        text not null,
  step            text not null,
  status          text not null check (status in ('firing', 'updated', 'resolved')),
  notification    text not null,
  state           text not null default 'pending' check (state in ('pending', 'delivered', 'failed')),
  attempts        integer not null default 0,
  next_attempt_at timestamptz not null,
  -- The HTTP status of the last attempt (null: no answer, e.g. a timeout) and why it failed: never a URL or secret.
  last_status     integer,
  last_error      text,
  created_at      timestamptz not null,
  updated_at      timestamptz not null,
  delivered_at    timestamptz
);
-- The worker claims due rows per receiver, oldest due first.
create index outbox_due on alert.outbox (receiver, next_attempt_at) where state = 'pending';
create index outbox_episode on alert.outbox (episode_key, receiver, seq);
