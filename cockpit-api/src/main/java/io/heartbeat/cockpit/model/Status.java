package io.heartbeat.cockpit.model;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A tile's status, declared in cockpit order: most severe first, so the ordinal is the sort key. */
@Schema(type = SchemaType.STRING, description = "Status of the latest evaluation, unknown before the first one",
    enumeration = {"error", "stale", "red", "amber", "anomalous", "unknown", "green"})
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
