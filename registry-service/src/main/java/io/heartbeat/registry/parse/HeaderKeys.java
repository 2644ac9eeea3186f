package io.heartbeat.registry.parse;

import java.util.List;
import java.util.Set;

/** The documented header keys of a metric file (db/metrics/_schema.sql explains each). */
public final class HeaderKeys {

  public static final List<String> REQUIRED = List.of("name", "code", "period", "direction", "unit", "how_to_read");

  public static final Set<String> ALL = new java.util.TreeSet<>(List.of(
      "metric_id", "name", "code", "period", "direction", "unit", "how_to_read", "methodology", "sources",
      "norm_value", "alert_value", "target_value", "target_due_date", "benchmark_mean", "benchmark_stddev",
      "anomaly_enabled", "anomaly_sensitivity", "anomaly_trigger_windows", "anomaly_recovery_windows",
      "anomaly_min_history", "anomaly_trigger_within", "anomaly_min_change_percent", "anomaly_min_change_absolute",
      "sla", "linked_services", "auto_rollback", "runbook", "owner", "stage", "dimension", "dimension_cap",
      "statement_timeout", "history_days", "min_count"));

  private HeaderKeys() {
  }
}
