package io.heartbeat.alert.notify;

import java.util.Objects;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The episode's rollback as the page reports it: its state, the words that explain it (why it was skipped, how it
 * failed) and which deploy it concerns (null when skipped for want of a recent deploy).
 */
@RegisterForReflection
public record Rollback(RollbackState state, String detail, String service, String version) {

  public Rollback {
    Objects.requireNonNull(state, "state");
  }
}
