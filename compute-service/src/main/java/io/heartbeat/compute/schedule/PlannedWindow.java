package io.heartbeat.compute.schedule;

import io.heartbeat.compute.model.VersionedDefinition;

/** A window to compute and the definition that governs it. */
public record PlannedWindow(Window window, VersionedDefinition definition) {
}
