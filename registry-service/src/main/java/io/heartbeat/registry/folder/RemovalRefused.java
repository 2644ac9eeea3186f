package io.heartbeat.registry.folder;

import io.heartbeat.registry.model.SyncReport;

/** A confirmation that does not match the removals pending now; pending is what is pending instead (null: none). */
public class RemovalRefused extends RuntimeException {

  private final transient SyncReport.PendingRemovals pending;

  public RemovalRefused(String message, SyncReport.PendingRemovals pending) {
    super(message);
    this.pending = pending;
  }

  public SyncReport.PendingRemovals pending() {
    return pending;
  }
}
