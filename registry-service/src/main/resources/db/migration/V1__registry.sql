-- The registry: one row per metric file, its last good definition, its problems and the operator's fields.
create table heartbeat.metric_registry (
  metric_id          text primary key,
  file               text not null,
  content_hash       text not null,
  file_version       text not null,
  version            text not null,
  state              text not null check (state in ('valid', 'invalid', 'removed')),
  definition         jsonb,
  problems           jsonb not null default '[]',
  published_version  text,
  -- Operator fields: null means the file's provisional value applies.
  norm_value         numeric,
  alert_value        numeric,
  target_value       numeric,
  target_due_date    date,
  benchmark_mean     numeric,
  benchmark_stddev   numeric,
  verification_state text,
  owner              text,
  stage              text,
  row_version        bigint not null default 1,
  updated_at         timestamptz not null default now()
);

-- Append-only history of operator edits and lifecycle moves.
create table heartbeat.metric_audit (
  id         bigserial primary key,
  metric_id  text not null,
  actor      text not null,
  at         timestamptz not null default now(),
  field      text not null,
  old_value  text,
  new_value  text,
  reason     text not null
);
create index metric_audit_metric on heartbeat.metric_audit (metric_id, id desc);

-- Only the sync path and the operator-edit path may write the registry; they announce themselves with a
-- transaction-local setting. Any other write (a psql session, another service) is rejected with a reason.
create function heartbeat.metric_registry_guard() returns trigger language plpgsql as $$
declare
  write_path text := current_setting('heartbeat.write_path', true);
begin
  if write_path is null or write_path not in ('sync', 'operator') then
    raise exception 'heartbeat.metric_registry is written only by registry-service (file sync or audited operator edit); rejected % by %',
      tg_op, current_user
      using errcode = 'insufficient_privilege',
            hint = 'edit db/metrics/<metric_id>.sql or use PATCH /api/metrics/{id}';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  return new;
end $$;

create trigger metric_registry_guard
  before insert or update or delete on heartbeat.metric_registry
  for each row execute function heartbeat.metric_registry_guard();

create trigger metric_registry_guard_truncate
  before truncate on heartbeat.metric_registry
  for each statement execute function heartbeat.metric_registry_guard();

create function heartbeat.metric_audit_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'heartbeat.metric_audit is append-only: % rejected', tg_op using errcode = 'insufficient_privilege';
end $$;

create trigger metric_audit_append_only
  before update or delete on heartbeat.metric_audit
  for each row execute function heartbeat.metric_audit_append_only();

create trigger metric_audit_no_truncate
  before truncate on heartbeat.metric_audit
  for each statement execute function heartbeat.metric_audit_append_only();
