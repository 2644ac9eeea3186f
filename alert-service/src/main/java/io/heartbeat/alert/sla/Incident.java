package io.heartbeat.alert.sla;

import java.time.Instant;
import java.util.List;

/** Merged downtime of an SLA: overlapping or touching red intervals become one incident naming every metric. */
public record Incident(Instant start, Instant end, double minutes, List<String> metrics) {
}
