package io.heartbeat.registry.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a metric can be drilled down by. */
public enum DimensionKind {
  CUSTOMER, REGION, PLATFORM;

  @JsonValue
  public String wire() {
    return name().toLowerCase();
  }

  public static DimensionKind fromWire(String value) {
    for (DimensionKind d : values()) {
      if (d.wire().equals(value)) {
        return d;
      }
    }
    return null;
  }
}
