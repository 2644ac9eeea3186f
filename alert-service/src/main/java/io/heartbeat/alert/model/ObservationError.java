package io.heartbeat.alert.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Why compute-service could not compute a window. */
@RegisterForReflection
public record ObservationError(String message, String sqlState) {
}
