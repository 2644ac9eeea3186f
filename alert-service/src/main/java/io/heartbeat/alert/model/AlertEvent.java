package io.heartbeat.alert.model;

import java.time.Instant;

import io.heartbeat.alert.episode.Transition;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Event alert.v1 on heartbeat.alerts, key = metricId: one step (firing, escalated, resolved) of an alert episode,
 * with the episode's stable dedup key, the reason and the evidence. id = sha256(dedupKey|type|windowStart).
 */
@RegisterForReflection
public record AlertEvent(
    int schemaVersion,
    String id,
    String type,
    String dedupKey,
    String metricId,
    Dimension dimension,
    String definitionVersion,
    String stage,
    String status,
    String previousStatus,
    Instant episodeStart,
    String reason,
    Evidence evidence,
    Instant occurredAt) {

  public static AlertEvent of(Transition step, String dedupKey, Metric metric, EvaluationEvent evaluation,
      Instant occurredAt) {
    return new AlertEvent(1, EventId.of(dedupKey, step.type().wire(), step.windowStart().toString()),
        step.type().wire(), dedupKey, metric.metricId(), evaluation.dimension(), metric.version(), metric.stage(),
        step.status().wire(), step.previousStatus() == null ? null : step.previousStatus().wire(),
        step.episodeStart(), step.reason(), Evidence.of(evaluation), occurredAt);
  }
}
