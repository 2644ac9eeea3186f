package io.heartbeat.compute.model;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Why a window could not be computed; sqlState is null when the database did not say. */
@RegisterForReflection
public record ObservationError(String message, String sqlState) {
}
