-- The registry guard moves out of this schema into heartbeat_guard (db/roles/database.sql, installed by the database
-- administrator), where the role running this migration cannot rewrite it. The V1 guard trusted a session setting
-- any client could set and let anyone insert audit rows; from here on:
--   * only heartbeat_registry writes heartbeat.metric_registry, inside a declared context (path, actor, reason);
--   * the audit rows are written by the guard's own trigger from OLD and NEW, so no write happens without them;
--   * heartbeat.metric_audit takes rows only from that trigger and is never changed, deleted or truncated;
--   * once sealed, event triggers refuse any DDL that drops, disables, renames or adds to these triggers.
drop trigger metric_registry_guard on heartbeat.metric_registry;
drop trigger metric_registry_guard_truncate on heartbeat.metric_registry;
drop trigger metric_audit_append_only on heartbeat.metric_audit;
drop trigger metric_audit_no_truncate on heartbeat.metric_audit;
drop function heartbeat.metric_registry_guard();
drop function heartbeat.metric_audit_append_only();

-- Who wrote, on which path: the login role as the database saw it, beside the actor the service declared.
alter table heartbeat.metric_audit add column write_path text, add column db_role text;

create trigger metric_registry_write_check
  before insert or update or delete on heartbeat.metric_registry
  for each row execute function heartbeat_guard.registry_write_check();
create trigger metric_registry_no_truncate
  before truncate on heartbeat.metric_registry
  for each statement execute function heartbeat_guard.registry_write_check();
create trigger metric_registry_audit
  after insert or update on heartbeat.metric_registry
  for each row execute function heartbeat_guard.registry_audit();
create trigger metric_audit_write_check
  before insert or update or delete on heartbeat.metric_audit
  for each row execute function heartbeat_guard.audit_write_check();
create trigger metric_audit_no_truncate
  before truncate on heartbeat.metric_audit
  for each statement execute function heartbeat_guard.audit_write_check();

-- ALWAYS: they fire even under session_replication_role = replica.
alter table heartbeat.metric_registry enable always trigger metric_registry_write_check;
alter table heartbeat.metric_registry enable always trigger metric_registry_no_truncate;
alter table heartbeat.metric_registry enable always trigger metric_registry_audit;
alter table heartbeat.metric_audit enable always trigger metric_audit_write_check;
alter table heartbeat.metric_audit enable always trigger metric_audit_no_truncate;

-- The guard's audit trigger runs as heartbeat_guard: it may add audit rows and nothing else.
grant usage on schema heartbeat to heartbeat_guard;
grant insert on heartbeat.metric_audit to heartbeat_guard;
grant usage on sequence heartbeat.metric_audit_id_seq to heartbeat_guard;

select heartbeat_guard.seal('heartbeat.metric_audit', 'audit');
select heartbeat_guard.seal('heartbeat.metric_registry', 'registry');
