package io.heartbeat.registry.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which side of a threshold is bad: a heartbeat that drops is bad when higher is better. */
public enum Direction {
  HIGHER_IS_BETTER, LOWER_IS_BETTER;

  @JsonValue
  public String wire() {
    return name().toLowerCase();
  }

  public static Direction fromWire(String value) {
    for (Direction d : values()) {
      if (d.wire().equals(value)) {
        return d;
      }
    }
    return null;
  }
}
