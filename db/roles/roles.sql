-- Heartbeat's PostgreSQL roles: one login role per service, the marts reader, and heartbeat_guard, the role that
-- owns the registry guard. Cluster-wide and idempotent; run by db/roles.sh as the database administrator, with the
-- passwords as psql variables (never the role name: db/roles.sh refuses that).
--
-- No role is a superuser, creates databases or roles, replicates or bypasses row security. NOINHERIT: a role
-- granted to a service later must be assumed explicitly, never silently.
\set ON_ERROR_STOP on
set client_min_messages = warning;

select format('create role %I login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit', r)
from unnest(array['heartbeat_registry', 'heartbeat_compute', 'heartbeat_alert', 'heartbeat_cockpit',
                  'heartbeat_marts_reader']) as r
where not exists (select 1 from pg_roles where rolname = r)
\gexec

-- heartbeat_guard never logs in: it only owns the guard's functions, so that the audit table can tell an insert by
-- the guard's trigger (running as heartbeat_guard) from any other.
select 'create role heartbeat_guard nologin nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit'
where not exists (select 1 from pg_roles where rolname = 'heartbeat_guard')
\gexec

-- A role created by an earlier version of the scripts may carry more than it should: put every attribute back.
alter role heartbeat_registry     nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit login;
alter role heartbeat_compute      nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit login;
alter role heartbeat_alert        nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit login;
alter role heartbeat_cockpit      nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit login;
alter role heartbeat_marts_reader nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit login;

alter role heartbeat_registry     password :'registry_password';
alter role heartbeat_compute      password :'compute_password';
alter role heartbeat_alert        password :'alert_password';
alter role heartbeat_cockpit      password :'cockpit_password';
alter role heartbeat_marts_reader password :'marts_reader_password';
