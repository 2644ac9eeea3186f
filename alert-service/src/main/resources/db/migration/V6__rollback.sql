-- The automatic rollback (issue 11, item 4): at most one per episode, decided in the transaction that stores the
-- episode's firing step (notify.rollback.RollbackPlanner) and called by notify.rollback.RollbackWorker. The row is
-- the retry state, so a restart resumes a pending call; the primary key makes a replayed firing step decide nothing
-- twice. A skipped rollback is a row too: the page and GET /api/alerts/{key} say why nothing was rolled back.
create table alert.rollback (
  episode_key     text primary key,
  metric_id       text not null,
  state           text not null check (state in ('pending', 'succeeded', 'failed', 'skipped')),
  -- Why it was skipped, how it failed, or what the hook answered: never the URL (a capability) or a secret.
  detail          text not null,
  deployment_id   text references alert.deployment (id),
  service         text,
  version         text,
  -- The hook's JSON body, fixed when the rollback was decided: every retry sends the same message (same webhook-id).
  request         text,
  attempts        integer not null default 0,
  next_attempt_at timestamptz,
  last_status     integer,
  created_at      timestamptz not null,
  updated_at      timestamptz not null,
  finished_at     timestamptz,
  -- Only a skipped rollback may lack its deploy (none was recent); the others name the deploy they call.
  check (state = 'skipped' or deployment_id is not null)
);
-- "Already rolled back": a deploy is rolled back once, whichever of its metrics' episodes asked first.
create unique index rollback_once_per_deploy on alert.rollback (deployment_id)
  where state in ('pending', 'succeeded');
create index rollback_due on alert.rollback (next_attempt_at) where state = 'pending';
