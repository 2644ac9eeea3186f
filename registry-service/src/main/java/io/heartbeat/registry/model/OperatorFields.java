package io.heartbeat.registry.model;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The fields operators own. A null field means the file's provisional value applies. verificationState is stored as
 * the stage move left it and always laid over as {@link VerificationState#at} the stage says.
 */
@RegisterForReflection
public record OperatorFields(BigDecimal normValue, BigDecimal alertValue, BigDecimal targetValue,
    LocalDate targetDueDate, BigDecimal benchmarkMean, BigDecimal benchmarkStddev, String verificationState,
    String owner, Stage stage) {

  public static final OperatorFields NONE = new OperatorFields(null, null, null, null, null, null, null, null, null);

  /** The file's definition with every operator-set field laid over it, and the verification state of its stage. */
  public MetricDefinition overlay(MetricDefinition d) {
    if (d == null) {
      return null;
    }
    Stage at = or(stage, d.stage());
    // Derived here, on the one path every event and API answer takes, so a stored value can never contradict the stage.
    String verification = VerificationState.at(at,
        VerificationState.fromWire(or(verificationState, d.verificationState()))).wire();
    return new MetricDefinition(d.name(), d.code(), d.period(), d.periodSeconds(), d.direction(), d.unit(),
        d.howToRead(), d.methodology(), d.sources(), d.valueSql(), d.dimension(), or(normValue, d.normValue()),
        or(alertValue, d.alertValue()), or(targetValue, d.targetValue()), or(targetDueDate, d.targetDueDate()),
        or(benchmarkMean, d.benchmarkMean()), or(benchmarkStddev, d.benchmarkStddev()), d.anomaly(), d.slas(),
        d.linkedServices(), d.autoRollback(), d.runbook(), or(owner, d.owner()), at, verification,
        d.statementTimeoutSeconds(), d.historyDays(), d.dimensionCap(), d.minCount());
  }

  private static <T> T or(T operator, T file) {
    return operator != null ? operator : file;
  }
}
