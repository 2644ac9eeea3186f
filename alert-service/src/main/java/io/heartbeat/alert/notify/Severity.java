package io.heartbeat.alert.notify;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How bad the episode is, in Heartbeat's own words (the bad statuses of the metric data contract, declared most
 * urgent first). Each channel maps it onto its vendor's scale; the mapping lives with the vendor, not here. On a
 * resolve it is the episode's worst severity, so the resolve still says what recovered.
 */
public enum Severity {
  /** The value could not be computed: value_sql or the marts are broken; a page to the metric's owner. */
  ERROR,
  /** No observation for two periods: the heartbeat stopped beating, the most urgent signal. */
  STALE,
  /** Beyond alert_value: the SLA, regulatory cap or capacity ceiling is crossed. */
  RED,
  /** Beyond norm_value: the owner's commitment is broken. */
  AMBER,
  /** Outside the learned band on the bad side for the trigger window, thresholds still held. */
  ANOMALOUS;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Severity fromWire(String wire) {
    for (Severity severity : values()) {
      if (severity.wire().equals(wire)) {
        return severity;
      }
    }
    throw new IllegalArgumentException("unknown severity " + wire);
  }
}
