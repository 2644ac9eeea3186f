package io.heartbeat.alert.band;

/** Where a value lies relative to its band. */
public enum Position {
  BELOW,
  INSIDE,
  ABOVE
}
