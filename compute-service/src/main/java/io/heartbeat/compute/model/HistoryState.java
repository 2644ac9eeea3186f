package io.heartbeat.compute.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a history job stands, written lower-case in compute.history.state. */
public enum HistoryState {
  RUNNING, DONE, FAILED;

  @JsonValue
  public String wire() {
    return name().toLowerCase();
  }

  public static HistoryState of(String wire) {
    return valueOf(wire.toUpperCase());
  }
}
