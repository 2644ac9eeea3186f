-- The services' database (heartbeat, or a test database): one schema per service owned by its role, nothing for
-- anyone else, and the registry guard. Idempotent; run by db/roles.sh as the database administrator after
-- roles.sql. The services' Flyway migrations then run as the owning roles.
\set ON_ERROR_STOP on
set client_min_messages = warning;

-- Role settings (cluster-wide, here so that a database operator's managed roles get them too).
-- The marts reader only ever runs owners' value_sql: read-only, and never for long.
alter role heartbeat_marts_reader set default_transaction_read_only = on;
alter role heartbeat_marts_reader set statement_timeout = '10s';
alter role heartbeat_marts_reader set idle_in_transaction_session_timeout = '30s';
alter role heartbeat_marts_reader set lock_timeout = '2s';

-- The services' roles never hold anything for long either.
alter role heartbeat_registry set idle_in_transaction_session_timeout = '60s';
alter role heartbeat_compute  set idle_in_transaction_session_timeout = '60s';
alter role heartbeat_alert    set idle_in_transaction_session_timeout = '60s';
alter role heartbeat_cockpit  set idle_in_transaction_session_timeout = '60s';

-- Only the four services connect; nobody may create schemas or use public.
select format('revoke all on database %I from public', current_database()) \gexec
select format('grant connect on database %I to heartbeat_registry, heartbeat_compute, heartbeat_alert, '
              'heartbeat_cockpit', current_database()) \gexec
revoke all on schema public from public;

-- Each service's schema, owned by its role. A database set up by an earlier version of the scripts (everything
-- owned by the administrator) is handed over: the schema and every object in it.
create or replace procedure pg_temp.own_schema(schema_name text, role_name text) language plpgsql as $$
declare
  obj record;
begin
  if not exists (select 1 from pg_namespace where nspname = schema_name) then
    execute format('create schema %I authorization %I', schema_name, role_name);
    return;
  end if;
  execute format('alter schema %I owner to %I', schema_name, role_name);
  for obj in
    select format('alter %s %I.%I owner to %I',
                  case c.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view'
                                 else 'table' end, n.nspname, c.relname, role_name) as ddl
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = schema_name and c.relkind in ('r', 'p', 'v', 'm', 'S')
      and c.relowner <> role_name::regrole
      -- a sequence owned by a column follows its table
      and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))
    union all
    select format('alter %s %s owner to %I', case p.prokind when 'p' then 'procedure' else 'function' end,
                  p.oid::regprocedure, role_name)
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = schema_name and p.proowner <> role_name::regrole
    union all
    select format('alter type %I.%I owner to %I', n.nspname, t.typname, role_name)
    from pg_type t join pg_namespace n on n.oid = t.typnamespace
    where n.nspname = schema_name and t.typtype in ('e', 'd', 'c') and t.typowner <> role_name::regrole
      and (t.typrelid = 0 or (select relkind from pg_class where oid = t.typrelid) = 'c')
  loop
    execute obj.ddl;
  end loop;
end $$;

call pg_temp.own_schema('heartbeat', 'heartbeat_registry');
call pg_temp.own_schema('compute', 'heartbeat_compute');
call pg_temp.own_schema('alert', 'heartbeat_alert');
call pg_temp.own_schema('cockpit', 'heartbeat_cockpit');
revoke all on schema heartbeat, compute, alert, cockpit from public;

-- ---------------------------------------------------------------------------------------------------------------
-- The registry guard. heartbeat.metric_registry is written only by heartbeat_registry inside a transaction that
-- declares its context (heartbeat.write_path, heartbeat.actor, heartbeat.reason), and every write leaves audit rows
-- computed by the trigger from the change itself. The functions belong to heartbeat_guard, which nobody can log in
-- as or become, so the registry role, although it owns its tables, can neither rewrite the guard nor forge an audit
-- row; event triggers refuse any DDL that would drop, disable, rename or outflank the guard's triggers.
-- ---------------------------------------------------------------------------------------------------------------
create schema if not exists heartbeat_guard;
alter schema heartbeat_guard owner to heartbeat_guard;
revoke all on schema heartbeat_guard from public;
grant usage on schema heartbeat_guard to heartbeat_registry;

