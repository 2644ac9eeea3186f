package io.heartbeat.cockpit.model;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One tile with its recent series points, oldest first. */
@RegisterForReflection
public record TileDetail(Tile tile, List<SeriesPoint> series) {
}
