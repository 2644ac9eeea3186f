package io.heartbeat.alert.notify;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where the episode's automatic rollback stands. The first page says STARTED and is not held back for the
 * outcome; an update under the same dedup key then says SUCCEEDED or FAILED. SKIPPED carries its reason (no recent
 * deploy, stage, switched off, already rolled back).
 */
public enum RollbackState {
  STARTED,
  SUCCEEDED,
  FAILED,
  SKIPPED;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static RollbackState fromWire(String wire) {
    for (RollbackState state : values()) {
      if (state.wire().equals(wire)) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown rollback state " + wire);
  }
}
