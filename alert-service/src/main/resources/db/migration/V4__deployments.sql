-- Deployments recorded by CI/CD (POST /api/deployments or heartbeat.deployments); deploy.DeploymentRepository.
-- A row never changes once written: id = sha256(service|environment|version|started_at), so a retried POST or a
-- replayed event finds its own row, and a different body under the same id is refused as a conflict.
create table deployment (
  id           text primary key check (id ~ '^[0-9a-f]{64}$'),
  service      text not null,
  version      text not null,
  environment  text not null,
  started_at   timestamptz not null,
  finished_at  timestamptz not null check (finished_at >= started_at),
  commit_sha   text not null,
  author       text not null,
  -- A capability (calling it rolls production back, it may carry a token): never returned by a read, never logged.
  rollback_url text,
  recorded_at  timestamptz not null
);
-- Listing per service (and environment), newest first, with the (finished_at, id) cursor; also serves the
-- rollback step's "deployed within the lookback before the drop" by service.
create index deployment_service_finished on deployment (service, finished_at desc, id desc);
create index deployment_finished on deployment (finished_at desc, id desc);
