package io.heartbeat.alert.model;

import java.time.Instant;

import io.heartbeat.alert.judge.Judgement;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Event evaluation.v1 on heartbeat.evaluations: the status of one window and the rule that decided it. */
@RegisterForReflection
public record EvaluationEvent(
    int schemaVersion,
    String id,
    String observationId,
    String metricId,
    String definitionVersion,
    String period,
    Instant windowStart,
    Instant windowEnd,
    Double value,
    String status,
    String rule,
    String direction,
    Thresholds thresholds,
    Dimension dimension,
    Instant evaluatedAt) {

  /** definitionVersion of an observation judged before its definition arrived; never a registry version. */
  public static final String NO_DEFINITION = "none";

  /** Evaluation of an observation; metric is null when its definition has not arrived yet. */
  public static EvaluationEvent judged(ObservationEvent observation, Metric metric, Judgement judgement,
      Instant evaluatedAt) {
    String version = metric == null ? NO_DEFINITION : metric.version();
    return new EvaluationEvent(1, EventId.of(observation.id(), version), observation.id(), observation.metricId(),
        version, metric == null ? observation.period() : metric.period(), observation.windowStart(),
        observation.windowEnd(), judgement.value(), judgement.status().wire(), judgement.rule(),
        metric == null ? null : metric.direction().wire(),
        metric == null ? Thresholds.NONE : metric.thresholds(), observation.dimension(), evaluatedAt);
  }

  /** Evaluation of a window that never arrived; observationId names the last observation that did. */
  public static EvaluationEvent stale(Metric metric, LastObservation last, Judgement judgement, Instant evaluatedAt) {
    Instant expectedStart = last.windowEnd();
    return new EvaluationEvent(1, EventId.of(metric.metricId(), "stale", expectedStart.toString()),
        last.observationId(), metric.metricId(), metric.version(), metric.period(), expectedStart,
        expectedStart.plusSeconds(metric.periodSeconds()), null, judgement.status().wire(), judgement.rule(),
        metric.direction().wire(), metric.thresholds(), null, evaluatedAt);
  }
}
