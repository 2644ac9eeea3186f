package io.heartbeat.compute.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a backfill job stands, written lower-case on the wire and in compute.backfill.state. */
public enum BackfillState {
  RUNNING, DONE, FAILED;

  @JsonValue
  public String wire() {
    return name().toLowerCase();
  }

  public static BackfillState of(String wire) {
    return valueOf(wire.toUpperCase());
  }
}
