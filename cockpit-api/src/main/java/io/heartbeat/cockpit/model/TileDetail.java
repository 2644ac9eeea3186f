package io.heartbeat.cockpit.model;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One tile with its recent series points, oldest first. */
@RegisterForReflection
@Schema(description = "One tile and its metric-level points inside the series retention (48 h), oldest first")
public record TileDetail(
    @Schema(required = true) Tile tile,
    @Schema(required = true) List<SeriesPoint> series) {
}
