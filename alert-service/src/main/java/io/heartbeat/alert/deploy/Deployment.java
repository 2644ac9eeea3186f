package io.heartbeat.alert.deploy;

import java.time.Instant;
import java.util.Objects;

import io.heartbeat.alert.model.EventId;

/**
 * One deploy of one service to one environment, as recorded. Its id is derived from what identifies it, so the same
 * deploy sent twice (a retried POST, a replayed event) is the same row. rollbackUrl may be null (no rollback hook).
 */
public record Deployment(String id, String service, String version, String environment, Instant startedAt,
    Instant finishedAt, String commit, String author, RollbackUrl rollbackUrl) {

  public Deployment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(finishedAt, "finishedAt");
  }

  /** A deployment with its deterministic id: sha256(service|environment|version|startedAt). */
  public static Deployment of(String service, String version, String environment, Instant startedAt,
      Instant finishedAt, String commit, String author, RollbackUrl rollbackUrl) {
    return new Deployment(id(service, environment, version, startedAt), service, version, environment, startedAt,
        finishedAt, commit, author, rollbackUrl);
  }

  public static String id(String service, String environment, String version, Instant startedAt) {
    return EventId.of(service, environment, version, startedAt.toString());
  }

  public boolean rollbackAvailable() {
    return rollbackUrl != null;
  }
}
