package io.heartbeat.alert.notify;

import java.time.Instant;
import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A recent deploy of a service linked to the metric, as a page shows it. The deploy's rollback URL is deliberately
 * absent: calling it rolls production back, so it never leaves alert-service in a page.
 */
@RegisterForReflection
public record Deploy(String service, String version, String environment, Instant finishedAt, String commit,
    String author) {

  public Deploy {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(version, "version");
  }
}
