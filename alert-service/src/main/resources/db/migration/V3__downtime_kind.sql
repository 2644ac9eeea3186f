-- The SLA ledger tells downtime (red or stale) from unmeasured time (the value could not be computed): error time
-- is reported beside downtime, never silently as available.
alter table alert.downtime add column kind text not null default 'down' check (kind in ('down', 'unmeasured'));
create index downtime_kind_idx on alert.downtime (kind, started_at);
