package io.heartbeat.cockpit.model;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** AlertEvent v1 as read from heartbeat.alerts (docs/events/alert.v1.json): one step of an alert episode. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertEvent(
    int schemaVersion,
    String id,
    String type,
    String dedupKey,
    String metricId,
    EvaluationEvent.Dimension dimension,
    String stage,
    Status status,
    Status previousStatus,
    Instant episodeStart,
    String reason,
    JsonNode evidence,
    Instant occurredAt) {

  /** True when every field the read model stores is there. */
  public boolean complete() {
    return id != null && type != null && dedupKey != null && metricId != null && status != null
        && episodeStart != null && reason != null && occurredAt != null
        && (type.equals("firing") || type.equals("escalated") || type.equals("resolved"));
  }

  /** "*" for the metric total, "kind=value" for a slice, as in the dedup key. */
  public String series() {
    return dimension == null ? "*" : dimension.kind() + "=" + dimension.value();
  }

  /** The episode's worst status after this step: a resolve carries it as previousStatus. */
  public Status worst() {
    return type.equals("resolved") && previousStatus != null ? previousStatus : status;
  }
}
