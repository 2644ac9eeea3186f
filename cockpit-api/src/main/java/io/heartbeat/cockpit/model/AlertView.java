package io.heartbeat.cockpit.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One alert episode as responders read it: its steps, the rollback, the suggested actions and every delivery. */
@RegisterForReflection
@Schema(description = "An alert episode of one series of a metric, with what responders need first")
public record AlertView(
    @Schema(required = true, description = "Stable for the episode: the paging vendors' dedup key") String dedupKey,
    @Schema(required = true) String metricId,
    @Schema(nullable = true) String code,
    @Schema(nullable = true) String name,
    @Schema(required = true, description = "'*' for the metric total, 'customer=acme' for a slice") String series,
    @Schema(required = true, enumeration = {"firing", "resolved"}) String state,
    @Schema(required = true) Status status,
    @Schema(required = true) Status worstStatus,
    @Schema(required = true) Instant episodeStart,
    @Schema(required = true) Instant firedAt,
    @Schema(nullable = true) Instant resolvedAt,
    @Schema(required = true) String reason,
    @Schema(required = true, description = "firing, escalated and resolved steps, oldest first")
    List<Map<String, Object>> steps,
    @Schema(nullable = true, description = "The rollback decided for the episode: started, succeeded, failed or"
        + " skipped with its reason") Map<String, Object> rollback,
    @Schema(required = true, description = "Rule-based first actions, each with why") List<Map<String, Object>> suggestedActions,
    @Schema(required = true, description = "Latest outcome per receiver and step") List<Map<String, Object>> deliveries,
    @Schema(nullable = true, description = "Responder context: recent deploys, other heartbeats failing, top dropping"
        + " slices") Map<String, Object> context) {
}
