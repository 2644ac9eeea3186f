package io.heartbeat.cockpit.model;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The slices of a metric at one window, the biggest loss against their own expected value first. */
@RegisterForReflection
@Schema(description = "Top movers: each slice against its own band's expected value, worst loss first")
public record Movers(
    @Schema(required = true) String metricId,
    @Schema(nullable = true, description = "The window, null when no slice was judged yet") Instant at,
    @Schema(required = true) List<Mover> movers) {

  /** One slice at the window: delta is actual minus expected; on the bad side it is the loss. */
  @RegisterForReflection
  public record Mover(String kind, String value, String series, Double actual, Double expected, Double delta,
      Double deltaPercent, Status status) {
  }
}
