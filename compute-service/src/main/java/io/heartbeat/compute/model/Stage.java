package io.heartbeat.compute.model;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The lifecycle stage a heartbeat.registry event carries ({@code definition.stage}, docs/lifecycle.md), as far as
 * compute is concerned: whether the metric is computed at all. {@code discovery} has no SQL worth running yet and
 * {@code retired} is gone from the cockpit; every other stage is computed, live and with its history.
 */
public enum Stage {
  DISCOVERY(false),
  DRAFTED(true),
  BACKFILLED(true),
  PROVISIONAL(true),
  UNVERIFIED(true),
  OWNED(true),
  VERIFIED(true),
  PAGING(true),
  DEPRECATED(true),
  RETIRED(false);

  private final boolean computed;

  Stage(boolean computed) {
    this.computed = computed;
  }

  public boolean computed() {
    return computed;
  }

  @JsonValue
  public String wire() {
    return name().toLowerCase();
  }

  /** The stage of a wire value; empty for null or a value this version does not know. */
  public static Optional<Stage> of(String wire) {
    for (Stage stage : values()) {
      if (stage.wire().equals(wire)) {
        return Optional.of(stage);
      }
    }
    return Optional.empty();
  }
}
