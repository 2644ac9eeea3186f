package io.heartbeat.alert.judge;

/** Evaluation status of the metric data contract, declared highest priority first. */
public enum Status {
  ERROR,
  STALE,
  RED,
  AMBER,
  ANOMALOUS,
  GREEN,
  UNKNOWN;

  /** The lower-case value written in events and tables. */
  public String wire() {
    return name().toLowerCase();
  }
}
