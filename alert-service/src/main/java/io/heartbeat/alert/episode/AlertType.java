package io.heartbeat.alert.episode;

/** The published steps of an alert episode (event type on heartbeat.alerts). */
public enum AlertType {
  FIRING,
  ESCALATED,
  RESOLVED;

  public String wire() {
    return name().toLowerCase();
  }
}