-- Tables whose guard is in force. Sealed by the registry's migration once its triggers are in place; only an
-- administrator can unseal (delete a row here).
create table if not exists heartbeat_guard.sealed_table (
  relid      oid primary key,
  name       text not null,
  kind       text not null check (kind in ('registry', 'audit')),
  sealed_at  timestamptz not null default now()
);
alter table heartbeat_guard.sealed_table owner to heartbeat_guard;
revoke all on heartbeat_guard.sealed_table from public;
grant select on heartbeat_guard.sealed_table to heartbeat_registry;

-- BEFORE each row written to heartbeat.metric_registry, and before TRUNCATE. Runs as the writer (security
-- invoker), so current_user and session_user are whoever really writes.
create or replace function heartbeat_guard.registry_write_check() returns trigger
language plpgsql set search_path = pg_catalog, pg_temp as $$
declare
  owner_role name := (select relowner::regrole::name from pg_class where oid = tg_relid);
  write_path text := nullif(current_setting('heartbeat.write_path', true), '');
  actor text := nullif(current_setting('heartbeat.actor', true), '');
  reason text := nullif(current_setting('heartbeat.reason', true), '');
begin
  if tg_op = 'TRUNCATE' then
    raise exception 'heartbeat.metric_registry is never truncated: a metric leaves the registry only when its file is deleted, with an audit row'
      using errcode = 'insufficient_privilege';
  end if;
  if session_user <> owner_role or current_user <> owner_role then
    raise exception 'heartbeat.metric_registry is written only by registry-service (role %); rejected % by %',
      owner_role, tg_op, session_user
      using errcode = 'insufficient_privilege',
            hint = 'edit db/metrics/<metric_id>.sql or use PATCH /api/metrics/{id}';
  end if;
  if write_path is null or write_path not in ('sync', 'operator') or actor is null or reason is null then
    raise exception 'heartbeat.metric_registry write without registry-service''s transaction context (heartbeat.write_path sync|operator, heartbeat.actor, heartbeat.reason): rejected %', tg_op
      using errcode = 'insufficient_privilege';
  end if;
  if tg_op = 'DELETE' then
    raise exception 'heartbeat.metric_registry rows are never deleted: a deleted metric file marks its row removed'
      using errcode = 'insufficient_privilege';
  end if;
  if write_path = 'operator' and (tg_op = 'INSERT'
      or (old.file, old.content_hash, old.file_version, old.state, old.definition, old.problems)
         is distinct from (new.file, new.content_hash, new.file_version, new.state, new.definition, new.problems)) then
    raise exception 'an operator edit changes only operator fields; the file''s fields of % come from its file', new.metric_id
      using errcode = 'insufficient_privilege';
  end if;
  if write_path = 'sync' and tg_op = 'UPDATE'
      and (old.norm_value, old.alert_value, old.target_value, old.target_due_date, old.benchmark_mean,
           old.benchmark_stddev, old.verification_state, old.owner, old.stage)
          is distinct from (new.norm_value, new.alert_value, new.target_value, new.target_due_date, new.benchmark_mean,
           new.benchmark_stddev, new.verification_state, new.owner, new.stage) then
    raise exception 'the file sync never changes operator fields of %', new.metric_id
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;

-- AFTER each row written: the audit rows, one per changed field, from OLD and NEW. Runs as heartbeat_guard, the
-- only role heartbeat.metric_audit accepts rows from.
create or replace function heartbeat_guard.registry_audit() returns trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
declare
  actor text := current_setting('heartbeat.actor', true);
  reason text := current_setting('heartbeat.reason', true);
  write_path text := current_setting('heartbeat.write_path', true);
  audit regclass;
