package io.heartbeat.compute.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Body of {@code POST /api/backfill}: compute the metric's windows inside [from, to). */
@RegisterForReflection
public record BackfillRequest(
    @JsonProperty("metric_id") @JsonAlias("metricId") String metricId,
    Instant from,
    Instant to) {
}
