package io.heartbeat.compute.model;

import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The part of a metric definition compute-service acts on. {@code statementTimeoutSeconds} is optional and not
 * (yet) in the v1 contract; without it the configured default applies.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record MetricDefinition(
    String period,
    int periodSeconds,
    String valueSql,
    String dimension,
    Integer statementTimeoutSeconds) {

  public Duration length() {
    return Duration.ofSeconds(periodSeconds);
  }
}
