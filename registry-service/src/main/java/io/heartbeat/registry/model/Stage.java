package io.heartbeat.registry.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** The ten lifecycle stages of a metric, from discovery to retirement. */
public enum Stage {
  DISCOVERY, DRAFTED, BACKFILLED, PROVISIONAL, UNVERIFIED, OWNED, VERIFIED, PAGING, DEPRECATED, RETIRED;

  @JsonValue
  public String wire() {
    return name().toLowerCase();
  }

  public static Stage fromWire(String value) {
    for (Stage s : values()) {
      if (s.wire().equals(value)) {
        return s;
      }
    }
    return null;
  }
}
