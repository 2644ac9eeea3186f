package io.heartbeat.registry.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.heartbeat.registry.model.Direction;
import io.heartbeat.registry.model.MetricDefinition;

/** The consistency rules thresholds obey whoever set them: red beyond amber on the bad side, target on the good side. */
public final class ThresholdRules {

  /** One broken rule, naming the field to fix. */
  public record Violation(String field, String message) {
  }

  private ThresholdRules() {
  }

  public static List<Violation> check(MetricDefinition d) {
    List<Violation> out = new ArrayList<>();
    Direction dir = d.direction();
    BigDecimal norm = d.normValue();
    BigDecimal alert = d.alertValue();
    BigDecimal target = d.targetValue();
    if (dir != null) {
      boolean higher = dir == Direction.HIGHER_IS_BETTER;
      if (norm != null && alert != null && (higher ? alert.compareTo(norm) > 0 : alert.compareTo(norm) < 0)) {
        out.add(new Violation("alert_value", "'" + alert.toPlainString() + "' is " + (higher ? "above" : "below")
            + " norm_value " + norm.toPlainString() + ": expected red to lie beyond amber on the bad side ("
            + dir.wire() + ")"));
      }
      if (norm != null && target != null && (higher ? target.compareTo(norm) < 0 : target.compareTo(norm) > 0)) {
        out.add(new Violation("target_value", "'" + target.toPlainString() + "' is " + (higher ? "below" : "above")
            + " norm_value " + norm.toPlainString() + ": expected the stretch target on the good side ("
            + dir.wire() + ")"));
      }
    }
    if (target != null && d.targetDueDate() == null) {
      out.add(new Violation("target_due_date", "target_value without target_due_date: expected a date as YYYY-MM-DD"));
    }
    if (d.targetDueDate() != null && target == null) {
      out.add(new Violation("target_value", "target_due_date without target_value: expected a number"));
    }
    if (d.benchmarkStddev() != null && d.benchmarkStddev().signum() <= 0) {
      out.add(new Violation("benchmark_stddev", "'" + d.benchmarkStddev().toPlainString()
          + "': expected a positive number"));
    }
    return out;
  }
}
