-- The marts reader (heartbeat_marts_reader) in one marts database: SELECT on the marts schemas and nothing else.
-- compute-service runs every metric's value_sql as this role, so what the role cannot do no value_sql can do,
-- whatever the registry's parser or catalog check missed. Idempotent; run by db/marts/migrate.sh as the database
-- administrator, in every marts database (functions and their privileges live in each database, not the cluster):
--   psql -d <marts database> -v reader_schemas=marts -f db/marts/reader.sql
-- Re-run it after installing an extension or upgrading PostgreSQL: new functions are executable by PUBLIC.
\set ON_ERROR_STOP on
set client_min_messages = warning;
\if :{?reader_schemas}
\else
  \set reader_schemas marts
\endif
select set_config('heartbeat.reader_schemas', :'reader_schemas', false);

-- The role is cluster-wide and normally created by db/roles.sh with its password. When it is missing (a scratch
-- database of db/marts/test.sh), it is created here without a password: only trust authentication lets it in.
select 'create role heartbeat_marts_reader login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit'
where not exists (select 1 from pg_roles where rolname = 'heartbeat_marts_reader')
\gexec

-- ## The database: connect, nothing else (no TEMP: a temporary table is a write, and unbounded)

select format('revoke all on database %I from public', current_database()) \gexec
select format('grant connect on database %I to heartbeat_marts_reader', current_database()) \gexec
revoke create on schema public from public;
-- DO blocks would let value_sql run procedural code (loops, dynamic SQL); functions owned by the administrator
-- (the generator) run without this.
revoke usage on language plpgsql from public;
-- UPDATE pg_settings is set_config under another name.
revoke update on pg_catalog.pg_settings from public;

-- ## The schemas: USAGE and SELECT on each marts schema, EXECUTE on none of its functions, and the same for
-- tables created later

do $$
declare
  schema_name text;
begin
  foreach schema_name in array string_to_array(current_setting('heartbeat.reader_schemas'), ',') loop
    schema_name := trim(schema_name);
    if not exists (select 1 from pg_namespace where nspname = schema_name) then
      raise exception 'reader.sql: schema % does not exist in %', schema_name, current_database();
    end if;
    execute format('revoke all on schema %I from public', schema_name);
    execute format('grant usage on schema %I to heartbeat_marts_reader', schema_name);
    execute format('revoke all on all tables in schema %I from heartbeat_marts_reader', schema_name);
    execute format('grant select on all tables in schema %I to heartbeat_marts_reader', schema_name);
    execute format('revoke all on all sequences in schema %I from heartbeat_marts_reader', schema_name);
    execute format('alter default privileges in schema %I grant select on tables to heartbeat_marts_reader',
                   schema_name);
    -- Functions are executable by PUBLIC by default; the generator is for the owner only.
    execute format('revoke execute on all functions in schema %I from public', schema_name);
    execute format('alter default privileges in schema %I revoke execute on functions from public', schema_name);
  end loop;
end $$;

-- ## Functions no value_sql may call, by name, so every overload and variant (xact, shared, try; one key or two) is
-- covered, in every schema (an extension such as dblink may live in public). PostgreSQL grants EXECUTE on its
-- functions to PUBLIC; revoking it there takes it from the reader (a superuser keeps it).
create temporary table reader_refused (pattern text primary key, why text not null) on commit preserve rows;
insert into reader_refused values
  -- A session-level lock outlives the ROLLBACK that ends each window and stays on the pooled connection.
  ('^pg_(try_)?advisory_', 'advisory locks'),
  -- The reader could cancel or kill the pool's other connections (same role), or reach the server's controls.
  ('^pg_(cancel|terminate)_backend$', 'signals to other sessions'),
  ('^pg_signal_backend$', 'signals to other sessions'),
  ('^pg_log_backend_memory_contexts$', 'signals to other sessions'),
  ('^pg_reload_conf$', 'server administration'),
  ('^pg_rotate_logfile', 'server administration'),
  ('^pg_promote$', 'server administration'),
  ('^pg_switch_wal$', 'server administration'),
  ('^pg_create_restore_point$', 'server administration'),
  ('^pg_(start|stop)_backup$', 'server administration'),
  ('^pg_backup_(start|stop)$', 'server administration'),
  ('^pg_wal_replay_(pause|resume)$', 'server administration'),
  ('^pg_stat_reset', 'server administration'),
  ('^pg_import_system_collations$', 'server administration'),
  ('^pg_nextoid$', 'server administration'),
  ('^pg_stop_making_pinned_objects$', 'server administration'),
  ('^binary_upgrade_', 'server administration'),
  ('^brin_(de)?summarize', 'index maintenance (writes)'),
  ('^gin_clean_pending_list$', 'index maintenance (writes)'),
  -- Replication belongs to the server; pg_logical_emit_message writes WAL even in a read-only transaction.
  ('^pg_(create|drop|copy)_\w*replication_slot$', 'replication'),
  ('^pg_replication_slot_advance$', 'replication'),
  ('^pg_replication_origin_', 'replication'),
  ('^pg_logical_', 'replication (pg_logical_emit_message writes WAL in a read-only transaction)'),
  ('^pg_notify$', 'notifications'),
  -- lo_creat and lo_from_bytea create large objects even in a read-only transaction; lo_import/lo_export read and
  -- write server files.
  ('^lo_', 'large objects'),
  ('^lo(read|write)$', 'large objects'),
  -- Settings belong to compute (SET LOCAL before each query); set_config would change them from inside value_sql.
  ('^set_config$', 'settings'),
  ('^pg_sleep', 'sleeping holds a connection and a query slot'),
  -- Each call assigns a transaction id, even read-only: a value_sql burning ids pushes the cluster to wraparound.
  ('^txid_current$', 'transaction ids'),
  ('^pg_current_xact_id$', 'transaction ids'),
  -- These run SQL text given as a string: nothing the registry checks sees what it calls.
  ('^(query|cursor|table|schema|database)_to_xml', 'SQL text run as a string'),
  ('^ts_stat$', 'SQL text run as a string'),
  ('^ts_rewrite$', 'SQL text run as a string'),
  ('^dblink', 'other databases and servers'),
  ('^postgres_fdw', 'other databases and servers'),
  -- Server files (most are already for superusers and pg_read_server_files only; kept so whatever is granted to
  -- PUBLIC by an extension or a later release is taken back).
  ('^pg_read_(binary_)?file', 'server files'),
  ('^pg_ls_', 'server files'),
  ('^pg_stat_file$', 'server files'),
  ('^pg_file_', 'server files'),
  ('^pg_current_logfile$', 'server files'),
  -- One call turns a small argument into a value of up to 1 GB (repeat('x', 500000000) is half a gigabyte in the
  -- backend's memory): no metric needs them. Other ways to build a large value (format's width, nested replace,
  -- string_agg over many rows) stay, being also ordinary SQL: each value is capped at 1 GB by PostgreSQL, each
  -- query by statement_timeout and temp_file_limit, and compute never reads a row larger than its row limit.
  ('^(repeat|lpad|rpad|array_fill)$', 'memory amplifiers');

