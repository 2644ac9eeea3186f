package io.heartbeat.compute.model;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One row of compute.metric: the definition in force and, until {@code effectiveFrom}, the one it replaces
 * (a change takes effect at the next window, so the window open when it arrived keeps the old definition).
 */
public record MetricRecord(
    String metricId,
    String state,
    Instant publishedAt,
    Instant activeSince,
    String version,
    JsonNode definition,
    String previousVersion,
    JsonNode previousDefinition,
    Instant effectiveFrom) {
}
