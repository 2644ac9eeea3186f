package io.heartbeat.compute.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Outcome of one observation, written lower-case on the wire. */
public enum Status {
  OK, EMPTY, ERROR;

  @JsonValue
  public String wire() {
    return name().toLowerCase();
  }
}
