package io.heartbeat.cockpit.service;

/** What applying one event did to the read model; counted per channel in cockpit.events. */
public enum Outcome {
  /** The read model now reflects the event. */
  APPLIED,
  /** A newer or identical event was already applied: nothing changed but, for evaluations, the series point. */
  SUPERSEDED,
  /** The metric and its tile are gone. */
  REMOVED,
  /** A dimension slice's window, kept as a drill-down point (or left out past the retention). */
  SLICE,
  /** Nothing for the cockpit in it (an invalid metric with no good version). */
  IGNORED;

  public String tag() {
    return name().toLowerCase();
  }
}
