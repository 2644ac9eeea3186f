package io.heartbeat.compute.model;

import java.math.BigDecimal;
import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The part of a metric definition compute-service acts on. {@code statementTimeoutSeconds} is optional (the
 * registry fills it from a file's {@code -- statement_timeout:} line); without it {@code compute.statement-timeout}
 * applies. {@code historyDays}, {@code dimensionCap} and {@code minCount} are optional header keys too.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricDefinition(
    String period,
    int periodSeconds,
    String valueSql,
    String dimension,
    Integer statementTimeoutSeconds,
    Integer historyDays,
    Integer dimensionCap,
    BigDecimal minCount) {

  public MetricDefinition(String period, int periodSeconds, String valueSql, String dimension,
      Integer statementTimeoutSeconds) {
    this(period, periodSeconds, valueSql, dimension, statementTimeoutSeconds, null, null, null);
  }

  public Duration length() {
    return Duration.ofSeconds(periodSeconds);
  }
}
