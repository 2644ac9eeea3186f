package io.heartbeat.cockpit.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A tile's status, declared in cockpit order: most severe first, so the ordinal is the sort key. */
public enum Status {
  ERROR, STALE, RED, AMBER, ANOMALOUS, UNKNOWN, GREEN;

  @JsonValue
  public String wire() {
    return name().toLowerCase();
  }

  @JsonCreator
  public static Status fromWire(String wire) {
    return valueOf(wire.toUpperCase());
  }
}