begin
  if not exists (select 1 from heartbeat_guard.sealed_table where relid = tg_relid and kind = 'registry') then
    raise exception 'heartbeat_guard.registry_audit runs only on the sealed heartbeat.metric_registry'
      using errcode = 'insufficient_privilege';
  end if;
  select relid::regclass into audit from heartbeat_guard.sealed_table where kind = 'audit';
  if audit is null then
    raise exception 'heartbeat.metric_audit is not sealed: no write without its audit row'
      using errcode = 'insufficient_privilege';
  end if;
  execute format($sql$
    insert into %s (metric_id, actor, field, old_value, new_value, reason, write_path, db_role)
    select $1, $2, f.field, f.old_value, f.new_value, $3, $4, session_user
    from (values
      ('state', $5.state, $6.state),
      ('file', $5.file, $6.file),
      ('content_hash', $5.content_hash, $6.content_hash),
      ('norm_value', trim_scale($5.norm_value)::text, trim_scale($6.norm_value)::text),
      ('alert_value', trim_scale($5.alert_value)::text, trim_scale($6.alert_value)::text),
      ('target_value', trim_scale($5.target_value)::text, trim_scale($6.target_value)::text),
      ('target_due_date', $5.target_due_date::text, $6.target_due_date::text),
      ('benchmark_mean', trim_scale($5.benchmark_mean)::text, trim_scale($6.benchmark_mean)::text),
      ('benchmark_stddev', trim_scale($5.benchmark_stddev)::text, trim_scale($6.benchmark_stddev)::text),
      ('verification_state', $5.verification_state, $6.verification_state),
      ('owner', $5.owner, $6.owner),
      ('stage', $5.stage, $6.stage)
    ) as f(field, old_value, new_value)
    where f.old_value is distinct from f.new_value
      -- a new row: its state and file say what arrived; its hash and empty operator fields say nothing more
      and ($5.metric_id is not null or f.field in ('state', 'file'))
    $sql$, audit)
  using new.metric_id, actor, reason, write_path, old, new;
  return null;
end $$;

