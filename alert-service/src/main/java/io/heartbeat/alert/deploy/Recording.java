package io.heartbeat.alert.deploy;

/** What recording a deployment did: a new row, the same deployment again (a retry, a replay), or a clash. */
public enum Recording {
  /** First time this id was seen: the row was written. */
  CREATED,
  /** The id was known with the same fields: nothing changed. */
  UNCHANGED,
  /** The id was known with other fields (service, environment, version and start equal, the rest not): refused. */
  CONFLICTING
}
