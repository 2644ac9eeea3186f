package io.heartbeat.compute.schedule;

import java.time.Instant;

/** A half-open time window [start, end). */
public record Window(Instant start, Instant end) {
}
