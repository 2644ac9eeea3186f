package io.heartbeat.alert.model;

import java.time.LocalDate;
import java.util.List;

import io.heartbeat.alert.judge.Anomaly;
import io.heartbeat.alert.lifecycle.Stage;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The part of a registry definition this service judges by; the full definition is kept as jsonb. */
@RegisterForReflection
public record MetricDefinition(
    String name,
    String code,
    String period,
    Integer periodSeconds,
    String direction,
    Double normValue,
    Double alertValue,
    Double targetValue,
    LocalDate targetDueDate,
    Double benchmarkMean,
    Double benchmarkStddev,
    Anomaly anomaly,
    List<String> slas,
    String stage,
    Double minCount) {

  /** The fields alert.metric cannot do without; a stage this service does not know would leave its rules unknown. */
  public boolean isJudgeable() {
    return period != null && periodSeconds != null && periodSeconds > 0 && Stage.known(stage)
        && ("higher_is_better".equals(direction) || "lower_is_better".equals(direction));
  }
}
