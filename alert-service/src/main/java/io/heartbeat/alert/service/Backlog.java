package io.heartbeat.alert.service;

import io.smallrye.mutiny.Uni;

/** How far this service got in reading its observations; implemented by messaging, asked by the stale check. */
public interface Backlog {

  /** True when everything that was on the observation partitions at the previous call has since been judged. */
  Uni<Boolean> caughtUpSinceLastAsked();
}
