package io.heartbeat.alert.sla;

import java.time.Instant;

/** A stretch [start, end) during which one metric (its total) was red: downtime for each SLA it belongs to. */
public record RedInterval(String metricId, Instant start, Instant end) {
}
