package io.heartbeat.alert.model;

import java.time.Instant;

import io.heartbeat.alert.judge.BandRange;
import io.heartbeat.alert.judge.BenchmarkDistance;
import io.heartbeat.alert.judge.Change;
import io.heartbeat.alert.judge.Judgement;
import io.heartbeat.alert.judge.Typical;
import io.heartbeat.alert.series.Verdict;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Event evaluation.v1 on heartbeat.evaluations: the status of one window, the rule that decided it and what explains
 * it (band, typical, change versus the previous period, distance from the benchmark; each null when unknown).
 */
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
    BandRange band,
    Typical typical,
    Change change,
    BenchmarkDistance benchmark,
    Instant evaluatedAt) {

  /** definitionVersion of an observation judged before its definition arrived; never a registry version. */
  public static final String NO_DEFINITION = "none";

  /** Evaluation of an observation whose definition has not arrived yet. */
  public static EvaluationEvent undefined(ObservationEvent observation, Judgement judgement, Instant evaluatedAt) {
    return new EvaluationEvent(1, EventId.of(observation.id(), NO_DEFINITION), observation.id(),
        observation.metricId(), NO_DEFINITION, observation.period(), observation.windowStart(),
        observation.windowEnd(), judgement.value(), judgement.status().wire(), judgement.rule(), null,
        Thresholds.NONE, observation.dimension(), null, null, null, null, evaluatedAt);
  }

  /** Evaluation of an observation under the metric's definition. */
  public static EvaluationEvent judged(ObservationEvent observation, Metric metric, Verdict verdict,
      Instant evaluatedAt) {
    return judged(observation, metric, verdict, evaluatedAt, "");
  }

  /** The same, its rule led by rulePrefix (a history window says how far the learning got). */
  public static EvaluationEvent judged(ObservationEvent observation, Metric metric, Verdict verdict,
      Instant evaluatedAt, String rulePrefix) {
    Judgement judgement = verdict.judgement();
    return new EvaluationEvent(1, EventId.of(observation.id(), metric.version()), observation.id(),
        observation.metricId(), metric.version(), metric.period(), observation.windowStart(),
        observation.windowEnd(), judgement.value(), judgement.status().wire(), rulePrefix + judgement.rule(),
        metric.direction().wire(), metric.thresholds(), observation.dimension(), verdict.band(), verdict.typical(),
        verdict.change(), verdict.benchmark(), evaluatedAt);
  }

  /**
   * The evidence of an episode closed for a reason outside its windows (metric removed or retired, period or
   * direction changed): no value, the reason as rule. Carried by the resolved step only, never published itself.
   */
  public static EvaluationEvent closing(Metric metric, SeriesKey key, Instant at, String reason) {
    return new EvaluationEvent(1, EventId.of(metric.metricId(), key.series(), "closed", at.toString()),
        EventId.of(metric.metricId(), key.series(), "closed"), metric.metricId(), metric.version(), metric.period(),
        at, at, null, "unknown", reason, metric.direction().wire(), metric.thresholds(), key.dimension(), null, null,
        null, null, at);
  }

  /**
   * The stale evaluation of one dimension series of a metric that stopped: the metric's silence is every slice's.
   * id = sha256(metricId|series|stale|expected windowStart).
   */
  public static EvaluationEvent staleDimension(EvaluationEvent total, Metric metric, SeriesKey key) {
    return new EvaluationEvent(1, EventId.of(metric.metricId(), key.series(), "stale", total.windowStart().toString()),
        total.observationId(), metric.metricId(), metric.version(), metric.period(), total.windowStart(),
        total.windowEnd(), null, total.status(), total.rule(), metric.direction().wire(), metric.thresholds(),
        key.dimension(), null, null, null, null, total.evaluatedAt());
  }

  /** Evaluation of a window that never arrived; observationId names the last observation that did. */
  public static EvaluationEvent stale(Metric metric, LastObservation last, Judgement judgement, Instant evaluatedAt) {
    Instant expectedStart = last.windowEnd();
    return new EvaluationEvent(1, EventId.of(metric.metricId(), "stale", expectedStart.toString()),
        last.observationId(), metric.metricId(), metric.version(), metric.period(), expectedStart,
        expectedStart.plusSeconds(metric.periodSeconds()), null, judgement.status().wire(), judgement.rule(),
        metric.direction().wire(), metric.thresholds(), null, null, null, null, null, evaluatedAt);
  }
}
