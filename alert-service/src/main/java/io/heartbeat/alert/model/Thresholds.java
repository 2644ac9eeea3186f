package io.heartbeat.alert.model;

import java.time.LocalDate;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** The owner's numbers as carried in an evaluation; target is display only. */
@RegisterForReflection
public record Thresholds(Double normValue, Double alertValue, Double targetValue, LocalDate targetDueDate) {

  public static final Thresholds NONE = new Thresholds(null, null, null, null);
}
