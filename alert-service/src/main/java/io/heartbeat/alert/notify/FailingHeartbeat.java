package io.heartbeat.alert.notify;

import java.time.Instant;
import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Another heartbeat failing now, beside the one paged: several dropping together point at a shared dependency
 * (a database failover) rather than at each metric's own service.
 */
@RegisterForReflection
public record FailingHeartbeat(String metricId, String name, String code, Severity severity, Instant since,
    String cockpitUrl) {

  public FailingHeartbeat {
    Objects.requireNonNull(metricId, "metricId");
    Objects.requireNonNull(severity, "severity");
  }
}
