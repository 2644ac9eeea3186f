package io.heartbeat.registry.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A metric as its file defines it, merged with the operator's fields: the `definition` of a registry event. */
@RegisterForReflection
public record MetricDefinition(
    String name,
    String code,
    String period,
    int periodSeconds,
    Direction direction,
    String unit,
    String howToRead,
    String methodology,
    List<String> sources,
    String valueSql,
    DimensionKind dimension,
    BigDecimal normValue,
    BigDecimal alertValue,
    BigDecimal targetValue,
    LocalDate targetDueDate,
    BigDecimal benchmarkMean,
    BigDecimal benchmarkStddev,
    AnomalySettings anomaly,
    List<String> slas,
    List<String> linkedServices,
    String runbook,
    String owner,
    Stage stage,
    String verificationState,
    Integer statementTimeoutSeconds,
    Integer historyDays,
    Integer dimensionCap,
    BigDecimal minCount) {
}
