package io.heartbeat.cockpit.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One metric as the cockpit shows it: its definition's display fields and its latest metric-level evaluation. */
@RegisterForReflection
@Schema(description = "One metric: display fields of its definition and its latest metric-level evaluation "
    + "(evaluation fields are null until the first one arrives, status then reads unknown)")
public record Tile(
    @Schema(required = true) String metricId,
    @Schema(required = true) String code,
    @Schema(required = true) String name,
    @Schema(required = true) String unit,
    @Schema(required = true, example = "5m") String period,
    @Schema(required = true, enumeration = {"higher_is_better", "lower_is_better"}) String direction,
    @Schema(required = true) Status status,
    @Schema(nullable = true) Double value,
    @Schema(nullable = true, description = "Which rule decided the status, as alert-service words it") String rule,
    @Schema(nullable = true) Band band,
    @Schema(nullable = true) Learning learning,
    @Schema(nullable = true) Instant windowStart,
    @Schema(nullable = true) Instant windowEnd,
    @Schema(nullable = true) Instant evaluatedAt,
    @Schema(nullable = true) Double normValue,
    @Schema(nullable = true) Double alertValue,
    @Schema(nullable = true) Double targetValue,
    @Schema(nullable = true) LocalDate targetDueDate,
    @Schema(required = true) String stage,
    @Schema(nullable = true) String howToRead,
    @Schema(nullable = true, description = "Why the cockpit's own clock calls the tile stale: no evaluation arrived for"
        + " two periods (the judge or the pipeline stopped); null otherwise") String staleReason,
    @Schema(nullable = true) Change change,
    @Schema(nullable = true) TargetProgress targetProgress,
    @Schema(nullable = true, description = "The last metric-level windows, oldest first (omitted on the stream)")
    List<Spark> sparkline,
    @Schema(nullable = true, description = "The open alert episode of the metric total, if any") OpenAlert alert) {

  /** The tile with the cockpit-clock status and reason (status stale, unless already worse). */
  public Tile stale(String reason) {
    Status shown = status.compareTo(Status.STALE) <= 0 ? status : Status.STALE;
    return new Tile(metricId, code, name, unit, period, direction, shown, value, rule, band, learning, windowStart,
        windowEnd, evaluatedAt, normValue, alertValue, targetValue, targetDueDate, stage, howToRead, reason, change,
        targetProgress, sparkline, alert);
  }

  /** The tile with what its recent windows and open episode add. */
  public Tile with(Change change, TargetProgress targetProgress, List<Spark> sparkline, OpenAlert alert) {
    return new Tile(metricId, code, name, unit, period, direction, status, value, rule, band, learning, windowStart,
        windowEnd, evaluatedAt, normValue, alertValue, targetValue, targetDueDate, stage, howToRead, staleReason,
        change, targetProgress, sparkline, alert);
  }

  /** Change of the value versus the previous period's. */
  @RegisterForReflection
  @Schema(description = "The value against the previous window's")
  public record Change(
      @Schema(nullable = true) Double previous,
      @Schema(nullable = true) Double delta,
      @Schema(nullable = true, description = "delta in percent of previous; null when previous is 0") Double percent) {
  }

  /** How far the value is towards the owner's OKR target (display only). */
  @RegisterForReflection
  @Schema(description = "Progress towards target_value by target_due_date, direction-aware: 100 means reached")
  public record TargetProgress(
      @Schema(required = true) double target,
      @Schema(nullable = true) LocalDate dueDate,
      @Schema(required = true) double percent) {
  }

  /** One sparkline point: window start, value, status and band (null while learning). */
  @RegisterForReflection
  @Schema(description = "One sparkline window")
  public record Spark(Instant t, Double v, Status s, Double lo, Double hi, Double exp) {
  }

  /** The open episode of the metric total. */
  @RegisterForReflection
  @Schema(description = "The open alert episode of the metric total")
  public record OpenAlert(String dedupKey, String state, Status status, Instant since) {
  }
}
