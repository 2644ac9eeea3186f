package io.heartbeat.alert.notify;

import java.time.Instant;
import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * How the episode ended, carried by the resolve only: when, after how long, and how many minutes of it counted as
 * downtime against the metric's SLAs (red and stale time, not amber).
 */
@RegisterForReflection
public record Recovery(Instant endedAt, long durationSeconds, double slaMinutes) {

  public Recovery {
    Objects.requireNonNull(endedAt, "endedAt");
    if (durationSeconds < 0 || slaMinutes < 0) {
      throw new IllegalArgumentException("duration and SLA minutes cannot be negative");
    }
  }
}