-- BEFORE each row written to heartbeat.metric_audit, and before TRUNCATE: rows arrive only from registry_audit
-- (running as heartbeat_guard inside the registry's trigger), and nothing is ever changed or removed.
create or replace function heartbeat_guard.audit_write_check() returns trigger
language plpgsql set search_path = pg_catalog, pg_temp as $$
begin
  if tg_op <> 'INSERT' then
    raise exception 'heartbeat.metric_audit is append-only: % rejected', tg_op using errcode = 'insufficient_privilege';
  end if;
  if current_user <> 'heartbeat_guard' or pg_trigger_depth() < 2 then
    raise exception 'heartbeat.metric_audit rows are written only by the registry guard from the change itself: INSERT by % rejected',
      session_user using errcode = 'insufficient_privilege';
  end if;
  return new;
end $$;

-- What a sealed table must carry, exactly: these triggers (type bits, function), enabled ALWAYS (so even
-- session_replication_role = replica fires them), no other trigger, no rule, and its name unchanged.
-- tgtype bits: 1 row, 2 before, 4 insert, 8 delete, 16 update, 32 truncate.
create or replace function heartbeat_guard.guard_problem(sealed heartbeat_guard.sealed_table) returns text
language plpgsql stable set search_path = pg_catalog, pg_temp as $$
declare
  expected text[];
  actual text[];
  current_name text;
begin
  select c.oid::regclass::text into current_name from pg_class c where c.oid = sealed.relid;
  if current_name is null then
    return format('%s was dropped', sealed.name);
  end if;
  if current_name <> sealed.name then
    return format('%s may not be renamed (now %s)', sealed.name, current_name);
  end if;
  expected := case sealed.kind
    when 'registry' then array['21:heartbeat_guard.registry_audit', '31:heartbeat_guard.registry_write_check',
                               '34:heartbeat_guard.registry_write_check']
    else array['31:heartbeat_guard.audit_write_check', '34:heartbeat_guard.audit_write_check'] end;
  select coalesce(array_agg(t.tgtype || ':' || t.tgfoid::regproc::text
                            || case when t.tgenabled = 'A' then '' else ' (not enabled always)' end
                            order by t.tgtype, t.tgfoid::regproc::text), '{}')
    into actual
  from pg_trigger t where t.tgrelid = sealed.relid and not t.tgisinternal;
  if actual is distinct from expected then
    return format('%s must keep exactly its guard triggers, enabled always: expected %s, found %s',
                  sealed.name, expected, actual);
  end if;
  if exists (select 1 from pg_rewrite r where r.ev_class = sealed.relid) then
    return format('%s may carry no rule', sealed.name);
  end if;
  return null;
end $$;

-- Called once by the registry's migration when the triggers are in place; later calls change nothing.
create or replace function heartbeat_guard.seal(target regclass, kind text) returns void
language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
declare
  problem text;
  candidate heartbeat_guard.sealed_table;
begin
  if exists (select 1 from heartbeat_guard.sealed_table s where s.kind = seal.kind) then
    return;
  end if;
  if (select relowner from pg_class where oid = target) <> session_user::text::regrole then
    raise exception 'only the owner of % may seal it', target using errcode = 'insufficient_privilege';
  end if;
  candidate := row(target::oid, target::text, kind, now());
  problem := heartbeat_guard.guard_problem(candidate);
  if problem is not null then
    raise exception 'cannot seal %: %', target, problem using errcode = 'insufficient_privilege';
  end if;
  insert into heartbeat_guard.sealed_table values (candidate.*);
end $$;

-- After every DDL command of a non-superuser: every sealed table still carries its guard.
create or replace function heartbeat_guard.keep_guards() returns event_trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
declare
  sealed heartbeat_guard.sealed_table;
  problem text;
begin
  -- Security definer (any role's DDL fires it): the one who acts is session_user.
  if (select rolsuper from pg_roles where rolname = session_user) then
    return;
  end if;
  for sealed in select * from heartbeat_guard.sealed_table loop
    problem := heartbeat_guard.guard_problem(sealed);
    if problem is not null then
      raise exception 'registry guard: % (rejected %)', problem, tg_tag using errcode = 'insufficient_privilege';
    end if;
  end loop;
end $$;

-- Before anything is dropped for good: never a sealed table.
create or replace function heartbeat_guard.keep_sealed_tables() returns event_trigger
language plpgsql security definer set search_path = pg_catalog, pg_temp as $$
declare
  dropped text;
begin
  -- Security definer (any role's DDL fires it): the one who acts is session_user.
  if (select rolsuper from pg_roles where rolname = session_user) then
    return;
  end if;
  select s.name into dropped from pg_event_trigger_dropped_objects() o
    join heartbeat_guard.sealed_table s on s.relid = o.objid
  where o.classid = 'pg_class'::regclass and o.objsubid = 0
  limit 1;
  if dropped is not null then
    raise exception 'registry guard: % may not be dropped (rejected %)', dropped, tg_tag
      using errcode = 'insufficient_privilege';
  end if;
end $$;

alter function heartbeat_guard.registry_write_check() owner to heartbeat_guard;
alter function heartbeat_guard.registry_audit() owner to heartbeat_guard;
alter function heartbeat_guard.audit_write_check() owner to heartbeat_guard;
alter function heartbeat_guard.guard_problem(heartbeat_guard.sealed_table) owner to heartbeat_guard;
alter function heartbeat_guard.seal(regclass, text) owner to heartbeat_guard;
alter function heartbeat_guard.keep_guards() owner to heartbeat_guard;
alter function heartbeat_guard.keep_sealed_tables() owner to heartbeat_guard;
revoke all on all functions in schema heartbeat_guard from public;
-- The registry attaches the trigger functions in its migration and seals; it can call nothing else.
grant execute on function heartbeat_guard.registry_write_check(), heartbeat_guard.registry_audit(),
  heartbeat_guard.audit_write_check(), heartbeat_guard.seal(regclass, text) to heartbeat_registry;

drop event trigger if exists heartbeat_keep_guards;
create event trigger heartbeat_keep_guards on ddl_command_end execute function heartbeat_guard.keep_guards();
drop event trigger if exists heartbeat_keep_sealed_tables;
create event trigger heartbeat_keep_sealed_tables on sql_drop execute function heartbeat_guard.keep_sealed_tables();