-- One regular expression: PostgreSQL caches only a few compiled ones, and 3,000 functions times 40 patterns
-- recompiled each time take seconds.
create temporary view reader_refused_routine as
  select p.oid, p.oid::regprocedure as signature from pg_proc p
  where p.proname ~ (select string_agg('(' || pattern || ')', '|') from reader_refused);

do $$
declare
  routine record;
begin
  for routine in select signature from reader_refused_routine loop
    execute format('revoke execute on routine %s from public, heartbeat_marts_reader', routine.signature);
  end loop;
end $$;

-- ## The reader's settings in this database (they win over the role's cluster-wide ones). compute-service sets
-- statement_timeout per query (SET LOCAL); these are the bounds for any other session of the role.
select format('alter role heartbeat_marts_reader in database %I set %s', current_database(), setting)
from unnest(array[
  'default_transaction_read_only = on',
  'statement_timeout = ''10s''',
  -- A marts read waits for no DDL or generator lock for long: the window errors (55P03) and is computed again.
  'lock_timeout = ''2s''',
  'idle_in_transaction_session_timeout = ''30s''',
  -- Sorts and hashes that spill: at most this much disk per query (set here by a superuser, so it holds).
  'temp_file_limit = ''512MB''',
  -- Per sort or hash node; 16 pool connections with a few nodes each stay within a few hundred MB.
  'work_mem = ''8MB'''
]) as setting
\gexec

-- ## Check: fail the migration rather than leave the reader with a right it must not have

do $$
declare
  problem text;
begin
  select string_agg(r.signature::text, ', ') into problem from reader_refused_routine r
  where has_function_privilege('heartbeat_marts_reader', r.oid, 'EXECUTE');
  if problem is not null then
    raise exception 'reader.sql: heartbeat_marts_reader may still execute %', problem;
  end if;
  select string_agg(nspname, ', ') into problem from pg_namespace
  where has_schema_privilege('heartbeat_marts_reader', oid, 'CREATE');
  if problem is not null then
    raise exception 'reader.sql: heartbeat_marts_reader may create in schemas %', problem;
  end if;
  if has_database_privilege('heartbeat_marts_reader', current_database(), 'CREATE')
      or has_database_privilege('heartbeat_marts_reader', current_database(), 'TEMP') then
    raise exception 'reader.sql: heartbeat_marts_reader may create schemas or temporary tables in %', current_database();
  end if;
  select string_agg(g.rolname, ', ') into problem from pg_auth_members m join pg_roles g on g.oid = m.roleid
  where m.member = 'heartbeat_marts_reader'::regrole;
  if problem is not null then
    raise exception 'reader.sql: heartbeat_marts_reader is a member of %: it must hold no other role''s rights', problem;
  end if;
  select string_agg(format('%I.%I', n.nspname, c.relname), ', ') into problem
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p', 'v', 'm', 'f', 'S')
    and (has_table_privilege('heartbeat_marts_reader', c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
      or (c.relkind = 'S' and has_sequence_privilege('heartbeat_marts_reader', c.oid, 'USAGE, UPDATE')));
  if problem is not null then
    raise exception 'reader.sql: heartbeat_marts_reader may write %', problem;
  end if;
end $$;

drop view reader_refused_routine;
drop table reader_refused;
