package io.heartbeat.registry.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A metric as its file defines it, merged with the operator's fields: the `definition` of a registry event.
 * autoRollback is never null: a definition stored before the key existed has none and reads as true, the default.
 */
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
    Boolean autoRollback,
    String runbook,
    String owner,
    Stage stage,
    String verificationState,
    Integer statementTimeoutSeconds,
    Integer historyDays,
    Integer dimensionCap,
    BigDecimal minCount) {

  /** Rollback of a linked service's deploy is on unless the file says '-- auto_rollback: false'. */
  public static final boolean DEFAULT_AUTO_ROLLBACK = true;

  public MetricDefinition {
    // Boxed so a stored definition without the field reads as the default, not as the primitive's false.
    autoRollback = autoRollback == null ? DEFAULT_AUTO_ROLLBACK : autoRollback;
  }
}
