package io.heartbeat.cockpit.model;

import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The definition carried by a MetricDefinitionEvent; the cockpit reads the display fields, stores the rest as jsonb. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricDefinition(
    String name,
    String code,
    String period,
    Integer periodSeconds,
    String direction,
    String unit,
    String howToRead,
    String methodology,
    List<String> sources,
    String valueSql,
    String dimension,
    Double normValue,
    Double alertValue,
    Double targetValue,
    LocalDate targetDueDate,
    Double benchmarkMean,
    Double benchmarkStddev,
    Anomaly anomaly,
    List<String> slas,
    List<String> linkedServices,
    String runbook,
    String owner,
    String stage,
    String verificationState) {

  /** True when every field a tile shows and the read model requires is there. */
  public boolean displayable() {
    return name != null && code != null && unit != null && direction != null && period != null && stage != null;
  }

  /** Anomaly band settings of the metric. */
  @RegisterForReflection
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Anomaly(
      boolean enabled, double sensitivity, int triggerWindows, int recoveryWindows, int minHistoryWindows) {
  }
}
