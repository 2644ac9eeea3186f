package io.heartbeat.cockpit.model;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A metric's (or one slice's) values over a time range with band, thresholds, episodes and deploys, for a chart. */
@RegisterForReflection
@Schema(description = "Values with band and thresholds over [from, to), downsampled to at most the points asked for;"
    + " each bucket keeps its min and max, so a one-window drop survives downsampling")
public record SeriesView(
    @Schema(required = true) String metricId,
    @Schema(nullable = true, description = "null for the metric total, else 'customer=acme'") String dimension,
    @Schema(required = true) Instant from,
    @Schema(required = true) Instant to,
    @Schema(required = true) String period,
    @Schema(required = true, description = "Windows per point after downsampling (1: every window)") int windowsPerPoint,
    @Schema(nullable = true) Double normValue,
    @Schema(nullable = true) Double alertValue,
    @Schema(required = true) String direction,
    @Schema(required = true) String unit,
    @Schema(required = true) List<Point> points,
    @Schema(required = true) List<Episode> episodes,
    @Schema(required = true) List<Deploy> deploys) {

  /**
   * One bucket of windows: t its first window's start, v the mean, min and max the extremes, s the worst status, exp/lo/hi
   * the band (mean expected, lowest lower, highest upper), out whether a window left the band on the bad side.
   */
  @RegisterForReflection
  public record Point(Instant t, Double v, Double min, Double max, Status s, Double exp, Double lo, Double hi,
      boolean out) {
  }

  /** An alert episode of the series, to shade: end null while it fires. */
  @RegisterForReflection
  public record Episode(String dedupKey, Instant start, Instant end, Status status) {
  }

  /** A deploy of one of the metric's linked services, to mark. */
  @RegisterForReflection
  public record Deploy(String service, String version, Instant finishedAt, String commit, String author) {
  }
}
