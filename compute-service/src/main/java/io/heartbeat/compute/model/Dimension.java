package io.heartbeat.compute.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A drill-down slice of an observation, e.g. {kind: region, value: eu}. */
@RegisterForReflection
public record Dimension(String kind, String value) {

  /** The form used in observation ids: {@code kind=value}. */
  public String key() {
    return kind + "=" + value;
  }
}
