package io.heartbeat.alert.sla;

import java.time.Instant;

/**
 * A stretch [start, end) of one metric (its total) that the SLA ledger accounts for: DOWN while it was red or stale
 * (customers could not do the job, or nobody can tell they could), UNMEASURED while its value could not be computed
 * (reported beside downtime, never silently as available).
 */
public record Downtime(String metricId, Instant start, Instant end, Kind kind) {

  /** How a stretch counts. */
  public enum Kind {
    DOWN,
    UNMEASURED;

    public String wire() {
      return name().toLowerCase();
    }

    public static Kind fromWire(String wire) {
      return valueOf(wire.toUpperCase());
    }
  }

  public RedInterval interval() {
    return new RedInterval(metricId, start, end);
  }
}
