package io.heartbeat.alert.model;

import java.time.LocalDate;
import java.util.List;

import io.heartbeat.alert.judge.Anomaly;
import io.heartbeat.alert.judge.Criteria;
import io.heartbeat.alert.judge.Direction;
import io.heartbeat.alert.lifecycle.Stage;

/**
 * A metric definition in force here (a row of alert.metric): thresholds, operator fields, stage, anomaly, SLAs, and
 * the least count of events a window must rest on to be judged (min_count; null: none).
 */
public record Metric(
    String metricId,
    String version,
    String period,
    int periodSeconds,
    Direction direction,
    Double normValue,
    Double alertValue,
    Double targetValue,
    LocalDate targetDueDate,
    String stage,
    Double benchmarkMean,
    Double benchmarkStddev,
    Anomaly anomaly,
    List<String> slas,
    Double minCount) {

  public Metric {
    anomaly = anomaly == null ? Anomaly.DEFAULTS : anomaly;
    slas = slas == null ? List.of() : List.copyOf(slas);
  }

  public Metric(String metricId, String version, String period, int periodSeconds, Direction direction,
      Double normValue, Double alertValue, Double targetValue, LocalDate targetDueDate, String stage,
      Double benchmarkMean, Double benchmarkStddev, Anomaly anomaly, List<String> slas) {
    this(metricId, version, period, periodSeconds, direction, normValue, alertValue, targetValue, targetDueDate,
        stage, benchmarkMean, benchmarkStddev, anomaly, slas, null);
  }

  /** The metric as defined by a registry event that carries a judgeable definition. */
  public static Metric of(MetricDefinitionEvent event) {
    MetricDefinition d = event.definition();
    return new Metric(event.metricId(), event.version(), d.period(), d.periodSeconds(),
        Direction.fromWire(d.direction()), d.normValue(), d.alertValue(), d.targetValue(), d.targetDueDate(),
        d.stage(), d.benchmarkMean(), d.benchmarkStddev(), d.anomaly(), d.slas(), d.minCount());
  }

  /** Criteria of the metric total; a dimension series gets Criteria.bandOnly. */
  public Criteria criteria() {
    return new Criteria(direction, normValue, alertValue);
  }

  public Thresholds thresholds() {
    return new Thresholds(normValue, alertValue, targetValue, targetDueDate);
  }

  /** What the metric's lifecycle stage lets this service do with it (judge, open episodes, count downtime). */
  public Stage lifecycle() {
    return Stage.fromWire(stage);
  }
}
