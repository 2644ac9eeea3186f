package io.heartbeat.alert.notify;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a notification tells about its episode: it started firing, something changed while it is open (escalated,
 * e.g. amber to red, or the rollback's outcome arrived), or it resolved. Paging vendors know only open and closed,
 * so an update re-sends the open alert under the same dedup key instead of opening a second one.
 */
public enum Status {
  FIRING,
  UPDATED,
  RESOLVED;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Status fromWire(String wire) {
    for (Status status : values()) {
      if (status.wire().equals(wire)) {
        return status;
      }
    }
    throw new IllegalArgumentException("unknown notification status " + wire);
  }
}
