package io.heartbeat.alert.model;

import java.time.Instant;

/** The latest metric-level observation of a metric and when it arrived here (by this service's clock). */
public record LastObservation(String observationId, Instant windowEnd, Instant observedAt) {
}
